// The rules selections are held to: national defaults set by admins (kept in the `setting` table, every
// change in the history), and per selection the officer's overrides, each with the reason members read.
import {
  DEFAULT_SELECTION_RULES,
  ZSelectionRules,
  type TRuleKey,
  type TRuleOverrides,
  type TSelectionRules,
} from '../../contracts/index.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { changedFields, recordChange } from '../history/audit.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';

export const SELECTION_RULES_KEY = 'selections.rules';

type Db = PrismaClient | Prisma.TransactionClient;

/** The national rules; a stored value that no longer parses (an older shape) falls back field by field. */
export async function nationalRules(db: Db): Promise<TSelectionRules> {
  const row = await db.setting.findUnique({ where: { key: SELECTION_RULES_KEY } });
  const stored = ZSelectionRules.partial().safeParse(row?.value ?? {});
  return { ...DEFAULT_SELECTION_RULES, ...(stored.success ? stored.data : {}) };
}

export async function setNationalRules(
  prisma: PrismaClient,
  rules: TSelectionRules,
  actor: { id: number; requestId?: string },
): Promise<TSelectionRules> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.setting.findUnique({ where: { key: SELECTION_RULES_KEY } });
    const before = await nationalRules(tx);
    const changes = changedFields(before, rules, Object.keys(rules) as (keyof TSelectionRules)[]);
    if (existing && changes.length === 0) return rules;
    await tx.setting.upsert({
      where: { key: SELECTION_RULES_KEY },
      create: { key: SELECTION_RULES_KEY, value: rules, updatedById: actor.id },
      update: { value: rules, updatedById: actor.id, updatedAt: new Date() },
    });
    await recordChange(tx, {
      actorId: actor.id,
      entityType: 'setting',
      entityId: SELECTION_RULES_KEY,
      action: existing ? 'update' : 'create',
      changes,
      requestId: actor.requestId,
    });
    // Compliance on the map and in lists is judged against these rules.
    await bumpSeatDataVersion(tx);
    return rules;
  });
}

export type StoredOverrides = Partial<Record<TRuleKey, { value: boolean | number; reason: string }>>;

/** Overrides as stored (JSON), keeping only well-formed entries. */
export function storedOverrides(value: unknown): StoredOverrides {
  const out: StoredOverrides = {};
  if (!value || typeof value !== 'object') return out;
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!(key in DEFAULT_SELECTION_RULES) || !entry || typeof entry !== 'object') continue;
    const { value: v, reason } = entry as { value?: unknown; reason?: unknown };
    if ((typeof v === 'boolean' || typeof v === 'number') && typeof reason === 'string') {
      out[key as TRuleKey] = { value: v, reason };
    }
  }
  return out;
}

/** The national rules with a selection's overrides applied. */
export function effectiveRules(national: TSelectionRules, overrides: StoredOverrides): TSelectionRules {
  const rules = { ...national } as Record<string, unknown>;
  for (const [key, o] of Object.entries(overrides)) rules[key] = o.value;
  return rules as TSelectionRules;
}

/**
 * Merges an officer's changes (null removes an override) into the stored ones; each value must be what
 * its rule takes (a switch or a bounded whole number), else 400 naming `ruleOverrides.<rule>.value`.
 */
export function mergeOverrides(current: StoredOverrides, changes: TRuleOverrides): StoredOverrides {
  const next: StoredOverrides = { ...current };
  for (const [key, change] of Object.entries(changes) as [TRuleKey, TRuleOverrides[TRuleKey]][]) {
    if (change === undefined) continue;
    if (change === null) {
      delete next[key];
      continue;
    }
    const parsed = ZSelectionRules.shape[key].safeParse(change.value);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'is not a value this rule takes';
      const kind = typeof DEFAULT_SELECTION_RULES[key] === 'boolean' ? 'true or false' : reason;
      throw new AppError(
        'BAD_REQUEST',
        `ruleOverrides.${key}.value must be ${kind.replace(/^must be /, '')}`,
        [{ field: `ruleOverrides.${key}.value`, message: `must be ${kind.replace(/^must be /, '')}` }],
      );
    }
    next[key] = { value: parsed.data as boolean | number, reason: change.reason };
  }
  return next;
}
