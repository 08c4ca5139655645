// mySociety's composite UK Index of Multiple Deprivation by constituency, one file per boundary set:
// a score (higher = more deprived) and the population-weighted decile (1 = most deprived).
import { z } from 'zod';
import type { Problems } from '../errors.ts';
import {
  cellCode,
  columnCells,
  cellInt,
  cellNumber,
  reportMissingColumns,
  resolveColumns,
  roundTo,
  validateRows,
  type ColumnSpec,
  type CsvTable,
} from './csv.ts';
import { keyByCode, type KeyedRows } from './keyed.ts';

export const DEPRIVATION_COLUMNS: readonly ColumnSpec[] = [
  { key: 'code', names: ['gss_code', /^pcon\d\dcd$/], label: 'gss-code' },
  { key: 'score', names: [/^[a-z0-9]+_deprivation_score$/], label: 'pcon-deprivation-score' },
  { key: 'decile', names: [/^[a-z0-9]+_imd_pop_decile$/], label: 'pcon-imd-pop-decile' },
];

export interface Deprivation {
  code: string;
  score: number;
  decile: number;
}

export function parseDeprivation(table: CsvTable, problems: Problems): KeyedRows<Deprivation> | null {
  const columns = resolveColumns(table.header, DEPRIVATION_COLUMNS);
  if (!reportMissingColumns(table, columns, problems)) return null;
  const schema = z.object({
    code: cellCode,
    // Four decimal places: the precision the database keeps.
    score: cellNumber.transform((v) => roundTo(v, 4)),
    decile: cellInt.pipe(z.number().min(1, 'must be a decile 1–10').max(10, 'must be a decile 1–10')),
  });
  const rows = validateRows(table, columns, schema, problems);
  const field = table.header[columns.index.get('code') ?? 0] ?? 'code';
  return keyByCode(table.file, field, rows, columnCells(table, columns, 'code'), problems);
}
