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

describe('personal-data exports', () => {
  it('needs a stated purpose, and records who exported what, when and why', async () => {
    const missing = await t.api.get('/api/exports/users.csv').set(admin.headers).expect(400);
    expect(missing.body.error.details[0]).toMatchObject({ field: 'purpose' });
    await t.api.get('/api/exports/users.csv?purpose=why').set(admin.headers).expect(400);

    const purpose = 'AGM: check officer roles before the handover';
    const res = await t.api
      .get(`/api/exports/users.csv?purpose=${encodeURIComponent(purpose)}`)
      .set(admin.headers)
      .expect(200);
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.find((r) => Number(r.id) === staff.userId)?.roles).toBe('regional_staff:North East');

    const log = await t.api.get('/api/exports').set(admin.headers).expect(200);
    expect(log.body.items[0]).toMatchObject({
      dataset: 'users',
      purpose,
      rowCount: rows.length,
      user: { id: admin.userId },
    });
  });

  it('is refused to roles without the right, and nothing is recorded', async () => {
    const before = await t.db.prisma.personalDataExport.count();
    await t.api
      .get('/api/exports/users.csv?purpose=just%20curious%20about%20people')
      .set(staff.headers)
      .expect(403);
    await t.api.get('/api/exports/users.csv?purpose=just%20curious%20about%20people').expect(401);
    await t.api.get('/api/exports').set(staff.headers).expect(403);
    expect(await t.db.prisma.personalDataExport.count()).toBe(before);
  });
});
