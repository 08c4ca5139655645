// Writes a Dataset into the database in one transaction: either everything is replaced or nothing is.
// Constituencies are upserted by (boundary set, code) so their ids survive re-imports (other records will
// hang off them); results, votes and overlaps are derived wholesale and simply replaced.
import type { TBoundarySet } from '../../contracts/common.ts';
import type { Database } from '../../db/database.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { CONSTITUENCY_TABLE, OVERLAP_TABLE, RESULT_TABLE, VOTE_TABLE, bulkInsert } from './bulk.ts';
import type { Dataset } from './dataset.ts';
import { redWallSeats } from './red-wall.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';

type Tx = Prisma.TransactionClient;

export interface ImportSummary {
  source: string;
  /** Rows written per table. */
  counts: {
    nations: number;
    regions: number;
    boundarySets: number;
    parties: number;
    elections: number;
    constituencies: number;
    results: number;
    votes: number;
    overlaps: number;
  };
  seats: Record<TBoundarySet, number>;
  redWall: Record<TBoundarySet, number>;
  /** Seats in the database that the dataset no longer has (deleted with everything hanging off them). */
  removedSeats: number;
  durationMs: number;
}

export interface LoadOptions {
  /** Recorded on the DatasetImport row, e.g. the folder or bundle it came from. */
  source: string;
  /** Human-readable progress lines ("seats 2024: 650 (49 red wall)"). */
  onProgress?: (message: string) => void;
}

// Imports exclude each other: two at once would interleave their deletes and inserts.
const IMPORT_LOCK_KEY = 0x67770001;

/** Upserts the small reference tables row by row (a few dozen rows). */
async function upsertReference(tx: Tx, d: Dataset): Promise<void> {
  for (const n of d.nations) await tx.nation.upsert({ where: { code: n.code }, create: n, update: n });
  for (const r of d.regions) await tx.region.upsert({ where: { code: r.code }, create: r, update: r });
  for (const b of d.boundarySets)
    await tx.boundarySet.upsert({ where: { code: b.code }, create: b, update: b });
  for (const p of d.parties) await tx.party.upsert({ where: { code: p.code }, create: p, update: p });
  for (const e of d.elections) {
    const data = { ...e, polledOn: new Date(`${e.polledOn}T00:00:00Z`) };
    await tx.election.upsert({ where: { code: e.code }, create: data, update: data });
  }
}

/** Removes reference rows the dataset no longer has, once nothing points at them. */
async function removeStaleReference(tx: Tx, d: Dataset): Promise<void> {
  await tx.election.deleteMany({ where: { code: { notIn: d.elections.map((e) => e.code) } } });
  await tx.party.deleteMany({ where: { code: { notIn: d.parties.map((p) => p.code) } } });
  await tx.boundarySet.deleteMany({ where: { code: { notIn: d.boundarySets.map((b) => b.code) } } });
  await tx.region.deleteMany({ where: { code: { notIn: d.regions.map((r) => r.code) } } });
  await tx.nation.deleteMany({ where: { code: { notIn: d.nations.map((n) => n.code) } } });
}

export async function loadDataset(
  db: Database,
  dataset: Dataset,
  options: LoadOptions,
): Promise<ImportSummary> {
  const startedAt = new Date();
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const redWall = redWallSeats(dataset);
  const setOf = new Map(dataset.elections.map((e) => [e.code, e.boundarySetCode]));
  const seatsIn = (set: TBoundarySet) =>
    dataset.constituencies.filter((c) => c.boundarySetCode === set).length;

  const summary = await db.prisma.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(
        `SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})) AS l`,
      );
      // Derived rows go first, so the rows they point at can then be replaced or removed.
      await tx.resultVote.deleteMany({});
      await tx.result.deleteMany({});
      await tx.constituencyOverlap.deleteMany({});

      await upsertReference(tx, dataset);
      progress(
        `reference: ${dataset.nations.length} nations, ${dataset.regions.length} regions, ${dataset.parties.length} parties, ${dataset.elections.length} elections`,
      );

      const upserted = await bulkInsert<{ id: number; boundary_set_code: string; code: string }>(
        tx,
        CONSTITUENCY_TABLE,
        dataset.constituencies.map((c) => ({
          boundary_set_code: c.boundarySetCode,
          code: c.code,
          name: c.name,
          name_welsh: c.nameWelsh,
          region_code: c.regionCode,
          nation_code: c.nationCode,
          constituency_type: c.constituencyType,
          electorate: c.electorate,
          leave_share: c.leaveShare,
          deprivation_decile: c.deprivationDecile,
          deprivation_score: c.deprivationScore,
          red_wall: redWall[c.boundarySetCode].has(c.code),
          geometry: c.geometry,
          hex_q: c.hexQ,
          hex_r: c.hexR,
        })),
        ['id', 'boundary_set_code', 'code'],
      );
      const ids = new Map(upserted.map((r) => [`${r.boundary_set_code}/${r.code}`, r.id]));
      const existing = await tx.constituency.findMany({
        select: { id: true, boundarySetCode: true, code: true },
      });
      const removed = existing.filter((c) => !ids.has(`${c.boundarySetCode}/${c.code}`)).map((c) => c.id);
      if (removed.length > 0) {
        // A CLP of a seat that no longer exists goes with it, unless people hold roles in it: then the
        // foreign key from role_grant stops the load, and nothing is written.
        await tx.clp.deleteMany({ where: { constituencyId: { in: removed } } });
        await tx.constituency.deleteMany({ where: { id: { in: removed } } });
      }
      await removeStaleReference(tx, dataset);
      // Every seat on the current boundaries has its CLP; existing CLPs keep their ids.
      const clps = await tx.$executeRaw`
        INSERT INTO clp (constituency_id, name)
        SELECT id, name || ' CLP' FROM constituency WHERE boundary_set_code = '2024'
        ON CONFLICT (constituency_id) DO UPDATE SET name = EXCLUDED.name`;
      for (const set of ['2010', '2024'] as const)
        progress(`seats ${set}: ${seatsIn(set)} (${redWall[set].size} red wall)`);
      progress(`CLPs: ${clps}`);

      const seatId = (set: string | undefined, code: string) => {
        const id = ids.get(`${set}/${code}`);
        if (id === undefined) throw new Error(`no seat ${set}/${code} for a result or overlap`);
        return id;
      };
      const created = await bulkInsert<{ id: number; election_code: string; constituency_id: number }>(
        tx,
        RESULT_TABLE,
        dataset.results.map((r) => ({
          election_code: r.electionCode,
          constituency_id: seatId(setOf.get(r.electionCode), r.constituencyCode),
          electorate: r.electorate,
          valid_votes: r.validVotes,
          invalid_votes: r.invalidVotes,
          majority: r.majority,
          winner_code: r.winnerCode,
          second_code: r.secondCode,
          result_text: r.resultText,
        })),
        ['id', 'election_code', 'constituency_id'],
      );
      const resultIds = new Map(created.map((r) => [`${r.election_code}/${r.constituency_id}`, r.id]));
      progress(`results: ${created.length}`);

      const votes = dataset.results.flatMap((r) => {
        const id = resultIds.get(
          `${r.electionCode}/${seatId(setOf.get(r.electionCode), r.constituencyCode)}`,
        );
        if (id === undefined)
          throw new Error(`result ${r.electionCode}/${r.constituencyCode} was not created`);
        return r.votes.map((v) => ({ result_id: id, party_code: v.party, votes: v.votes }));
      });
      await bulkInsert(tx, VOTE_TABLE, votes);
      progress(`votes: ${votes.length}`);

      await bulkInsert(
        tx,
        OVERLAP_TABLE,
        dataset.overlaps.map((o) => ({
          from_id: seatId('2010', o.fromCode),
          to_id: seatId('2024', o.toCode),
          pop_share: o.popShare,
          area_share: o.areaShare,
          population: o.population,
        })),
      );
      progress(`overlaps 2010→2024: ${dataset.overlaps.length}`);

      const result: ImportSummary = {
        source: options.source,
        counts: {
          nations: dataset.nations.length,
          regions: dataset.regions.length,
          boundarySets: dataset.boundarySets.length,
          parties: dataset.parties.length,
          elections: dataset.elections.length,
          constituencies: ids.size,
          results: created.length,
          votes: votes.length,
          overlaps: dataset.overlaps.length,
        },
        seats: { '2010': seatsIn('2010'), '2024': seatsIn('2024') },
        redWall: { '2010': redWall['2010'].size, '2024': redWall['2024'].size },
        removedSeats: removed.length,
        durationMs: Math.round(performance.now() - started),
      };
      const { source: _source, ...recorded } = result;
      await tx.datasetImport.create({ data: { source: options.source, startedAt, summary: recorded } });
      await bumpSeatDataVersion(tx);
      return result;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  // The recorded duration stops before the commit; the returned one includes it.
  return { ...summary, durationMs: Math.round(performance.now() - started) };
}
