import { Writable } from 'node:stream';
import { pino } from 'pino';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { signedInAs } from '../test/people.ts';
import { useTestApp, type TestApp } from '../test/test-app.ts';

const t = useTestApp();

describe('private responses', () => {
  it('are never stored by a browser or a proxy, errors included; public data keeps its caching', async () => {
    const admin = await signedInAs(t, 'admin');
    const clp = await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: 'E14001107' } } });
    const member = await signedInAs(t, 'member', { clpId: clp.id });
    const privateOnes = [
      t.api.get('/api/admin/users').set(admin.headers),
      t.api.get('/api/history/seat-target/E14001107').set(admin.headers),
      t.api.get('/api/targets/board?region=E12000001').set(member.headers),
      t.api.get('/api/seats/2024/E14001107/target').set(member.headers),
      t.api.get('/api/auth/me').set(member.headers),
      t.api.get('/api/admin/users'), // 401
      t.api.get('/api/admin/users').set(member.headers), // 403
    ];
    for (const [i, res] of (await Promise.all(privateOnes)).entries()) {
      expect(res.headers['cache-control'], `request ${i}: ${res.status}`).toBe('no-store');
    }
    const list = await t.api.get('/api/seats?boundarySet=2024').expect(200);
    expect(list.headers['cache-control']).not.toContain('no-store');
    expect(list.headers['permissions-policy']).toContain('camera=()');
  });
});

describe('request logs', () => {
  it('say one short line a request, with who asked, and never a cookie or a CSRF token', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const logged: TestApp = {
      ...t,
      api: supertest(createApp({ db: t.db, config: t.config, logger: pino({ level: 'info' }, sink) })),
    };
    const staff = await signedInAs(logged, 'regional_staff', { regionCode: 'E12000001' });
    await logged.api.get('/api/targets/board?region=E12000001').set(staff.headers).expect(200);
    const line = lines.find((l) => l.includes('/api/targets/board'));
    expect(line).toBeDefined();
    const entry = JSON.parse(line!) as Record<string, unknown>;
    expect(entry).toMatchObject({
      req: { method: 'GET', path: '/api/targets/board' },
      res: { status: 200 },
      userId: staff.userId,
    });
    expect(typeof entry.responseTime).toBe('number');
    expect(line!.length).toBeLessThan(400);
    for (const secret of Object.values(staff.headers)) {
      expect(line).not.toContain(secret.split('=').pop());
    }
  });
});
