// A pilot's activity log (issue 8): what an organiser records after a session, the list and CSV out, and the
// CSV import's preview. Vocabulary (types, counts and their bounds) lives in pilots.ts.
import { z } from 'zod';
import { PG_INT_MAX, ZIdParam, ZQueryBoolean, ZQueryInt, ZText } from './common.ts';
import {
  ACTIVITY_COUNT_MAX,
  ACTIVITY_COUNTS,
  ZActivityTotals,
  ZActivityType,
  ZDay,
  ZPersonRef,
  ZPilotCategory,
  ZPilotKind,
  ZPilotStatus,
  ZVersion,
  type TActivityCount,
} from './pilots.ts';

/** The UTC date a number of days from now, YYYY-MM-DD. */
export function utcDayFromNow(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The latest date an activity may have: tomorrow in UTC, because somewhere (up to UTC+14) it is already
 * tomorrow while the server's clock still says today; anything later is a typing slip.
 */
export const NOT_AFTER_TOMORROW = 'must not be in the future (at the latest tomorrow)';
export const ZActivityDay = ZDay.refine((s) => s <= utcDayFromNow(1), NOT_AFTER_TOMORROW);

/** One count: empty (null or left out), or a whole number from 0 to its bound. */
export function ZActivityCountValue(count: TActivityCount) {
  const max = ACTIVITY_COUNT_MAX[count];
  const message = `must be a whole number from 0 to ${max.toLocaleString('en-GB')}`;
  return z
    .number({ error: message })
    .int({ message, abort: true })
    .min(0, message)
    .max(max, message)
    .nullable()
    .optional();
}

const countShape = Object.fromEntries(ACTIVITY_COUNTS.map((c) => [c, ZActivityCountValue(c)])) as {
  [K in TActivityCount]: ReturnType<typeof ZActivityCountValue>;
};

const ZActivityFields = z.object({
  occurredOn: ZActivityDay,
  type: ZActivityType,
  ...countShape,
});

export const ACTIVITY_NOTES_MAX = 2000;
const ZNotes = ZText({ max: ACTIVITY_NOTES_MAX, multiline: true });

/**
 * A new activity. The idempotency key is made by the device when the form is saved and sent with every try:
 * the same key again answers with the row it made, never a second row.
 */
export const ZCreateActivityRequest = ZActivityFields.extend({
  idempotencyKey: z.uuid({ message: 'must be a UUID made by the device for this activity' }),
  notes: ZNotes.default(''),
}).strict();
export type TCreateActivityRequest = z.input<typeof ZCreateActivityRequest>;

/**
 * An edit: date, type and counts as the editor left them (a count left out or null is emptied), plus the
 * version they read. Notes left out stay as they are.
 */
export const ZUpdateActivityRequest = ZActivityFields.extend({
  notes: ZNotes.optional(),
  version: ZVersion,
}).strict();
export type TUpdateActivityRequest = z.input<typeof ZUpdateActivityRequest>;

export const ZActivityParams = z.object({
  id: ZIdParam('a pilot id').meta({ example: '1' }),
  activityId: ZIdParam('an activity id').meta({ example: '1' }),
});

export const ZActivityListQuery = z
  .object({
    offset: ZQueryInt({ min: 0, max: 1_000_000, default: 0 }),
    limit: ZQueryInt({ min: 1, max: 200, default: 50 }),
  })
  .strict();

export const ZDeleteActivityQuery = z
  .object({
    version: z
      .string({ error: `must be the version you read (a whole number from 1 to ${PG_INT_MAX})` })
      .regex(/^[1-9][0-9]{0,9}$/, {
        message: `must be the version you read (a whole number from 1 to ${PG_INT_MAX})`,
        abort: true,
      })
      .transform(Number)
      .pipe(ZVersion),
  })
  .strict();

const ZCount = z.number().int().nullable();
export const ZActivity = z.object({
  id: z.number().int(),
  pilotId: z.number().int(),
  idempotencyKey: z.string(),
  occurredOn: z.string(),
  type: ZActivityType,
  participants: ZCount,
  conversations: ZCount,
  newMembers: ZCount,
  newUnionMembers: ZCount,
  newLeaders: ZCount,
  petitionSignatures: ZCount,
  /** Only for callers who may see personal data (pilots:read-personal). */
  notes: z.string().optional(),
  recordedBy: ZPersonRef.nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TActivity = z.infer<typeof ZActivity>;

export const ZActivityList = z.object({ total: z.number().int(), items: z.array(ZActivity) });
export type TActivityList = z.infer<typeof ZActivityList>;

const ZRegionCode = z
  .string()
  .regex(/^[A-Z]\d{8}$/, 'must be an ONS region code such as E12000001')
  .meta({ example: 'E12000001' });

/** The activity CSV's filters; a filter outside the caller's reach just gives fewer rows. */
export const ZActivityCsvQuery = z
  .object({
    clp: ZIdParam('a CLP id').optional(),
    region: ZRegionCode.optional(),
    status: ZPilotStatus.optional(),
    kind: ZPilotKind.optional(),
    category: ZPilotCategory.optional(),
    from: ZDay.optional(),
    to: ZDay.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'must be on or after the from date',
  });
export type TActivityCsvQuery = z.output<typeof ZActivityCsvQuery>;

// ---- CSV import ----

/** The columns of an import file (and of the export, so an exported file can be edited and imported). */
export const ACTIVITY_CSV_COLUMNS = {
  date: 'occurredOn',
  type: 'type',
  participants: 'participants',
  conversations: 'conversations',
  new_members: 'newMembers',
  new_union_members: 'newUnionMembers',
  new_leaders: 'newLeaders',
  petition_signatures: 'petitionSignatures',
  notes: 'notes',
} as const;
export const ACTIVITY_IMPORT_MAX_ROWS = 5000;
export const ACTIVITY_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/**
 * apply=true needs `key`: a UUID the client makes once per chosen file and sends with every try of it, so
 * that applying the same file again (a retry after a lost answer, a double click) adds nothing.
 */
export const ZActivityImportQuery = z
  .object({
    apply: ZQueryBoolean.default(false),
    key: z.uuid({ message: 'must be a UUID made by the client for this file' }).optional(),
  })
  .strict()
  .refine((q) => !q.apply || q.key !== undefined, {
    path: ['key'],
    message: 'is required with apply=true: a UUID made by the client for this file',
  });

/** The file as sent (Content-Type: text/csv); nothing else is a file. */
export const ZActivityImportBody = z.string({ error: 'send the file as text/csv' });

/** A problem with one row: its line in the file (the header is line 1), the column, and why. */
export const ZActivityImportError = z.object({
  line: z.number().int(),
  field: z.string(),
  reason: z.string(),
});
export type TActivityImportError = z.infer<typeof ZActivityImportError>;

export const ZActivityImportPreview = z.object({
  /** Data rows read from the file (blank lines skipped). */
  rows: z.number().int(),
  /** Rows without an error: what applying would create, once every error is fixed. */
  valid: z.number().int(),
  errors: z.array(ZActivityImportError),
  /** Totals over the valid rows. */
  totals: ZActivityTotals,
});
export type TActivityImportPreview = z.infer<typeof ZActivityImportPreview>;

/**
 * An applied file: `created` rows now, and `alreadyImported` rows this file's key had made before (then the
 * answer is 200, or 201 when any row is new).
 */
export const ZActivityImportResult = z.object({
  created: z.number().int(),
  alreadyImported: z.number().int().optional(),
});
export type TActivityImportResult = z.infer<typeof ZActivityImportResult>;

/** Why an activity's date is refused: the pilot had not started (its weekly timeline begins at the start). */
export const beforeStartMessage = (startsOn: string) => `must not be before the pilot started (${startsOn})`;
