// Authorization-matrix rows for pilots and partners (see access/matrix.ts). The CLP callers belong to the
// North East CLP of Blyth and Ashington (ctx.clpId); 'regional staff' hold the North East, the other region's
// staff London. R = read: the CLP's roles and its region's staff; P = personal data and C = comment: its
// organisers and its region's staff; W = write: its organisers. Admins everything.
import { randomUUID } from 'node:crypto';
import type { Caller, Case, Expect, MatrixEnv } from '../access/matrix.ts';
import { adminOnly, signedIn } from '../access/matrix.ts';

const allowed =
  (status: number, who: readonly Caller[]): Expect =>
  (c) =>
    c === 'signed out' ? 401 : c === 'admin' || who.includes(c) ? status : 403;

const READERS: Caller[] = ['member', 'organiser', 'selection officer', 'regional staff'];
const PERSONAL: Caller[] = ['organiser', 'regional staff'];
const WRITERS: Caller[] = ['organiser'];
const PARTNER_WRITERS: Caller[] = ['organiser', 'regional staff', 'regional staff, other region'];

export function pilotCases({ t, ctx }: MatrixEnv): Record<string, Case> {
  const newPilot = async () =>
    t.db.prisma.pilot.create({
      data: {
        clpId: ctx.clpId,
        title: 'Matrix pilot',
        issue: 'Bus routes cut',
        category: 'transport',
        kind: 'community_organising',
        statusOn: new Date('2026-10-01T00:00:00Z'),
        startsOn: new Date('2026-10-01T00:00:00Z'),
      },
    });
  const newPartner = async () =>
    t.db.prisma.partner.create({ data: { name: `Matrix group ${randomUUID()}`, kind: 'community_group' } });
  const pilotBody = {
    title: 'Matrix pilot',
    issue: 'Bus routes cut',
    category: 'transport',
    kind: 'community_organising',
    startsOn: '2026-10-01',
  };

  return {
    'GET /api/pilots': { expect: signedIn(200), request: () => ({ url: '/api/pilots?limit=5' }) },
    'GET /api/pilots.csv': {
      expect: signedIn(200),
      request: () => ({ url: '/api/pilots.csv?status=planned' }),
    },
    'GET /api/pilot-locations': { expect: signedIn(200), request: () => ({ url: '/api/pilot-locations' }) },
    'POST /api/pilots': {
      expect: allowed(201, WRITERS),
      request: () => ({ url: '/api/pilots', body: { ...pilotBody, clpId: ctx.clpId } }),
    },
    'GET /api/pilots/{id}': {
      expect: allowed(200, READERS),
      request: async () => ({ url: `/api/pilots/${(await newPilot()).id}` }),
    },
    'PUT /api/pilots/{id}': {
      expect: allowed(200, WRITERS),
      request: async () => ({
        url: `/api/pilots/${(await newPilot()).id}`,
        body: { ...pilotBody, status: 'active', version: 1 },
      }),
    },
    'POST /api/pilots/{id}/replicate': {
      expect: allowed(201, WRITERS),
      request: async () => ({
        url: `/api/pilots/${(await newPilot()).id}/replicate`,
        body: { clpId: ctx.clpId, startsOn: '2026-11-01' },
      }),
    },
    'GET /api/pilots/{id}/comments': {
      expect: allowed(200, PERSONAL),
      request: async () => ({ url: `/api/pilots/${(await newPilot()).id}/comments` }),
    },
    'POST /api/pilots/{id}/comments': {
      expect: allowed(201, PERSONAL),
      request: async () => ({
        url: `/api/pilots/${(await newPilot()).id}/comments`,
        body: { body: 'Good turnout' },
      }),
    },
    'GET /api/pilots/{id}/history': {
      expect: allowed(200, PERSONAL),
      request: async () => ({ url: `/api/pilots/${(await newPilot()).id}/history` }),
    },
    'GET /api/pilots/{id}/organisers': {
      expect: allowed(200, WRITERS),
      request: async () => ({ url: `/api/pilots/${(await newPilot()).id}/organisers` }),
    },
    'GET /api/clps/{id}/organisers': {
      expect: allowed(200, WRITERS),
      request: () => ({ url: `/api/clps/${ctx.clpId}/organisers` }),
    },
    'GET /api/partners': { expect: signedIn(200), request: () => ({ url: '/api/partners?q=matrix' }) },
    'POST /api/partners': {
      expect: allowed(201, PARTNER_WRITERS),
      request: () => ({
        url: '/api/partners',
        body: { name: `Matrix branch ${randomUUID()}`, kind: 'union_branch', unionName: 'Unison' },
      }),
    },
    'PUT /api/partners/{id}': {
      expect: allowed(200, PARTNER_WRITERS),
      request: async () => {
        const p = await newPartner();
        return {
          url: `/api/partners/${p.id}`,
          body: { name: `${p.name} renamed`, kind: 'community_group', version: 1 },
        };
      },
    },
    'POST /api/partners/{id}/merge': {
      expect: adminOnly(200),
      request: async () => ({
        url: `/api/partners/${(await newPartner()).id}/merge`,
        body: { intoId: (await newPartner()).id },
      }),
    },
  };
}
