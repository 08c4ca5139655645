import { z } from 'zod';

export const BOUNDARY_SETS = ['2010', '2024'] as const;
export const ZBoundarySet = z.enum(BOUNDARY_SETS);
export type TBoundarySet = z.infer<typeof ZBoundarySet>;

export const ELECTIONS = ['GE2017', 'GE2019', 'GE2019N', 'GE2024'] as const;
export const ZElectionCode = z.enum(ELECTIONS);
export type TElectionCode = z.infer<typeof ZElectionCode>;

/** Which boundaries each election's results are on. */
export const ELECTION_BOUNDARY_SET: Record<TElectionCode, TBoundarySet> = {
  GE2017: '2010',
  GE2019: '2010',
  GE2019N: '2024',
  GE2024: '2024',
};

/** The election a boundary set shows when none is chosen. */
export const DEFAULT_ELECTION: Record<TBoundarySet, TElectionCode> = {
  '2010': 'GE2019',
  '2024': 'GE2024',
};

/** Zod refinement: an election chosen together with a boundary set must be on that set. */
export function electionMatchesBoundarySet(
  q: { boundarySet: TBoundarySet; election?: TElectionCode | undefined },
  ctx: z.RefinementCtx,
): void {
  if (q.election && ELECTION_BOUNDARY_SET[q.election] !== q.boundarySet) {
    ctx.addIssue({
      code: 'custom',
      path: ['election'],
      message: `${q.election} is on the ${ELECTION_BOUNDARY_SET[q.election]} boundaries, not ${q.boundarySet}`,
    });
  }
}

// ---- Input types: every text, id and query number a request carries is one of these ----

/** PostgreSQL's integer: the largest id (and version) a column can hold. */
export const PG_INT_MAX = 2_147_483_647;

export const TEXT_MESSAGES = {
  control: 'must not contain control characters',
  nul: 'must not contain the NUL character',
  unicode: 'must be valid Unicode text',
} as const;

// String.prototype.isWellFormed is ES2024 (Node 20, current browsers); the TypeScript lib here is ES2023.
const isWellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/** C0 control characters (U+0000–U+001F); multi-line text may hold tab, line feed and carriage return. */
/**
 * C0 controls (but tab and line breaks in multi-line text), DEL and the C1 controls; and the characters that
 * make text display as other than it reads: the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069; a reason "stnemyap" shown as "payments"), and the line and paragraph
 * separators (U+2028/9). Right-to-left text itself is unaffected: it needs none of them.
 */
function hasControl(s: string, multiline: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && !(multiline && (c === 0x09 || c === 0x0a || c === 0x0d))) return true;
    if (c >= 0x7f && c <= 0x9f) return true;
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x2028 || c === 0x2029) {
      return true;
    }
  }
  return false;
}

export interface TextOptions {
  /** The message when the value is missing or not a string. */
  error?: string;
  /** Allow tab, line feed and carriage return (rationales, purposes); single-line text refuses them. */
  multiline?: boolean;
  /** Trim surrounding white space before the other checks (default true). */
  trim?: boolean;
  min?: number;
  minMessage?: string;
  max: number;
  maxMessage?: string;
}

/**
 * Free text from a request: trimmed, bounded, well-formed Unicode (no lone surrogate, which PostgreSQL's
 * JSON columns refuse) and without control characters (a NUL is refused by every PostgreSQL text column).
 * The checks run after trimming, so surrounding white space (a trailing line break) is still forgiven.
 */
export function ZText(options: TextOptions) {
  const { error, multiline = false, trim = true, min, max } = options;
  let schema = z.string(error === undefined ? undefined : { error });
  if (trim) schema = schema.trim();
  if (min !== undefined) schema = schema.min(min, options.minMessage ?? `must be at least ${min} characters`);
  return schema
    .max(max, options.maxMessage ?? `must be at most ${max} characters`)
    .refine((s) => !hasControl(s, multiline), TEXT_MESSAGES.control)
    .refine(isWellFormed, TEXT_MESSAGES.unicode);
}

/**
 * A password as typed: never trimmed, any character allowed except the NUL and lone surrogates (both would
 * be hashed as something other than what was typed, and two different passwords could become the same).
 */
export function ZPassword(options: {
  error: string;
  min: number;
  minMessage: string;
  max: number;
  maxMessage?: string;
}) {
  return z
    .string({ error: options.error })
    .min(options.min, options.minMessage)
    .max(options.max, options.maxMessage ?? `must be at most ${options.max} characters`)
    .refine((s) => !s.includes('\u0000'), TEXT_MESSAGES.nul)
    .refine(isWellFormed, TEXT_MESSAGES.unicode);
}

const ID_RANGE = `a whole number from 1 to ${PG_INT_MAX}`;
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An id in a JSON body: an integer 1..2147483647 (what names it: "a CLP id"). */
export function ZId(what = 'an id') {
  const message = `must be ${what} (${ID_RANGE})`;
  return z
    .number({ error: message })
    .int({ message, abort: true })
    .min(1, message)
    .max(PG_INT_MAX, message)
    .meta({ description: `${sentence(what)}: ${ID_RANGE}` });
}

/**
 * An id in a path or query string: plain decimal digits without a leading zero, at most 2147483647, then a
 * number. "0x1", "1e3", " 5" and "5.0" are refused rather than read as numbers, so one id has one URL.
 */
export function ZIdParam(what = 'an id') {
  const message = `must be ${what} (${ID_RANGE})`;
  return z
    .string({ error: message })
    .regex(/^[1-9][0-9]{0,9}$/, { message, abort: true })
    .refine((s) => Number(s) <= PG_INT_MAX, message)
    .meta({ description: `${sentence(what)}: ${ID_RANGE}` })
    .transform(Number);
}

/** A whole number in a query string: plain decimal digits (optionally negative), within min..max. */
export function ZQueryInt(options: { min: number; max: number; default: number }) {
  const { min, max } = options;
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string({ error: message })
    .regex(/^-?[0-9]+$/, { message, abort: true })
    .meta({ description: `A whole number from ${min} to ${max} (default ${options.default})` })
    .default(String(options.default))
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
}

/** A number in a query string where a decimal is meant: "-12", "2.5"; never "1e3", "0x1", " 5" or "". */
export function ZQueryDecimal(options: { min: number; max: number }) {
  const { min, max } = options;
  const message = `must be a number from ${min} to ${max}`;
  return z
    .string({ error: message })
    .regex(/^-?[0-9]+(\.[0-9]+)?$/, { message, abort: true })
    .meta({ description: `A number from ${min} to ${max}, such as 2.5` })
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));
}

export const ZPartyCode = z.string().regex(/^[A-Za-z]{1,8}$/, 'must be a party code such as Lab or Con');

export const ZErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

/** Query-string booleans: only the words people type. */
export const ZQueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

/** For routes that take no query parameters: an unknown one is a 400, not a new URL to cache. */
export const ZNoQuery = z.object({}).strict();

export const ZRef = z.object({ code: z.string(), name: z.string() });
export type TRef = z.infer<typeof ZRef>;
