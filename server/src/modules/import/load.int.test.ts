// Loads the shipped bundle into an empty, migrated database (PGlite, or PostgreSQL with TEST_DB=postgres)
// and checks that loading is complete, repeatable, and all-or-nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { defaultMigrationsDir, migrate } from '../../db/migrate.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { defaultBundlePath, readBundle } from './bundle.ts';
import type { Dataset } from './dataset.ts';
import { ensureDataLoaded } from './ensure-data.ts';
import { loadDataset } from './load.ts';
import { redWallSeats } from './red-wall.ts';

const { repoRoot } = loadConfig({});

/** The only database setup in this file: an empty database of its own with the migrations applied. */
async function freshDatabase(): Promise<TestDatabase> {
  const db = await openTestDatabase({ empty: true });
  await migrate(db, { dir: defaultMigrationsDir(repoRoot) });
  return db;
}

interface Snapshot {
  counts: Record<string, number>;
  checksum: string;
  ids: Map<string, number>;
}

/** Row counts, a checksum over the seat/result/vote/overlap content, and the seat ids. */
async function snapshot(db: TestDatabase): Promise<Snapshot> {
  return db.withConnection(async (sql) => {
    const [counts] = await sql.query<Record<string, string>>(`
      SELECT (SELECT count(*) FROM nation) AS nation, (SELECT count(*) FROM region) AS region,
             (SELECT count(*) FROM party) AS party, (SELECT count(*) FROM election) AS election,
             (SELECT count(*) FROM constituency) AS constituency, (SELECT count(*) FROM result) AS result,
             (SELECT count(*) FROM result_vote) AS result_vote, (SELECT count(*) FROM constituency_overlap) AS overlap,
             (SELECT count(*) FROM dataset_import) AS dataset_import`);
    const [sum] = await sql.query<{ md5: string }>(`
      SELECT md5(string_agg(line, E'\\n' ORDER BY line)) AS md5 FROM (
        SELECT concat_ws('|', 'c', boundary_set_code, code, name, name_welsh, region_code, electorate, leave_share,
                         deprivation_decile, deprivation_score, red_wall, hex_q, hex_r, md5(geometry::text)) AS line
          FROM constituency
        UNION ALL
        SELECT concat_ws('|', 'r', r.election_code, c.code, r.valid_votes, r.majority, r.winner_code, r.second_code,
                         (SELECT string_agg(v.party_code || '=' || v.votes, ',' ORDER BY v.party_code)
                            FROM result_vote v WHERE v.result_id = r.id))
          FROM result r JOIN constituency c ON c.id = r.constituency_id
        UNION ALL
        SELECT concat_ws('|', 'o', f.code, t.code, o.pop_share, o.area_share, o.population)
          FROM constituency_overlap o JOIN constituency f ON f.id = o.from_id JOIN constituency t ON t.id = o.to_id
      ) AS rows`);
    const ids = await sql.query<{ key: string; id: number }>(
      `SELECT boundary_set_code || '/' || code AS key, id FROM constituency`,
    );
    return {
      counts: Object.fromEntries(Object.entries(counts ?? {}).map(([k, v]) => [k, Number(v)])),
      checksum: sum?.md5 ?? '',
      ids: new Map(ids.map((r) => [r.key, r.id])),
    };
  });
}

describe('loadDataset', () => {
  let db: TestDatabase;
  let dataset: Dataset;
  let first: Snapshot;

  beforeAll(async () => {
    db = await freshDatabase();
    dataset = await readBundle(defaultBundlePath(repoRoot));
  });
  afterAll(async () => {
    await db?.close();
  });

  it('loads the bundle into an empty database', async () => {
    const lines: string[] = [];
    const outcome = await ensureDataLoaded(db, {
      bundlePath: defaultBundlePath(repoRoot),
      log: (l) => lines.push(l),
    });
    expect(outcome.loaded).toBe(true);
    expect(lines.at(-1)).toMatch(/^Loading the official data bundle… done: 1300 seats in \d+\.\d s$/);

    const summary = outcome.summary;
    const votes = dataset.results.reduce((n, r) => n + r.votes.length, 0);
    expect(summary?.counts).toMatchObject({ constituencies: 1300, results: 2600, votes, overlaps: 1306 });
    expect(summary?.seats).toEqual({ '2010': 650, '2024': 650 });
    const red = redWallSeats(dataset);
    expect(summary?.redWall).toEqual({ '2010': red['2010'].size, '2024': red['2024'].size });
    console.log(
      `red wall: ${red['2010'].size} seats on the 2010 set, ${red['2024'].size} on the 2024 set; load ${summary?.durationMs} ms on ${db.kind}`,
    );

    first = await snapshot(db);
    expect(first.counts).toEqual({
      nation: 4,
      region: 12,
      party: dataset.parties.length,
      election: 4,
      constituency: 1300,
      result: 2600,
      result_vote: votes,
      overlap: 1306,
      dataset_import: 1,
    });

    const seats = await db.prisma.constituency.findMany({
      where: { code: { in: ['E14000575', 'E14000611', 'E14001305'] } },
      select: { boundarySetCode: true, code: true, redWall: true, leaveShare: true },
    });
    expect(seats.find((s) => s.code === 'E14000575')?.redWall).toBe(true); // Blyth Valley: Lab 2017, Con 2019
    expect(seats.find((s) => s.code === 'E14000611')?.redWall).toBe(true); // Bury North
    expect(seats.find((s) => s.code === 'E14001305')?.redWall).toBe(false); // Islington North
    const blyth = await db.prisma.result.findFirst({
      where: { electionCode: 'GE2019', constituency: { code: 'E14000575', boundarySetCode: '2010' } },
      include: { votes: true },
    });
    expect(blyth).toMatchObject({ winnerCode: 'Con', secondCode: 'Lab', majority: 712 });
    expect(blyth?.votes.find((v) => v.partyCode === 'Con')?.votes).toBe(17440);

    expect(await ensureDataLoaded(db, { bundlePath: defaultBundlePath(repoRoot) })).toEqual({
      loaded: false,
    });
  });

  it('gives the same content and the same seat ids when loaded again', async () => {
    const progress: string[] = [];
    const summary = await loadDataset(db, dataset, {
      source: 'test reload',
      onProgress: (m) => progress.push(m),
    });
    expect(progress).toContain(`seats 2024: 650 (${summary.redWall['2024']} red wall)`);
    expect(summary.removedSeats).toBe(0);
    const again = await snapshot(db);
    expect(again.checksum).toBe(first.checksum);
    expect(again.ids).toEqual(first.ids);
    expect(again.counts).toEqual({ ...first.counts, dataset_import: 2 });
  });

  it('leaves the database untouched when a row is rejected mid-way', async () => {
    const before = await snapshot(db);
    const bad: Dataset = structuredClone(dataset);
    const last = bad.results.at(-1);
    last?.votes.push({ party: 'NOPE', votes: 1 });
    await expect(loadDataset(db, bad, { source: 'bad party' })).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves the database untouched when the load fails after writing seats and results', async () => {
    const before = await snapshot(db);
    const failing = loadDataset(db, dataset, {
      source: 'interrupted',
      onProgress: (m) => {
        if (m.startsWith('results')) throw new Error('interrupted on purpose');
      },
    });
    await expect(failing).rejects.toThrow('interrupted on purpose');
    expect(await snapshot(db)).toEqual(before);
  });

  it('removes a seat the data no longer has and keeps every other id', async () => {
    const before = await snapshot(db);
    const dropped = 'E14001305';
    const smaller: Dataset = {
      ...dataset,
      constituencies: dataset.constituencies.filter(
        (c) => !(c.boundarySetCode === '2024' && c.code === dropped),
      ),
      results: dataset.results.filter(
        (r) => !(r.constituencyCode === dropped && ['GE2019N', 'GE2024'].includes(r.electionCode)),
      ),
      overlaps: dataset.overlaps.filter((o) => o.toCode !== dropped),
    };
    const summary = await loadDataset(db, smaller, { source: 'smaller' });
    expect(summary.removedSeats).toBe(1);
    const after = await snapshot(db);
    expect(after.ids.has(`2024/${dropped}`)).toBe(false);
    for (const [key, id] of after.ids) expect(id).toBe(before.ids.get(key));

    await loadDataset(db, dataset, { source: 'restore' });
    const restored = await snapshot(db);
    expect(restored.checksum).toBe(first.checksum);
  });
});

describe('CLPs', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('creates one CLP per seat on the 2024 boundaries and keeps their ids on a reload', async () => {
    const dataset = await readBundle(defaultBundlePath(repoRoot));
    await loadDataset(db, dataset, { source: 'test' });
    const clps = await db.prisma.clp.findMany({ include: { constituency: true }, orderBy: { id: 'asc' } });
    expect(clps).toHaveLength(650);
    expect(clps.every((c) => c.constituency.boundarySetCode === '2024')).toBe(true);
    expect(clps.find((c) => c.constituency.code === 'E14001107')?.name).toBe('Blyth and Ashington CLP');

    await loadDataset(db, dataset, { source: 'test again' });
    const again = await db.prisma.clp.findMany({ orderBy: { id: 'asc' } });
    expect(again.map((c) => [c.id, c.constituencyId])).toEqual(clps.map((c) => [c.id, c.constituencyId]));
  });
});
