import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/test-app.ts';

const t = useTestApp();
const url = '/api/seats?boundarySet=2010&region=E12000001';

describe('replaying cacheable responses', () => {
  it('answers a repeat with the same headers and body as the first, with its own request id', async () => {
    const first = await t.api.get(url).expect(200);
    const second = await t.api.get(url).expect(200);
    expect(second.text).toBe(first.text);
    const stable = (h: Record<string, string>) => {
      const { date: _d, 'x-request-id': _id, ...rest } = h;
      return rest;
    };
    expect(stable(second.headers)).toEqual(stable(first.headers));
    expect(second.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    await t.api.get(url).set('If-None-Match', first.headers.etag!).expect(304);
    const head = await t.api.head(url).expect(200);
    expect(head.headers.etag).toBe(first.headers.etag);
  });

  it('never serves data older than the latest load by more than a second, whichever process loaded it', async () => {
    const before = await t.api.get(url).expect(200);
    expect(before.body.items.map((s: { name: string }) => s.name)).toContain('Blyth Valley');
    // What a data load in another process does: change rows, then record a new dataset_import.
    await t.db.prisma.constituency.update({
      where: { boundarySetCode_code: { boundarySetCode: '2010', code: 'E14000575' } },
      data: { name: 'Blyth Valley (renamed)' },
    });
    await t.db.prisma.datasetImport.create({
      data: { source: 'test', startedAt: new Date(), summary: {} },
    });
    await expect
      .poll(async () => (await t.api.get(url)).body.items.map((s: { name: string }) => s.name), {
        timeout: 3000,
        interval: 200,
      })
      .toContain('Blyth Valley (renamed)');
  });
});
