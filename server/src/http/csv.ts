import { stringify } from 'csv-stringify/sync';

type Cell = string | number | boolean | null | undefined;

// A text cell starting with one of these is run as a formula by spreadsheet programs (CSV injection,
// OWASP): = + - @, tab and carriage return, and their full-width forms (＝ ＋ － ＠), which some spreadsheet
// programs read as the ASCII ones. Rationale, names and reasons are typed by people, so every text cell is
// checked.
const FORMULA = '=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20';
const FORMULA_START = new RegExp(`^[${FORMULA}]`);
// Opened where the list separator is ';' (or with "split text to columns"), a cell's text is cut at ';' and
// ',' and each piece is a cell of its own: a formula may start after one of them too.
const FORMULA_AFTER_SEPARATOR = new RegExp(`[;,][\\s"']*[${FORMULA}]`);

/** Text that a spreadsheet will show as typed: a formula anywhere a cell could start is escaped with a quote. */
export function neutralise(cell: Cell): string | number {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return cell;
  const text = String(cell);
  return FORMULA_START.test(text) || FORMULA_AFTER_SEPARATOR.test(text) ? `'${text}` : text;
}

/** The one CSV writer of the app: a header row, then the records, every text cell neutralised. */
export function toCsv(header: readonly string[], records: readonly (readonly Cell[])[]): string {
  return stringify([[...header], ...records.map((r) => r.map(neutralise))]);
}
