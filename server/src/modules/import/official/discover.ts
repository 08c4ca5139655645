// Finds the official files in a folder, whatever they are called: each file is recognised by its CSV
// header or its JSON shape, parsed by the matching source parser, and put in its slot (one per boundary
// set or election). Files that are not recognised are skipped (the census summaries, candidate-level
// results and lookups we do not use live alongside the files we do).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { TBoundarySet, TElectionCode } from '../../../contracts/common.ts';
import type { Problems } from '../errors.ts';
import { boundaryCodeProperty, parseBoundaries, type ParsedBoundaries } from './boundaries.ts';
import { parseCsv, resolveColumns, type ColumnSpec, type CsvTable } from './csv.ts';
import { DEPRIVATION_COLUMNS, parseDeprivation, type Deprivation } from './deprivation.ts';
import { isHexJson, parseHexmap, type ParsedHexmap } from './hexmaps.ts';
import type { KeyedRows } from './keyed.ts';
import { LEAVE_COLUMNS, parseLeave } from './leave.ts';
import { NOTIONAL_COLUMNS, parseNotional } from './notional.ts';
import { OVERLAP_COLUMNS, parseOverlaps, type ParsedOverlaps } from './overlaps.ts';
import { HOC_COLUMNS, hocElection, parseHocResults, type ParsedResults } from './results-hoc.ts';

export interface Sources {
  boundaries: Partial<Record<TBoundarySet, ParsedBoundaries>>;
  hexmaps: Partial<Record<TBoundarySet, ParsedHexmap>>;
  results: Partial<Record<TElectionCode, ParsedResults>>;
  leave: Partial<Record<TBoundarySet, KeyedRows<{ code: string; share: number }>>>;
  deprivation: Partial<Record<TBoundarySet, KeyedRows<Deprivation>>>;
  overlaps?: ParsedOverlaps;
  /** Files looked at and not used, relative to the folder. */
  skipped: string[];
}

type CsvKind = 'hoc' | 'notional' | 'leave' | 'deprivation' | 'overlap';
const CSV_KINDS: readonly { kind: CsvKind; columns: readonly ColumnSpec[] }[] = [
  { kind: 'hoc', columns: HOC_COLUMNS },
  { kind: 'notional', columns: NOTIONAL_COLUMNS },
  { kind: 'leave', columns: LEAVE_COLUMNS },
  { kind: 'deprivation', columns: DEPRIVATION_COLUMNS },
  { kind: 'overlap', columns: OVERLAP_COLUMNS },
];

/** A file is taken for a kind when it has at least this share of the kind's columns (the rest are reported missing). */
const RECOGNISE_AT = 0.75;
const MAX_BYTES = 200 * 1024 * 1024;

/** A CSV file that looks like one of ours but could not be used. */
export interface NearMiss {
  file: string;
  kind: CsvKind;
  missing: string[];
  /** True when it was taken for that kind and its own problems were reported. */
  recognised: boolean;
  election?: TElectionCode | null;
}

function scoreKinds(header: readonly string[]): { kind: CsvKind; score: number; missing: string[] }[] {
  return CSV_KINDS.map(({ kind, columns }) => {
    const resolved = resolveColumns(header, columns);
    return {
      kind,
      score: 1 - resolved.missing.length / columns.length,
      missing: resolved.missing.map((m) => m.label),
    };
  }).sort((a, b) => b.score - a.score);
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

/** UTF-8, or Windows-1252 when the bytes are not valid UTF-8 (spreadsheet exports often are). */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function place<K extends string, V extends { file: string }>(
  slots: Partial<Record<K, V>>,
  key: K,
  value: V,
  problems: Problems,
) {
  const existing = slots[key];
  if (existing) {
    problems.add(
      value.file,
      '-',
      '(file)',
      `holds the same data as ${existing.file} (${key}); keep only one of them`,
    );
    return;
  }
  slots[key] = value;
}

export async function discoverSources(
  dir: string,
  problems: Problems,
): Promise<{ sources: Sources; nearMisses: NearMiss[] }> {
  const sources: Sources = {
    boundaries: {},
    hexmaps: {},
    results: {},
    leave: {},
    deprivation: {},
    skipped: [],
  };
  const nearMisses: NearMiss[] = [];
  for (const full of await listFiles(dir)) {
    const file = path.relative(dir, full).split(path.sep).join('/');
    const stat = await fs.stat(full);
    if (stat.size > MAX_BYTES) {
      sources.skipped.push(file);
      continue;
    }
    const bytes = await fs.readFile(full);
    if (bytes.subarray(0, 8192).includes(0)) {
      sources.skipped.push(file);
      continue;
    }
    const text = decode(bytes).replace(/^\uFEFF/, '');
    const used = text.trimStart().startsWith('{')
      ? readJson(file, text, sources, problems)
      : readCsv(file, text, sources, problems, nearMisses);
    if (!used) sources.skipped.push(file);
  }
  return { sources, nearMisses };
}

function readJson(file: string, text: string, sources: Sources, problems: Problems): boolean {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (/\.(geo|hex|topo)?json$/i.test(file))
      problems.add(file, '-', '(file)', `is not valid JSON: ${(error as Error).message}`);
    return false;
  }
  if (boundaryCodeProperty(json)) {
    const parsed = parseBoundaries(file, json, problems);
    if (parsed) place(sources.boundaries, parsed.set, parsed, problems);
    return true;
  }
  if (isHexJson(json)) {
    const parsed = parseHexmap(file, json, problems);
    if (parsed) place(sources.hexmaps, parsed.set, parsed, problems);
    return parsed !== null;
  }
  return false;
}

function readCsv(
  file: string,
  text: string,
  sources: Sources,
  problems: Problems,
  nearMisses: NearMiss[],
): boolean {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (!firstLine.includes(',')) return false;
  let table: CsvTable;
  try {
    table = parseCsv(file, text);
  } catch (error) {
    // Only worth reporting if the header says it is one of ours.
    let header: string[] = [];
    try {
      header = parseCsv(file, `${firstLine}\n`).header;
    } catch {
      return false;
    }
    const best = scoreKinds(header)[0];
    if (best && best.score >= RECOGNISE_AT) {
      const line = (error as { lines?: number }).lines ?? '-';
      problems.add(file, line, '(row)', `cannot be read as CSV: ${(error as Error).message}`);
      nearMisses.push({
        file,
        kind: best.kind,
        missing: [],
        recognised: true,
        election: hocElection(header),
      });
      return true;
    }
    return false;
  }
  const [best, next] = scoreKinds(table.header);
  if (!best || best.score < RECOGNISE_AT) {
    if (best && best.score >= 0.4) {
      nearMisses.push({
        file,
        kind: best.kind,
        missing: best.missing,
        recognised: false,
        election: hocElection(table.header),
      });
    }
    return false;
  }
  if (next && next.score === best.score) {
    problems.add(
      file,
      1,
      '(header)',
      `matches both ${best.kind} and ${next.kind} files; cannot tell which it is`,
    );
    return true;
  }
  const unusable = () =>
    nearMisses.push({
      file,
      kind: best.kind,
      missing: best.missing,
      recognised: true,
      election: hocElection(table.header),
    });
  switch (best.kind) {
    case 'hoc': {
      const parsed = parseHocResults(table, problems);
      if (parsed) place(sources.results, parsed.election, parsed, problems);
      else unusable();
      break;
    }
    case 'notional': {
      const parsed = parseNotional(table, problems);
      if (parsed) place(sources.results, parsed.election, parsed, problems);
      else unusable();
      break;
    }
    case 'leave': {
      const parsed = parseLeave(table, problems);
      if (parsed?.set) place(sources.leave, parsed.set, parsed, problems);
      else unusable();
      break;
    }
    case 'deprivation': {
      const parsed = parseDeprivation(table, problems);
      if (parsed?.set) place(sources.deprivation, parsed.set, parsed, problems);
      else unusable();
      break;
    }
    case 'overlap': {
      const parsed = parseOverlaps(table, problems);
      if (!parsed) unusable();
      else {
        if (sources.overlaps)
          problems.add(
            file,
            '-',
            '(file)',
            `holds the same data as ${sources.overlaps.file}; keep only one of them`,
          );
        else sources.overlaps = parsed;
      }
      break;
    }
  }
  return true;
}
