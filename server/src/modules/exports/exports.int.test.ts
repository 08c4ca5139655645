import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
let admin: Awaited<ReturnType<typeof signedInAs>>;
let staff: Awaited<ReturnType<typeof signedInAs>>;

beforeAll(async () => {
  admin = await signedInAs(t, 'admin');
  staff = await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' });
});

const exportUsers = (headers: Record<string, string>, body: object) =>
  t.api.post('/api/exports/users.csv').set(headers).send(body);
const withoutCsrf = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'x-csrf-token'));
const recorded = () => t.db.prisma.personalDataExport.count();

describe('personal-data exports', () => {
  it('needs a stated purpose, and records who exported what, when and why', async () => {
    const missing = await exportUsers(admin.headers, {}).expect(400);
    expect(missing.body.error.details[0]).toMatchObject({ field: 'purpose' });
    await exportUsers(admin.headers, { purpose: 'why' }).expect(400);

    const before = await recorded();
    const purpose = 'AGM: check officer roles before the handover';
    const res = await exportUsers(admin.headers, { purpose })
      .expect(200)
      .expect('Content-Type', /^text\/csv/)
      .expect('Cache-Control', 'no-store');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="groundwork-users-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.find((r) => Number(r.id) === staff.userId)?.roles).toBe('regional_staff:North East');

    expect(await recorded()).toBe(before + 1);
    const log = await t.api.get('/api/exports').set(admin.headers).expect(200);
    expect(log.body.items[0]).toMatchObject({
      dataset: 'users',
      purpose,
      rowCount: rows.length,
      user: { id: admin.userId },
    });
  });

  it('records nothing for a GET: a link on another site cannot start an export', async () => {
    const before = await recorded();
    const res = await t.api
      .get('/api/exports/users.csv?purpose=clicked%20a%20link%20on%20another%20site')
      .set(admin.headers);
    expect([404, 405]).toContain(res.status);
    expect(res.text).not.toContain('@');
    expect(await recorded()).toBe(before);
  });

  it('needs the CSRF token, and JSON: a cross-site form cannot start one either', async () => {
    const before = await recorded();
    const purpose = 'the purpose another site chose';
    const noToken = await exportUsers(withoutCsrf(admin.headers), { purpose }).expect(403);
    expect(noToken.body.error.code).toBe('FORBIDDEN');
    await exportUsers({ ...admin.headers, 'X-CSRF-Token': 'not-the-token' }, { purpose }).expect(403);
    await t.api
      .post('/api/exports/users.csv')
      .set(withoutCsrf(admin.headers))
      .type('form')
      .send({ purpose })
      .expect(415);
    expect(await recorded()).toBe(before);
  });

  it('is refused to roles without the right, and nothing is recorded', async () => {
    const before = await recorded();
    await exportUsers(staff.headers, { purpose: 'just curious about people' }).expect(403);
    await t.api.post('/api/exports/users.csv').send({ purpose: 'just curious about people' }).expect(401);
    await t.api.get('/api/exports').set(staff.headers).expect(403);
    expect(await recorded()).toBe(before);
  });
});
