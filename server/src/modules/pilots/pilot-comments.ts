// A pilot's comments: regional staff and the CLP's organisers talk about it (personal data, as its history
// in pilot-history.ts is).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { TPilotComment } from '../../contracts/index.ts';
import { recordChange } from '../history/audit.ts';

const author = { select: { id: true, name: true } } as const;

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
