// CSV plumbing shared by the per-source parsers: parsing (BOM, CRLF, quoted fields), finding columns by
// their header whatever the publisher's spelling, and validating each row with zod so that every problem
// carries the file, line and column it came from.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Problems } from '../errors.ts';

export interface CsvRow {
  /** 1-based line in the file; the header is line 1. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
}

/** Parses a whole CSV file. Throws csv-parse's error (it carries `lines`) on malformed quoting. */
export function parseCsv(file: string, text: string): CsvTable {
  // With `info: true` each record is { record, info }; csv-parse's sync typings do not model that.
  const records = parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...body] = records;
  return {
    file,
    header: head ? head.record.map((h) => h.trim()) : [],
    rows: body.map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}

/** Header spellings vary ("ONS ID", "ons_id", "gss-code"): compare them lower-cased with runs of other characters as "_". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export interface ColumnSpec {
  key: string;
  /** Accepted normalised header names, or patterns for families of names. */
  names: readonly (string | RegExp)[];
  /** Label used in messages when the column is missing. */
  label: string;
}

export interface ResolvedColumns {
  index: Map<string, number>;
  missing: ColumnSpec[];
}

export function resolveColumns(header: readonly string[], specs: readonly ColumnSpec[]): ResolvedColumns {
  const normalised = header.map(normaliseHeader);
  const index = new Map<string, number>();
  const missing: ColumnSpec[] = [];
  for (const spec of specs) {
    const at = normalised.findIndex((h) =>
      spec.names.some((n) => (typeof n === 'string' ? n === h : n.test(h))),
    );
    if (at >= 0) index.set(spec.key, at);
    else missing.push(spec);
  }
  return { index, missing };
}

/** Reports each missing column at the header line; returns true when all were found. */
export function reportMissingColumns(table: CsvTable, columns: ResolvedColumns, problems: Problems): boolean {
  for (const spec of columns.missing) problems.add(table.file, 1, spec.label, 'required column is missing');
  return columns.missing.length === 0;
}

/**
 * Validates every row: picks the resolved columns into an object keyed by spec key (a dotted key such as
 * "votes.Con" makes a nested object, for families of columns), parses it with the schema, and turns each
 * zod issue into a problem named after the column as it is spelt in the file.
 */
export function validateRows<S extends z.ZodType>(
  table: CsvTable,
  columns: ResolvedColumns,
  schema: S,
  problems: Problems,
): { line: number; value: z.output<S> }[] {
  const out: { line: number; value: z.output<S> }[] = [];
  for (const row of table.rows) {
    if (row.cells.length !== table.header.length) {
      problems.add(
        table.file,
        row.line,
        '(row)',
        `has ${row.cells.length} fields, the header has ${table.header.length}`,
      );
      continue;
    }
    const input: Record<string, string | Record<string, string>> = {};
    for (const [key, at] of columns.index) {
      const cell = row.cells[at] ?? '';
      const [outer = key, inner] = key.split('.', 2);
      if (inner === undefined) input[outer] = cell;
      else {
        const group = input[outer];
        if (typeof group === 'object') group[inner] = cell;
        else input[outer] = { [inner]: cell };
      }
    }
    const parsed = schema.safeParse(input);
    if (parsed.success) {
      out.push({ line: row.line, value: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      const at = columns.index.get(key);
      problems.add(
        table.file,
        row.line,
        at === undefined ? key || '(row)' : (table.header[at] ?? key),
        issue.message,
      );
    }
  }
  return out;
}

/** Every value written in a column, valid or not (so a bad row does not also count as a missing seat). */
export function columnCells(table: CsvTable, columns: ResolvedColumns, key: string): Set<string> {
  const at = columns.index.get(key);
  return new Set(at === undefined ? [] : table.rows.map((r) => (r.cells[at] ?? '').trim()));
}

const quoted = (input: unknown) => JSON.stringify(String(input));

/** A whole number; thousands separators ("37,508") are accepted because some releases use them. */
export const cellInt = z
  .string()
  .trim()
  .regex(/^(\d+|\d{1,3}(,\d{3})+)$/, { error: (iss) => `must be a whole number, got ${quoted(iss.input)}` })
  .transform((s) => Number(s.replaceAll(',', '')));

/** A whole number where a blank cell means none (the notional file leaves non-standing parties blank). */
export const cellIntOrZero = z
  .string()
  .trim()
  .transform((s) => s || '0')
  .pipe(cellInt);

export const cellNumber = z
  .string()
  .trim()
  .regex(/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/, {
    error: (iss) => `must be a number, got ${quoted(iss.input)}`,
  })
  .transform(Number);

export const cellShare = cellNumber.pipe(
  z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
);

export const cellCode = z
  .string()
  .trim()
  .regex(/^[A-Z]\d{8}$/, {
    error: (iss) => `must be an ONS code such as E14001063, got ${quoted(iss.input)}`,
  });

export const cellText = z.string().trim().min(1, 'must not be blank');

export const cellOptionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s));

/** Rounds to a number of decimal places (the precision of the database column). */
export function roundTo(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}
