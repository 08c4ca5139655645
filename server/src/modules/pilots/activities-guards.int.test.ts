// What a hostile-input review found in the activity log: dates before the pilot's start, an import applied
// several times at once, a key resent with other values, and messages that echoed or misnamed the input.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';
import { utcDayFromNow, type TActivity } from '../../contracts/index.ts';

const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
let organiser: Person;
let clpId: number;

// A pilot that started some months ago, so that both "before the start" and "after it" are in the past.
const STARTS_ON = utcDayFromNow(-120);
const AFTER_START = utcDayFromNow(-100);
const HEADER = 'date,type,participants,conversations,notes';

const newPilot = async () =>
  (
    await t.db.prisma.pilot.create({
      data: {
        clpId,
        title: 'Reopen the Cowpen library',
        issue: 'The library opens two days a week',
        category: 'local_services',
        kind: 'community_organising',
        status: 'active',
        statusOn: new Date(`${STARTS_ON}T00:00:00Z`),
        startsOn: new Date(`${STARTS_ON}T00:00:00Z`),
      },
    })
  ).id;

const post = (pilotId: number, body: object) =>
  t.api.post(`/api/pilots/${pilotId}/activities`).set(organiser.headers).send(body);
const activity = (extra: object = {}) => ({
  idempotencyKey: randomUUID(),
  occurredOn: AFTER_START,
  type: 'stall',
  participants: 4,
  conversations: 30,
  ...extra,
});
const importFile = (pilotId: number, query: string, csv: string, type = 'text/csv') =>
  t.api
    .post(`/api/pilots/${pilotId}/activities/import?${query}`)
    .set(organiser.headers)
    .set('Content-Type', type)
    .send(csv);
const stored = (pilotId: number) => t.db.prisma.pilotActivity.count({ where: { pilotId } });

beforeAll(async () => {
  clpId = (await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: 'E14001107' } } })).id;
  organiser = await signedInAs(t, 'organiser', { clpId });
});

describe('an activity dated before its pilot started', () => {
  it('is refused on create, edit and import, naming the date field and the start', async () => {
    const pilotId = await newPilot();
    const early = await post(pilotId, activity({ occurredOn: '2000-01-01' })).expect(422);
    expect(early.body.error.message).toContain(STARTS_ON);
    expect(early.body.error.details).toEqual([
      { field: 'occurredOn', message: `must not be before the pilot started (${STARTS_ON})` },
    ]);
    expect(await stored(pilotId)).toBe(0);

    // The start day itself is fine; moving it to 2000 is not, and leaves it as it was.
    const made = (await post(pilotId, activity({ occurredOn: STARTS_ON })).expect(201)).body as TActivity;
    const url = `/api/pilots/${pilotId}/activities/${made.id}`;
    const edit = { occurredOn: '2000-01-01', type: 'stall', participants: 4, conversations: 30, version: 1 };
    const moved = await t.api.put(url).set(organiser.headers).send(edit).expect(422);
    expect(moved.body.error.details[0].field).toBe('occurredOn');
    expect(moved.body.error.message).toContain(STARTS_ON);
    const after = await t.api
      .put(url)
      .set(organiser.headers)
      .send({ ...edit, occurredOn: AFTER_START })
      .expect(200);
    expect(after.body).toMatchObject({ occurredOn: AFTER_START, version: 2 });

    const csv = [HEADER, `${AFTER_START},stall,1,2,`, '2000-01-01,stall,1,2,'].join('\n');
    const preview = await importFile(pilotId, 'apply=false', csv).expect(200);
    expect(preview.body).toMatchObject({ rows: 2, valid: 1 });
    expect(preview.body.errors).toEqual([
      {
        line: 3,
        field: 'date',
        reason: `must not be before the pilot started (${STARTS_ON}), got 2000-01-01`,
      },
    ]);
    await importFile(pilotId, `apply=true&key=${randomUUID()}`, csv).expect(422);
    expect(await stored(pilotId)).toBe(1);
  });
});

describe('applying an import file', () => {
  const fifty = () =>
    [HEADER, ...Array.from({ length: 50 }, (_, i) => `${AFTER_START},stall,2,10,Session ${i + 1}`)].join(
      '\n',
    );

  it('makes the rows once when the same file is applied three times at once with one key', async () => {
    const pilotId = await newPilot();
    const key = randomUUID();
    const answers = await Promise.all(
      [1, 2, 3].map(() => importFile(pilotId, `apply=true&key=${key}`, fifty())),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(answers.map((a) => a.body)).toEqual(
      expect.arrayContaining([
        { created: 50 },
        { created: 0, alreadyImported: 50 },
        { created: 0, alreadyImported: 50 },
      ]),
    );
    expect(await stored(pilotId)).toBe(50);
    const ids = (await t.db.prisma.pilotActivity.findMany({ where: { pilotId } })).map((a) => String(a.id));
    expect(
      await t.db.prisma.auditEntry.count({ where: { entityType: 'pilot-activity', entityId: { in: ids } } }),
    ).toBe(50);

    // A retry later (the answer was lost) adds nothing either; the key belongs to this pilot's file.
    const retry = await importFile(pilotId, `apply=true&key=${key.toUpperCase()}`, fifty()).expect(200);
    expect(retry.body).toEqual({ created: 0, alreadyImported: 50 });
    const elsewhere = await importFile(await newPilot(), `apply=true&key=${key}`, fifty()).expect(409);
    expect(elsewhere.body.error.message).toMatch(/another pilot/);
    expect(await stored(pilotId)).toBe(50);
  });

  it('needs the file key to apply, not to preview', async () => {
    const pilotId = await newPilot();
    const res = await importFile(pilotId, 'apply=true', fifty()).expect(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['key']);
    await importFile(pilotId, 'apply=true&key=not-a-uuid', fifty()).expect(400);
    await importFile(pilotId, 'apply=false', fifty()).expect(200);
    expect(await stored(pilotId)).toBe(0);
  });
});

describe('an idempotency key sent again', () => {
  it('answers 200 with the row for the same values, and 409 with the stored row for other values', async () => {
    const pilotId = await newPilot();
    const body = activity({ notes: 'Outside the Co-op' });
    const first = (await post(pilotId, body).expect(201)).body as TActivity;
    expect((await post(pilotId, body).expect(200)).body.id).toBe(first.id);

    for (const change of [{ conversations: 31 }, { notes: 'Outside the library' }, { participants: null }]) {
      const res = await post(pilotId, { ...body, ...change }).expect(409);
      expect(res.body.error.message).toBe(
        'This activity was already saved with other values; it is in the list — edit it there',
      );
      expect(res.body.error.details.current).toMatchObject({
        id: first.id,
        conversations: 30,
        participants: 4,
        notes: 'Outside the Co-op',
      });
    }
    expect(await stored(pilotId)).toBe(1);
  });
});

describe('import messages', () => {
  it('shows at most 40 characters of a huge count and asks for CSV by name', async () => {
    const pilotId = await newPilot();
    const huge = '7'.repeat(50_000);
    const res = await importFile(pilotId, 'apply=false', `${HEADER}\n${AFTER_START},stall,${huge},,`).expect(
      200,
    );
    expect(res.body.errors).toEqual([
      {
        line: 2,
        field: 'participants',
        reason: `must be a whole number from 0 to 100,000, got ${'7'.repeat(40)}…`,
      },
    ]);
    expect(JSON.stringify(res.body).length).toBeLessThan(1000);

    const plain = await importFile(
      pilotId,
      'apply=false',
      `${HEADER}\n${AFTER_START},stall,1,1,`,
      'text/plain',
    ).expect(415);
    expect(plain.body.error.message).toBe('Send the file as CSV (Content-Type: text/csv)');

    const klingon = await importFile(
      pilotId,
      'apply=false',
      `${HEADER}\n${AFTER_START},stall,1,1,`,
      'text/csv; charset=klingon',
    ).expect(415);
    expect(klingon.body.error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Send the file as UTF-8 CSV (Content-Type: text/csv; charset=utf-8)',
    });
  });
});
