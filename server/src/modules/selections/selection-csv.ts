// The selections list as CSV, through the app's one CSV writer: what the caller sees in the list, so
// members get the public face (counts withheld below the threshold, no names) and officers exact counts.
import { RULE_KEYS, type TSelectionListQuery } from '../../contracts/index.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { toCsv } from '../../http/csv.ts';
import type { Principal } from '../access/policy.ts';
import { listSelections } from './selection-list.ts';

/** A count withheld because it, or the rest of the group, is below the threshold. */
const WITHHELD = 'withheld (small number)';

export async function selectionsCsv(
  prisma: PrismaClient,
  principal: Principal | undefined,
  filters: Omit<TSelectionListQuery, 'offset' | 'limit'>,
): Promise<string> {
  const { items } = await listSelections(prisma, principal, { ...filters, offset: 0, limit: 1_000_000 });
  const header = [
    'id',
    'clp',
    'area',
    'seat_code',
    'region',
    'election_type',
    'stage',
    'compliance',
    ...RULE_KEYS.map((r) => `rule_${r}`),
    'applicants',
    'longlisted',
    'shortlisted',
    'shortlist_local',
    'shortlist_working_class',
    'longlist_women',
    'imposed',
    'imposed_source',
  ];
  const rows = items.map((s) => [
    s.id,
    s.clp.name,
    s.area,
    s.seat.code,
    s.region.name,
    s.electionType,
    s.stage,
    s.compliance.overall,
    ...RULE_KEYS.map((r) => s.compliance.rules.find((v) => v.rule === r)?.state ?? ''),
    s.composition.applicants,
    s.composition.longlisted,
    s.composition.shortlisted,
    s.composition.shortlistLocal ?? WITHHELD,
    s.composition.shortlistWorkingClass ?? WITHHELD,
    s.composition.longlistWomen ?? WITHHELD,
    s.imposed,
    s.imposedSource,
  ]);
  return toCsv(header, rows);
}
