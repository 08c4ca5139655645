// "What the pilots did to the vote", checked against a made-up election loaded in this test only: a dozen
// North East seats, Labour's share moved by chosen amounts from its real 2024 share, pilots in some.
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';
import { makePilot } from './boards.fixtures.ts';
import { VOTE_CAVEATS } from './vote-comparison.ts';

const t = useTestApp();
let staff: Awaited<ReturnType<typeof signedInAs>>;

// Seat, its band (majority at GE2024), the pilot it gets (or none), and the change in Labour's share.
const SEATS: [code: string, band: string, pilot: [status: 'active' | 'won' | 'paused' | 'planned', startsOn: string] | null, change: number][] = [
  ['E14001368', 'under10', null, 1], // Middlesbrough South and East Cleveland, 0.56 %
  ['E14001519', 'under10', null, 3], // Stockton West, 4.40 %
  ['E14001190', 'under10', ['active', '2026-03-01'], 6], // Darlington, 5.42 %
  ['E14001285', 'under10', ['won', '2025-06-01'], 4], // Hexham, 7.16 %
  ['E14001389', '10to20', ['paused', '2027-01-01'], 2], // North Durham, 14.13 %
  ['E14001531', '10to20', null, 0], // Sunderland Central, 15.20 %
  ['E14001101', '10to20', null, -2], // Bishop Auckland, 16.50 %
  ['E14001492', '10to20', null, 2], // South Shields, 18.07 %
  ['E14001107', '20plus', ['active', '2026-01-10'], -1], // Blyth and Ashington, 22.70 %
  ['E14001272', '20plus', ['planned', '2026-01-01'], 1], // Hartlepool: planned, so not started
  ['E14001557', '20plus', ['active', '2029-06-01'], 3], // Tynemouth: started after polling day
  ['E14001173', '20plus', null, 2], // City of Durham, 28.94 %
]; // prettier-ignore

beforeAll(async () => {
  staff = await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' });
});

async function loadMadeUpElection() {
  const { prisma } = t.db;
  await prisma.election.create({
    data: {
      code: 'GE2029T',
      name: 'Made-up general election 2029 (test)',
      polledOn: new Date('2029-05-03T00:00:00Z'),
      boundarySetCode: '2024',
      notional: false,
      source: 'Invented for vote-effect.int.test.ts',
    },
  });
  for (const [code, , , change] of SEATS) {
    const before = await prisma.result.findFirstOrThrow({
      where: { electionCode: 'GE2024', constituency: { code, boundarySetCode: '2024' } },
      include: { votes: { where: { partyCode: 'Lab' } } },
    });
    // 100,000 valid votes, Labour's share exactly its 2024 share plus the change (to a thousandth of a point).
    const share = (100 * before.votes[0]!.votes) / before.validVotes + change;
    const lab = Math.round(share * 1000);
    await prisma.result.create({
      data: {
        electionCode: 'GE2029T',
        constituencyId: before.constituencyId,
        electorate: 150_000,
        validVotes: 100_000,
        majority: Math.abs(2 * lab - 100_000),
        winnerCode: lab > 50_000 ? 'Lab' : 'Con',
        secondCode: lab > 50_000 ? 'Con' : 'Lab',
        votes: {
          create: [
            { partyCode: 'Lab', votes: lab },
            { partyCode: 'Con', votes: 100_000 - lab },
          ],
        },
      },
    });
  }
}

describe('the vote comparison', () => {
  it('has nothing to compare before any pilot, nor when no election followed one', async () => {
    const none = await t.api.get('/api/pilot-boards/vote-effect').set(staff.headers).expect(200);
    expect(none.body).toEqual({ elections: [], caveats: VOTE_CAVEATS });
    for (const [code, , pilot] of SEATS)
      if (pilot) await makePilot(t.db.prisma, code, { status: pilot[0], startsOn: pilot[1] });
    // The real data ends with GE2024, before every pilot.
    const after = await t.api.get('/api/pilot-boards/vote-effect').set(staff.headers).expect(200);
    expect(after.body.elections).toEqual([]);
    // A start date typed in as before 2024 does not make GE2024 an election "after a pilot": a pilot
    // counts from the later of its start and the day it was recorded (today here).
    const backdated = await makePilot(t.db.prisma, 'E14001367', { status: 'active', startsOn: '2000-01-01' });
    const still = await t.api.get('/api/pilot-boards/vote-effect').set(staff.headers).expect(200);
    expect(still.body.elections).toEqual([]);
    await t.db.prisma.pilot.delete({ where: { id: backdated } });
    expect(after.body.caveats.length).toBeGreaterThanOrEqual(5);
  });

  it('compares the change in Labour share with and without pilots, within region and band', async () => {
    await loadMadeUpElection();
    const res = await t.api.get('/api/pilot-boards/vote-effect').set(staff.headers).expect(200);
    expect(res.body.elections).toHaveLength(1);
    const [result] = res.body.elections;
    expect(result.election).toEqual({
      code: 'GE2029T',
      name: 'Made-up general election 2029 (test)',
      polledOn: '2029-05-03',
    });
    expect(result.previous.code).toBe('GE2024');
    const ne = { code: 'E12000001', name: 'North East' };
    const close = (v: number) => expect.closeTo(v, 1);
    // Under 10 %: with Darlington +6, Hexham +4; without Middlesbrough S&EC +1, Stockton West +3.
    // 10–20 %: with North Durham +2; without Sunderland Central 0, Bishop Auckland −2, South Shields +2.
    // 20 %+: with Blyth −1; without Hartlepool +1 (planned), Tynemouth +3 (started after), City of Durham +2.
    expect(result.strata).toEqual([
      {
        region: ne,
        band: 'under10',
        withPilots: { n: 2, meanChange: close(5), sd: close(1.41) },
        without: { n: 2, meanChange: close(2), sd: close(1.41) },
        difference: close(3),
      },
      {
        region: ne,
        band: '10to20',
        withPilots: { n: 1, meanChange: close(2), sd: null },
        without: { n: 3, meanChange: close(0), sd: close(2) },
        difference: close(2),
      },
      {
        region: ne,
        band: '20plus',
        withPilots: { n: 1, meanChange: close(-1), sd: null },
        without: { n: 3, meanChange: close(2), sd: close(1) },
        difference: close(-3),
      },
    ]);
    // Weights 2, 1, 1: (2·3 + 2 − 3) / 4 = 1.25. Spread: pooled variance 14/6 for the single seats;
    // sqrt(4·(2/2 + 2/2) + (14/6 + 4/3) + (14/6 + 1/3)) / 4 ≈ 0.95.
    expect(result.overall).toEqual({
      withPilots: 4,
      without: 8,
      difference: close(1.25),
      spread: close(0.95),
      strataUsed: 3,
      strataLeftOut: 0,
    });
    expect(res.body.caveats.join(' ')).toMatch(/not assigned at random/);
  });

  it('is shown to regional staff and admins only', async () => {
    const clp = await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: 'E14001107' } } });
    const organiser = await signedInAs(t, 'organiser', { clpId: clp.id });
    await t.api.get('/api/pilot-boards/vote-effect').set(organiser.headers).expect(403);
    await t.api.get('/api/pilot-boards/vote-effect').expect(401);
  });
});
