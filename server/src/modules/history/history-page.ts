// One page of a record's merged history, newest first: the entries matching `where` (SQL over audit_entry,
// so a record with tens of thousands of related entries stays under the bind-parameter limit), counted,
// paged by id, then read with their actors. Pilots and selections use it with their own `where`.
import { type Prisma, type PrismaClient } from '../../generated/prisma/client.ts';

export interface HistoryItem<E extends string> {
  id: number;
  at: string;
  actor: { id: number; name: string } | null;
  action: 'create' | 'update' | 'delete';
  changes: { field: string; before: unknown; after: unknown }[];
  source: string | null;
  reason: string | null;
  entityType: E;
  entityId: string;
}

export async function historyPage<E extends string>(
  prisma: PrismaClient,
  where: Prisma.Sql,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: HistoryItem<E>[] }> {
  const [[counted], ids] = await Promise.all([
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM audit_entry WHERE ${where}`,
    prisma.$queryRaw<{ id: number }[]>`
      SELECT id FROM audit_entry WHERE ${where}
       ORDER BY at DESC, id DESC
      OFFSET ${page.offset} LIMIT ${page.limit}`,
  ]);
  // At most one page of ids (≤ 200) from here on.
  const rows = await prisma.auditEntry.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    include: { actor: { select: { id: true, name: true } } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
  });
  return {
    total: counted?.total ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      changes: r.changes as HistoryItem<E>['changes'],
      source: r.source,
      reason: r.reason,
      entityType: r.entityType as E,
      entityId: r.entityId,
    })),
  };
}
