import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
let organiser: Person;
let member: Person;
let clpId: number;

const HEADER =
  'date,type,participants,conversations,new_members,new_union_members,new_leaders,petition_signatures,notes';

const newPilot = async () =>
  (
    await t.db.prisma.pilot.create({
      data: {
        clpId,
        title: 'Fix the damp in Cowpen flats',
        issue: 'Damp and mould in council flats',
        category: 'housing',
        kind: 'community_organising',
        status: 'active',
        statusOn: new Date('2026-01-05'),
        startsOn: new Date('2026-01-05'),
      },
    })
  ).id;

/** Fifty sessions over the spring, each with 2 people, 10 conversations and 1 new member. */
const fiftyRows = () =>
  Array.from({ length: 50 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 1, 1 + i)).toISOString().slice(0, 10);
    return `${day},${i % 2 ? 'Door-knocking session' : 'stall'},2,10,1,,,,"Session ${i + 1}, notes"`;
  });

// Applying needs the file's key (made once per chosen file by the client): a fresh one per send here.
const send = (who: Person, pilotId: number, apply: boolean, csv: string) =>
  t.api
    .post(`/api/pilots/${pilotId}/activities/import?apply=${apply}${apply ? `&key=${randomUUID()}` : ''}`)
    .set(who.headers)
    .set('Content-Type', 'text/csv')
    .send(csv);
const countOf = (pilotId: number) => t.db.prisma.pilotActivity.count({ where: { pilotId } });

beforeAll(async () => {
  clpId = (await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: 'E14001107' } } })).id;
  organiser = await signedInAs(t, 'organiser', { clpId });
  member = await signedInAs(t, 'member', { clpId });
});

describe('importing activities from CSV', () => {
  it('reports the one bad row among fifty by line and column, and applies none of them', async () => {
    const pilotId = await newPilot();
    const rows = fiftyRows();
    rows[36] = rows[36]!.replace(',2,10,1,', ',2,-10,1,'); // the 37th row: line 38 of the file
    const csv = [HEADER, ...rows].join('\n');

    const preview = await send(organiser, pilotId, false, csv).expect(200);
    expect(preview.body).toMatchObject({ rows: 50, valid: 49 });
    expect(preview.body.errors).toEqual([
      { line: 38, field: 'conversations', reason: 'must be a whole number from 0 to 10,000, got "-10"' },
    ]);
    expect(preview.body.totals).toMatchObject({ activities: 49, participants: 98, newMembers: 49 });
    expect(await countOf(pilotId)).toBe(0);

    const applied = await send(organiser, pilotId, true, csv).expect(422);
    expect(applied.body.error.message).toMatch(/nothing was imported/);
    expect(applied.body.error.details).toEqual(preview.body.errors);
    expect(await countOf(pilotId)).toBe(0);
  });

  it('applies a clean file of fifty in full, each row with its own key and history entry', async () => {
    const pilotId = await newPilot();
    const csv = [HEADER, ...fiftyRows()].join('\r\n');
    const before = (await t.db.prisma.seatDataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;

    const preview = await send(organiser, pilotId, false, csv).expect(200);
    expect(preview.body).toEqual({
      rows: 50,
      valid: 50,
      errors: [],
      totals: {
        activities: 50,
        participants: 100,
        conversations: 500,
        newMembers: 50,
        newUnionMembers: 0,
        newLeaders: 0,
        petitionSignatures: 0,
      },
    });
    expect(await countOf(pilotId)).toBe(0);

    expect((await send(organiser, pilotId, true, csv).expect(201)).body).toEqual({ created: 50 });
    const list = await t.api
      .get(`/api/pilots/${pilotId}/activities?limit=200`)
      .set(organiser.headers)
      .expect(200);
    expect(list.body.total).toBe(50);
    expect(list.body.items[0]).toMatchObject({
      occurredOn: '2026-03-22',
      type: 'door_knocking',
      conversations: 10,
      notes: 'Session 50, notes',
      recordedBy: { id: organiser.userId },
    });
    expect(new Set(list.body.items.map((a: { idempotencyKey: string }) => a.idempotencyKey)).size).toBe(50);
    const ids = list.body.items.map((a: { id: number }) => String(a.id));
    const history = await t.db.prisma.auditEntry.findMany({
      where: { entityType: 'pilot-activity', entityId: { in: ids } },
    });
    expect(history).toHaveLength(50);
    expect(history.every((h) => h.action === 'create' && h.actorId === organiser.userId)).toBe(true);
    expect(
      (await t.db.prisma.seatDataVersion.findUniqueOrThrow({ where: { id: 1 } })).version,
    ).toBeGreaterThan(before);
  });

  it('refuses files that are too long, not CSV, or from someone who may not write the log', async () => {
    const pilotId = await newPilot();
    const tooMany = [HEADER, ...Array.from({ length: 5001 }, () => '2026-03-02,stall,,,,,,,')].join('\n');
    const long = await send(organiser, pilotId, false, tooMany).expect(413);
    expect(long.body.error.message).toMatch(/5,001 rows; one import takes at most 5,000/);
    const huge = `${HEADER}\n${'2026-03-02,stall,,,,,,,'.padEnd(3 * 1024 * 1024, 'x')}`;
    const big = await send(organiser, pilotId, false, huge).expect(413);
    expect(big.body.error.message).toMatch(/2 MB/);

    await t.api
      .post(`/api/pilots/${pilotId}/activities/import?apply=true&key=${randomUUID()}`)
      .set(organiser.headers)
      .send({ csv: HEADER })
      .expect(415);
    await send(member, pilotId, true, [HEADER, ...fiftyRows()].join('\n')).expect(403);
    await send(organiser, pilotId, true, 'date,participants\n2026-03-02,4').expect(422);
    expect(await countOf(pilotId)).toBe(0);
  });
});
