// A selection's merged history: its own entries and those of its candidacies, their candidates and the
// candidates' consents, newest first, paged. It holds personal values (before and after), so reading it
// is recorded as a view of those candidates' personal data.
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { TSelectionHistoryEntry, TSelectionHistoryQuery } from '../../contracts/index.ts';
import type { Principal } from '../access/policy.ts';
import { historyPage } from '../history/history-page.ts';
import { recordViews } from './selection-view.ts';

const where = (id: number) => Prisma.sql`
  (entity_type = 'selection' AND entity_id = ${String(id)})
  OR (entity_type = 'candidacy' AND entity_id IN (SELECT id::text FROM candidacy WHERE selection_id = ${id}))
  OR (entity_type = 'candidate' AND entity_id IN (SELECT candidate_id::text FROM candidacy WHERE selection_id = ${id}))
  OR (entity_type = 'candidate-consent' AND entity_id IN (
        SELECT k.id::text FROM candidate_consent k JOIN candidacy c ON c.candidate_id = k.candidate_id
         WHERE c.selection_id = ${id}))`;

export async function selectionHistory(
  prisma: PrismaClient,
  id: number,
  query: TSelectionHistoryQuery,
  viewer: Principal | undefined,
): Promise<{ total: number; items: TSelectionHistoryEntry[] }> {
  const page = await historyPage<TSelectionHistoryEntry['entityType']>(prisma, where(id), query);
  const candidates = await prisma.candidate.findMany({
    where: { candidacies: { some: { selectionId: id } } },
    select: { id: true, enteredById: true, erasedAt: true },
  });
  await recordViews(prisma, viewer, candidates, 'selection history');
  return page;
}
