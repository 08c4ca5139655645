// Reading an activity CSV: parsing, finding the columns, and checking every row, so that a preview can list
// each problem with its line and column. Pure: nothing here touches the database.
import { parse } from 'csv-parse/sync';
import {
  ACTIVITY_COUNT_MAX,
  ACTIVITY_COUNTS,
  ACTIVITY_CSV_COLUMNS,
  ACTIVITY_IMPORT_MAX_ROWS,
  ACTIVITY_NOTES_MAX,
  ACTIVITY_TYPE_LABELS,
  ACTIVITY_TYPES,
  beforeStartMessage,
  NOT_AFTER_TOMORROW,
  utcDayFromNow,
  ZDay,
  ZText,
  type TActivityCount,
  type TActivityImportError,
  type TActivityTotals,
  type TActivityType,
} from '../../contracts/index.ts';

export interface ImportedActivity {
  occurredOn: string;
  type: TActivityType;
  participants: number | null;
  conversations: number | null;
  newMembers: number | null;
  newUnionMembers: number | null;
  newLeaders: number | null;
  petitionSignatures: number | null;
  notes: string;
}

/** A valid row with the line it starts on (what makes its idempotency key when applied). */
export type ImportRow = ImportedActivity & { line: number };

export interface ReadResult {
  rows: number;
  activities: ImportRow[];
  errors: TActivityImportError[];
}

/** The file has more rows than one import may hold: the caller answers 413 with this message. */
export class TooManyRows extends Error {
  constructor(readonly rows: number) {
    super(
      `The file has ${rows.toLocaleString('en-GB')} rows; one import takes at most ${ACTIVITY_IMPORT_MAX_ROWS.toLocaleString('en-GB')}. Split it into smaller files.`,
    );
  }
}

type Column = keyof typeof ACTIVITY_CSV_COLUMNS;
const REQUIRED: readonly Column[] = ['date', 'type'];

/** "New members", "new-members" and "New_Members" all name the column new_members. */
const normalise = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** A cell as a message shows it: at most 40 characters, so a huge cell cannot swell the answer. */
const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
const quoted = (s: string) => JSON.stringify(clip(s));

// A type may be written as its code or its label, in any case ("door_knocking", "Door-knocking session").
const TYPE_BY_NAME = new Map<string, TActivityType>(
  ACTIVITY_TYPES.flatMap((t) => [
    [normalise(t), t],
    [normalise(ACTIVITY_TYPE_LABELS[t]), t],
  ]),
);
const TYPE_HINT = `must be an activity type such as ${ACTIVITY_TYPE_LABELS.door_knocking} or door_knocking`;

/** Dates as ISO (2026-11-14) or as UK spreadsheets write them (14/11/2026), not before the pilot's start. */
function readDate(cell: string, startsOn: string | undefined): string | { reason: string } {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  const iso = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : cell;
  if (!cell) return { reason: 'is required' };
  const parsed = ZDay.safeParse(iso);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'must be a date';
    return {
      reason: `${message === 'must be a date as YYYY-MM-DD' ? 'must be a date as YYYY-MM-DD or DD/MM/YYYY' : message}, got ${quoted(cell)}`,
    };
  }
  if (iso > utcDayFromNow(1)) return { reason: `${NOT_AFTER_TOMORROW}, got ${cell}` };
  if (startsOn && iso < startsOn) return { reason: `${beforeStartMessage(startsOn)}, got ${cell}` };
  return iso;
}

function readCount(count: TActivityCount, cell: string): number | null | { reason: string } {
  if (cell === '') return null;
  const max = ACTIVITY_COUNT_MAX[count];
  const range = `a whole number from 0 to ${max.toLocaleString('en-GB')}`;
  // Thousands separators are how spreadsheets show big numbers; anything else (-3, 2.5, "ten") is refused.
  if (!/^(\d+|\d{1,3}(,\d{3})+)$/.test(cell)) return { reason: `must be ${range}, got ${quoted(cell)}` };
  const value = Number(cell.replaceAll(',', ''));
  if (value > max) return { reason: `must be ${range}, got ${clip(cell)}` };
  return value;
}

const ZNotesCell = ZText({ max: ACTIVITY_NOTES_MAX, multiline: true });

/**
 * Reads a whole file: every row is checked, and every problem is reported (not just the first), each with
 * the line it starts on and the column as the file spells it. `startsOn` (YYYY-MM-DD), the pilot's start:
 * no row may be dated before it.
 */
export function readActivityCsv(text: string, opts: { startsOn?: string } = {}): ReadResult {
  // One kind of line break, so that csv-parse's line count matches what an editor shows.
  const normalised = text.replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each record is { record, info }; csv-parse's sync typings do not model that.
    records = parse(normalised, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: 0,
      activities: [],
      errors: [{ line, field: '(file)', reason: `is not valid CSV: ${(error as Error).message}` }],
    };
  }
  const [head, ...body] = records;
  if (!head) return { rows: 0, activities: [], errors: [{ line: 1, field: '(file)', reason: 'is empty' }] };
  if (body.length > ACTIVITY_IMPORT_MAX_ROWS) throw new TooManyRows(body.length);

  const header = head.record.map((h) => h.trim());
  const index = new Map<Column, number>();
  const errors: TActivityImportError[] = [];
  header.forEach((h, i) => {
    const name = normalise(h) as Column;
    if (!(name in ACTIVITY_CSV_COLUMNS)) return; // other columns (an export's pilot, ids) are ignored
    if (index.has(name)) errors.push({ line: 1, field: h, reason: 'appears twice in the header' });
    else index.set(name, i);
  });
  for (const column of REQUIRED) {
    if (!index.has(column)) errors.push({ line: 1, field: column, reason: 'required column is missing' });
  }
  if (body.length === 0)
    errors.push({ line: 2, field: '(file)', reason: 'has no activities under the header' });
  if (errors.length) return { rows: body.length, activities: [], errors };

  const activities: ImportRow[] = [];
  for (const { record, info } of body) {
    // csv-parse counts to the record's last line; a quoted cell may span several.
    const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const cell = (c: Column) => {
      const at = index.get(c);
      return at === undefined ? '' : (record[at] ?? '').trim();
    };
    const fieldOf = (c: Column) => header[index.get(c)!] ?? c;
    const rowErrors: TActivityImportError[] = [];
    const fail = (c: Column, reason: string) => rowErrors.push({ line, field: fieldOf(c), reason });
    if (record.length > header.length) {
      rowErrors.push({
        line,
        field: '(row)',
        reason: `has ${record.length} cells, the header has ${header.length}`,
      });
    }

    const occurredOn = readDate(cell('date'), opts.startsOn);
    if (typeof occurredOn !== 'string') fail('date', occurredOn.reason);
    const typeCell = cell('type');
    const type = TYPE_BY_NAME.get(normalise(typeCell));
    if (!type) fail('type', typeCell ? `${TYPE_HINT}, got ${quoted(typeCell)}` : 'is required');
    const counts = {} as Record<TActivityCount, number | null>;
    for (const count of ACTIVITY_COUNTS) {
      const column = (Object.keys(ACTIVITY_CSV_COLUMNS) as Column[]).find(
        (c) => ACTIVITY_CSV_COLUMNS[c] === count,
      )!;
      const value = readCount(count, cell(column));
      if (value !== null && typeof value === 'object') fail(column, value.reason);
      else counts[count] = value;
    }
    const notes = ZNotesCell.safeParse(index.has('notes') ? (record[index.get('notes')!] ?? '') : '');
    if (!notes.success) fail('notes', notes.error.issues[0]?.message ?? 'is not valid text');

    if (rowErrors.length) errors.push(...rowErrors);
    else
      activities.push({ line, occurredOn: occurredOn as string, type: type!, ...counts, notes: notes.data! });
  }
  return { rows: body.length, activities, errors };
}

/** Sums of the counts (an empty count adds nothing). */
export function totalsOf(activities: readonly Pick<ImportedActivity, TActivityCount>[]): TActivityTotals {
  const totals: TActivityTotals = {
    activities: activities.length,
    participants: 0,
    conversations: 0,
    newMembers: 0,
    newUnionMembers: 0,
    newLeaders: 0,
    petitionSignatures: 0,
  };
  for (const a of activities) for (const c of ACTIVITY_COUNTS) totals[c] += a[c] ?? 0;
  return totals;
}
