// Files with one row per seat of a boundary set (Leave estimates, deprivation): rows keyed by ONS code,
// duplicates reported, and the boundary set told from the codes themselves, because the headers do not
// say it reliably (Hanretty's 2010-set file is headed PCON11CD, mySociety's just "gss-code").
import type { TBoundarySet } from '../../../contracts/common.ts';
import type { Problems } from '../errors.ts';
import { SHARED_CODES, setsOfCode } from '../reference.ts';

export interface KeyedRows<T> {
  file: string;
  /** The set most of the codes belong to; null when none of them is a constituency code. */
  set: TBoundarySet | null;
  rows: Map<string, { line: number; value: T }>;
  /** Label of the code column, for messages. */
  codeField: string;
  /** Every code written in the file, including rows that had problems. */
  rowCodes: ReadonlySet<string>;
}

export function keyByCode<T extends { code: string }>(
  file: string,
  codeField: string,
  rows: readonly { line: number; value: T }[],
  rowCodes: ReadonlySet<string>,
  problems: Problems,
): KeyedRows<T> {
  const keyed = new Map<string, { line: number; value: T }>();
  for (const row of rows) {
    const previous = keyed.get(row.value.code);
    if (previous)
      problems.add(
        file,
        row.line,
        codeField,
        `${row.value.code} appears again (first on line ${previous.line})`,
      );
    else keyed.set(row.value.code, row);
  }
  return { file, set: majoritySet(keyed.keys()), rows: keyed, codeField, rowCodes };
}

/** The boundary set most codes fall in by ONS number range (the 5 codes shared by both sets do not vote). */
export function majoritySet(codes: Iterable<string>): TBoundarySet | null {
  const votes = { '2010': 0, '2024': 0 };
  for (const code of codes) {
    if (SHARED_CODES.has(code)) continue;
    for (const set of setsOfCode(code)) votes[set] += 1;
  }
  if (votes['2010'] === 0 && votes['2024'] === 0) return null;
  return votes['2024'] > votes['2010'] ? '2024' : '2010';
}
