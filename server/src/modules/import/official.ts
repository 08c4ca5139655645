// Reads the official source files (as published by ONS, the House of Commons Library, Rallings &
// Thrasher, Hanretty, mySociety and Open Innovations) from a folder into a validated Dataset. Files are
// recognised by content, not name, so freshly downloaded files can be dropped in as they come.
import fs from 'node:fs';
import type { TBoundarySet, TElectionCode } from '../../contracts/common.ts';
import { ZDataset, type Dataset } from './dataset.ts';
import { Problems } from './errors.ts';
import { assembleDataset, type CompleteSources } from './official/assemble.ts';
import { checkSources } from './official/checks.ts';
import { discoverSources, type NearMiss, type Sources } from './official/discover.ts';

const SETS: readonly TBoundarySet[] = ['2010', '2024'];
const ELECTIONS: readonly TElectionCode[] = ['GE2017', 'GE2019', 'GE2019N', 'GE2024'];

const ELECTION_FILES: Record<TElectionCode, string> = {
  GE2017: 'House of Commons Library GE2017 results by constituency (CSV)',
  GE2019: 'House of Commons Library GE2019 results by constituency (CSV)',
  GE2019N: 'Rallings & Thrasher notional 2019 results on the 2024 boundaries (CSV)',
  GE2024: 'House of Commons Library GE2024 results by constituency (CSV)',
};

const NEAR_MISS_KIND: Record<NearMiss['kind'], string> = {
  hoc: 'results',
  notional: 'notional',
  leave: 'Leave',
  deprivation: 'deprivation',
  overlap: 'overlap',
};

/** Names each required file that was not found, with the closest unrecognised file if there is one. */
function reportMissing(dir: string, sources: Sources, nearMisses: NearMiss[], problems: Problems): void {
  const missing: { what: string; kind?: NearMiss['kind']; election?: TElectionCode }[] = [];
  for (const set of SETS) {
    if (!sources.boundaries[set])
      missing.push({ what: `ONS constituency boundaries GeoJSON for the ${set} set` });
    if (!sources.hexmaps[set]) missing.push({ what: `Open Innovations HexJSON hex map for the ${set} set` });
    if (!sources.leave[set])
      missing.push({ what: `Hanretty 2016 Leave estimates for the ${set} set (CSV)`, kind: 'leave' });
    if (!sources.deprivation[set])
      missing.push({ what: `mySociety composite UK IMD for the ${set} set (CSV)`, kind: 'deprivation' });
  }
  for (const election of ELECTIONS) {
    if (!sources.results[election]) {
      missing.push({
        what: ELECTION_FILES[election],
        kind: election === 'GE2019N' ? 'notional' : 'hoc',
        election,
      });
    }
  }
  if (!sources.overlaps)
    missing.push({ what: 'mySociety 2010→2024 constituency overlap (CSV)', kind: 'overlap' });
  for (const m of missing) {
    const matches = nearMisses.filter(
      (n) => n.kind === m.kind && (m.kind !== 'hoc' || n.election === m.election),
    );
    // A file taken for this kind already has its own problems reported; "not found" would mislead.
    if (matches.some((n) => n.recognised)) continue;
    const near = matches[0];
    const hint = near
      ? `; ${near.file} looks like a ${NEAR_MISS_KIND[near.kind]} file but lacks ${near.missing.join(', ')}`
      : '';
    problems.add(dir, '-', '(folder)', `no file found holding the ${m.what}${hint}`);
  }
}

function isComplete(s: Sources): s is Sources & CompleteSources {
  return (
    SETS.every((set) => s.boundaries[set] && s.hexmaps[set] && s.leave[set] && s.deprivation[set]) &&
    ELECTIONS.every((e) => s.results[e]) &&
    s.overlaps !== undefined
  );
}

export interface ReadOptions {
  /** Receives one line per file used or skipped. */
  log?: (line: string) => void;
}

/**
 * Reads every official file under `dir` (searched recursively) into a Dataset. Throws ImportError listing
 * every problem found (file, line, field) when anything is missing, malformed or inconsistent.
 */
export async function readOfficialFiles(dir: string, options: ReadOptions = {}): Promise<Dataset> {
  const problems = new Problems();
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    problems.add(dir, '-', '(folder)', 'is not a folder');
    problems.throwIfAny();
  }
  const { sources, nearMisses } = await discoverSources(dir, problems);
  const log = options.log ?? (() => {});
  for (const set of SETS) {
    if (sources.boundaries[set]) log(`boundaries ${set}: ${sources.boundaries[set].file}`);
    if (sources.hexmaps[set]) log(`hex map ${set}: ${sources.hexmaps[set].file}`);
    if (sources.leave[set]) log(`Leave estimates ${set}: ${sources.leave[set].file}`);
    if (sources.deprivation[set]) log(`deprivation ${set}: ${sources.deprivation[set].file}`);
  }
  for (const e of ELECTIONS) if (sources.results[e]) log(`results ${e}: ${sources.results[e].file}`);
  if (sources.overlaps) log(`overlaps 2010→2024: ${sources.overlaps.file}`);
  for (const file of sources.skipped) log(`skipped (not a file this import uses): ${file}`);

  reportMissing(dir, sources, nearMisses, problems);
  checkSources(sources, problems);
  problems.throwIfAny();
  if (!isComplete(sources)) throw new Error('internal: sources incomplete without a problem reported');

  const dataset = assembleDataset(sources);
  // Per-file checks should have caught everything; this guards the invariants the loader relies on.
  const checked = ZDataset.safeParse(dataset);
  if (!checked.success) {
    for (const issue of checked.error.issues)
      problems.add(
        '(combined data)',
        issue.path.join('.'),
        issue.path.at(-1)?.toString() ?? '',
        issue.message,
      );
    problems.throwIfAny();
  }
  return dataset;
}
