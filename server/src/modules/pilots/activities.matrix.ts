// Authorization-matrix rows for this part of the pilots module (see access/matrix.ts).
import { randomUUID } from 'node:crypto';
import type { Caller, Case, Expect, MatrixEnv } from '../access/matrix.ts';
import { signedIn } from '../access/matrix.ts';

// Readers of a CLP's pilots: its member, organiser and selection officer, its region's staff, admins.
const READERS: readonly Caller[] = ['member', 'organiser', 'selection officer', 'regional staff', 'admin'];
// Writers of its activity log: its organiser and admins (regional staff comment, they do not edit).
const WRITERS: readonly Caller[] = ['organiser', 'admin'];

const allowed =
  (who: readonly Caller[], status: number): Expect =>
  (c) =>
    c === 'signed out' ? 401 : who.includes(c) ? status : 403;

export function activityCases({ t, ctx }: MatrixEnv): Record<string, Case> {
  const prisma = () => t.db.prisma;
  // A fresh pilot per request, so one caller's write never changes what the next one meets.
  const pilot = async () =>
    (
      await prisma().pilot.create({
        data: {
          clpId: ctx.clpId,
          title: 'Matrix pilot',
          issue: 'Bus route cut',
          category: 'transport',
          kind: 'community_organising',
          status: 'active',
          statusOn: new Date('2026-01-05'),
          startsOn: new Date('2026-01-05'),
        },
      })
    ).id;
  const activity = async (pilotId: number) =>
    prisma().pilotActivity.create({
      data: {
        pilotId,
        idempotencyKey: randomUUID(),
        occurredOn: new Date('2026-02-01'),
        type: 'stall',
        participants: 4,
        notes: 'Matrix notes',
      },
    });

  return {
    'GET /api/pilots/{id}/activities': {
      expect: allowed(READERS, 200),
      request: async () => {
        const id = await pilot();
        await activity(id);
        return { url: `/api/pilots/${id}/activities` };
      },
    },
    'POST /api/pilots/{id}/activities': {
      expect: allowed(WRITERS, 201),
      request: async () => ({
        url: `/api/pilots/${await pilot()}/activities`,
        body: {
          idempotencyKey: randomUUID(),
          occurredOn: '2026-02-02',
          type: 'door_knocking',
          conversations: 30,
        },
      }),
    },
    'PUT /api/pilots/{id}/activities/{activityId}': {
      expect: allowed(WRITERS, 200),
      request: async () => {
        const a = await activity(await pilot());
        return {
          url: `/api/pilots/${a.pilotId}/activities/${a.id}`,
          body: { occurredOn: '2026-02-01', type: 'stall', participants: 5, version: a.version },
        };
      },
    },
    'DELETE /api/pilots/{id}/activities/{activityId}': {
      expect: allowed(WRITERS, 204),
      request: async () => {
        const a = await activity(await pilot());
        return { url: `/api/pilots/${a.pilotId}/activities/${a.id}?version=${a.version}` };
      },
    },
    // Signed in: everyone gets a file, holding only the activities of the pilots they may read.
    'GET /api/pilot-activities.csv': {
      expect: signedIn(200),
      request: () => ({ url: `/api/pilot-activities.csv?clp=${ctx.clpId}` }),
    },
    // No file sent is an empty file: the preview answers with that error for whoever may import.
    'POST /api/pilots/{id}/activities/import': {
      expect: allowed(WRITERS, 200),
      request: async () => ({ url: `/api/pilots/${await pilot()}/activities/import?apply=false` }),
    },
  };
}
