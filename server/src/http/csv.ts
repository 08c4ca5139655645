import { stringify } from 'csv-stringify/sync';

type Cell = string | number | boolean | null | undefined;

// A text cell starting with one of these is run as a formula by spreadsheet programs (CSV injection):
// rationale, names and reasons are typed by people, so every text cell is checked.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet will show as typed: a leading formula character is escaped with a quote. */
export function neutralise(cell: Cell): string | number {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return cell;
  const text = String(cell);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The one CSV writer of the app: a header row, then the records, every text cell neutralised. */
export function toCsv(header: readonly string[], records: readonly (readonly Cell[])[]): string {
  return stringify([[...header], ...records.map((r) => r.map(neutralise))]);
}
