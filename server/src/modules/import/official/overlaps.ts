// mySociety's mapping of 2010-set seats onto 2024-set seats: for each pair, the share of the old seat's
// population and area that lies in the new one, and the people living in the overlap.
import { z } from 'zod';
import type { Problems } from '../errors.ts';
import type { DatasetOverlap } from '../dataset.ts';
import {
  cellCode,
  columnCells,
  cellNumber,
  cellShare,
  reportMissingColumns,
  resolveColumns,
  roundTo,
  validateRows,
  type ColumnSpec,
  type CsvTable,
} from './csv.ts';

export const OVERLAP_COLUMNS: readonly ColumnSpec[] = [
  { key: 'fromCode', names: ['pcon10cd'], label: 'PCON10CD' },
  { key: 'toCode', names: ['pcon24cd'], label: 'PCON24CD' },
  { key: 'areaShare', names: ['percentage_overlap_area'], label: 'percentage_overlap_area' },
  { key: 'popShare', names: ['percentage_overlap_pop'], label: 'percentage_overlap_pop' },
  { key: 'population', names: ['overlap_pop'], label: 'overlap_pop' },
];

export interface ParsedOverlaps {
  file: string;
  rows: { line: number; value: DatasetOverlap }[];
  /** Every code written in each column, including rows that had problems. */
  rowCodes: { from: Set<string>; to: Set<string> };
}

export function parseOverlaps(table: CsvTable, problems: Problems): ParsedOverlaps | null {
  const columns = resolveColumns(table.header, OVERLAP_COLUMNS);
  if (!reportMissingColumns(table, columns, problems)) return null;
  const schema = z.object({
    fromCode: cellCode,
    toCode: cellCode,
    // Three decimal places: the precision the database keeps (the file has two).
    areaShare: cellShare.transform((v) => roundTo(v, 3)),
    popShare: cellShare.transform((v) => roundTo(v, 3)),
    population: cellNumber.pipe(z.number().min(0, 'must not be negative')).transform(Math.round),
  });
  const rows = validateRows(table, columns, schema, problems);
  const seen = new Map<string, number>();
  const unique = rows.filter(({ line, value }) => {
    const key = `${value.fromCode}>${value.toCode}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.add(
        table.file,
        line,
        'PCON24CD',
        `the pair ${value.fromCode} → ${value.toCode} appears again (first on line ${first})`,
      );
      return false;
    }
    seen.set(key, line);
    return true;
  });
  const rowCodes = {
    from: columnCells(table, columns, 'fromCode'),
    to: columnCells(table, columns, 'toCode'),
  };
  return { file: table.file, rows: unique, rowCodes };
}
