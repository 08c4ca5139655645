import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { defaultBundlePath, defaultOfficialDir, encodeBundle, readBundle, writeBundle } from './bundle.ts';
import type { Dataset, DatasetGeometry } from './dataset.ts';
import { ImportError } from './errors.ts';
import { readOfficialFiles } from './official.ts';

const SOURCE = process.env.GROUNDWORK_DATA_DIR ?? defaultOfficialDir(loadConfig({}).repoRoot);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bundle-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Each ring as a sorted list of its vertices: TopoJSON may start a ring at another vertex. */
function rings(g: DatasetGeometry): string[] {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons
    .flatMap((p) =>
      p.map((ring) =>
        ring
          .slice(0, -1)
          .map((q) => q.join(','))
          .sort()
          .join(' '),
      ),
    )
    .sort();
}

const withoutShapes = (d: Dataset) => ({
  ...d,
  constituencies: d.constituencies.map(({ geometry: _g, ...c }) => c),
});

describe('data bundle', () => {
  let data: Dataset;
  beforeAll(async () => {
    data = await readOfficialFiles(SOURCE);
  }, 30_000);

  it('round-trips the dataset, every vertex of every seat included', async () => {
    const file = path.join(dir, 'bundle.json.gz');
    const written = await writeBundle(data, file);
    expect(written.bytes).toBeLessThan(1.5 * 1024 * 1024);
    const back = await readBundle(file);
    const { meta, ...dataset } = back;
    expect(meta.sources.length).toBeGreaterThan(0);
    expect(withoutShapes(dataset)).toEqual(withoutShapes(data));
    data.constituencies.forEach((c, i) => {
      expect(rings(back.constituencies[i]?.geometry ?? c.geometry)).toEqual(rings(c.geometry));
    });
  }, 30_000);

  it('is byte-identical when rebuilt from the same files', async () => {
    const file = path.join(dir, 'again.json.gz');
    const first = await writeBundle(data, file);
    const bytes = fs.readFileSync(file);
    const second = await writeBundle(data, file);
    expect(second.changed).toBe(false);
    expect(second.meta.builtAt).toBe(first.meta.builtAt);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const later = await encodeBundle(data, first.meta, new Date('2030-01-01T00:00:00Z'));
    expect(later.bytes.equals(bytes)).toBe(true);
  }, 30_000);

  it('the committed bundle is what the official files give (else run npm run data:bundle)', async () => {
    const committed = await readBundle(defaultBundlePath(loadConfig({}).repoRoot));
    const rebuilt = await encodeBundle(data, committed.meta);
    expect(rebuilt.meta.contentSha256).toBe(committed.meta.contentSha256);
  }, 30_000);

  it('rejects a damaged bundle with the place of each problem', async () => {
    const file = path.join(dir, 'bad.json.gz');
    const { bytes } = await encodeBundle(data);
    const json = JSON.parse(gunzipSync(bytes).toString('utf8')) as {
      results: { majority: number; winnerCode: string }[];
    };
    const [r3, r5] = [json.results[3], json.results[5]];
    if (!r3 || !r5) throw new Error('the bundle has too few results');
    r3.majority = -1;
    r5.winnerCode = 'Nobody';
    fs.writeFileSync(file, gzipSync(JSON.stringify(json)));
    const error = await readBundle(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    const lines = (error as ImportError).problems.map((p) => `${p.line} ${p.message}`);
    expect(lines.some((l) => l.startsWith('results.3.majority'))).toBe(true);

    // A schema-valid bundle whose winner is not a party is caught by the integrity check.
    r3.majority = data.results[3]?.majority ?? 0;
    fs.writeFileSync(file, gzipSync(JSON.stringify(json)));
    const second = (await readBundle(file).catch((e: unknown) => e)) as ImportError;
    expect(second.problems.map((p) => `${p.line} ${p.message}`)).toContain(
      'results.5.winnerCode unknown party Nobody',
    );
  }, 30_000);
});
