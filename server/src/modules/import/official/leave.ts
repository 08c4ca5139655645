// Chris Hanretty's estimates of the 2016 EU-referendum Leave share by constituency: "Figure to use" in
// the 2010-set file, LeavePct in the 2024-set one. Both are shares 0–1 and cover Great Britain only.
import { z } from 'zod';
import type { Problems } from '../errors.ts';
import {
  cellCode,
  columnCells,
  cellShare,
  reportMissingColumns,
  resolveColumns,
  roundTo,
  validateRows,
  type ColumnSpec,
  type CsvTable,
} from './csv.ts';
import { keyByCode, type KeyedRows } from './keyed.ts';

export const LEAVE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'code', names: [/^pcon\d\dcd$/, 'gss_code', 'ons_code'], label: 'PCON11CD' },
  { key: 'share', names: ['figure_to_use', 'leavepct', 'leave_share'], label: 'Figure to use' },
];

export function parseLeave(
  table: CsvTable,
  problems: Problems,
): KeyedRows<{ code: string; share: number }> | null {
  const columns = resolveColumns(table.header, LEAVE_COLUMNS);
  if (!reportMissingColumns(table, columns, problems)) return null;
  // Five decimal places: the precision the database keeps.
  const schema = z.object({ code: cellCode, share: cellShare.transform((v) => roundTo(v, 5)) });
  const rows = validateRows(table, columns, schema, problems);
  const field = table.header[columns.index.get('code') ?? 0] ?? 'code';
  return keyByCode(table.file, field, rows, columnCells(table, columns, 'code'), problems);
}
