// A pilot's comments (regional staff and the CLP's organisers talk about it) and its merged history: the
// pilot's own entries, its activities' and its comments', newest first. Both are personal data.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { TPilotComment, TPilotHistoryEntry } from '../../contracts/index.ts';
import { recordChange } from '../history/audit.ts';

const author = { select: { id: true, name: true } } as const;
const HISTORY_LIMIT = 500;

function toComment(c: {
  id: number;
  body: string;
  author: { id: number; name: string } | null;
  createdAt: Date;
}) {
  return { id: c.id, body: c.body, author: c.author, createdAt: c.createdAt.toISOString() };
}

export async function listComments(
  prisma: PrismaClient,
  pilotId: number,
): Promise<{ items: TPilotComment[] }> {
  const rows = await prisma.pilotComment.findMany({
    where: { pilotId },
    select: { id: true, body: true, createdAt: true, author },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return { items: rows.map(toComment) };
}

export async function addComment(
  prisma: PrismaClient,
  pilotId: number,
  body: string,
  actor: { id: number; requestId?: string },
): Promise<TPilotComment> {
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.pilotComment.create({
      data: { pilotId, body, authorId: actor.id },
      select: { id: true, body: true, createdAt: true, author },
    });
    await recordChange(tx, {
      actorId: actor.id,
      entityType: 'pilot-comment',
      entityId: created.id,
      action: 'create',
      changes: [
        { field: 'pilotId', before: null, after: pilotId },
        { field: 'body', before: null, after: body },
      ],
      requestId: actor.requestId,
    });
    return created;
  });
  return toComment(row);
}

export async function pilotHistory(
  prisma: PrismaClient,
  pilotId: number,
): Promise<{ items: TPilotHistoryEntry[] }> {
  // Deleted activities keep their rows (soft delete), so their entries are found too.
  const [activities, comments] = await Promise.all([
    prisma.pilotActivity.findMany({ where: { pilotId }, select: { id: true } }),
    prisma.pilotComment.findMany({ where: { pilotId }, select: { id: true } }),
  ]);
  const ids = (rows: { id: number }[]) => rows.map((r) => String(r.id));
  const rows = await prisma.auditEntry.findMany({
    where: {
      OR: [
        { entityType: 'pilot', entityId: String(pilotId) },
        { entityType: 'pilot-activity', entityId: { in: ids(activities) } },
        { entityType: 'pilot-comment', entityId: { in: ids(comments) } },
      ],
    },
    include: { actor: author },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: HISTORY_LIMIT,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action as TPilotHistoryEntry['action'],
      changes: r.changes as TPilotHistoryEntry['changes'],
      source: r.source,
      reason: r.reason,
      entityType: r.entityType as TPilotHistoryEntry['entityType'],
      entityId: r.entityId,
    })),
  };
}
