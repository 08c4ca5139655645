// Authorization-matrix rows for candidate selections (see access/matrix.ts). The CLP callers belong to
// Blyth and Ashington's CLP (ctx.clpId). Everyone reads a selection's public face; W = write: the CLP's
// selection officer; candidates' data rights (export, erasure) and the national rules: admins.
import type { Caller, Case, Expect, MatrixEnv } from '../access/matrix.ts';
import { adminOnly, everyone } from '../access/matrix.ts';

const officers =
  (status: number): Expect =>
  (c: Caller) =>
    c === 'signed out' ? 401 : c === 'admin' || c === 'selection officer' ? status : 403;

export function selectionCases({ t, ctx }: MatrixEnv): Record<string, Case> {
  const newSelection = () =>
    t.db.prisma.selection.create({
      data: { clpId: ctx.clpId, electionType: 'general', stage: 'applications_open' },
    });
  const newCandidacy = async () => {
    const s = await newSelection();
    const candidate = await t.db.prisma.candidate.create({ data: { name: 'Matrix Candidate (fictional)' } });
    return t.db.prisma.candidacy.create({ data: { selectionId: s.id, candidateId: candidate.id } });
  };

  return {
    'GET /api/selections': {
      expect: everyone(200),
      request: () => ({ url: `/api/selections?clp=${ctx.clpId}` }),
    },
    'GET /api/selections.csv': {
      expect: everyone(200),
      request: () => ({ url: `/api/selections.csv?clp=${ctx.clpId}` }),
    },
    'GET /api/selections/{id}/history': {
      expect: officers(200),
      request: async () => ({ url: `/api/selections/${(await newSelection()).id}/history` }),
    },
    'GET /api/selections/calendar.ics': {
      expect: everyone(200),
      request: () => ({ url: `/api/selections/calendar.ics?clp=${ctx.clpId}` }),
    },
    'GET /api/selection-rules': { expect: everyone(200), request: () => ({ url: '/api/selection-rules' }) },
    'PUT /api/selection-rules': {
      expect: adminOnly(200),
      request: async () => ({
        url: '/api/selection-rules',
        body: { rules: (await t.api.get('/api/selection-rules')).body.rules },
      }),
    },
    'POST /api/selections': {
      expect: officers(201),
      request: () => ({ url: '/api/selections', body: { clpId: ctx.clpId, electionType: 'general' } }),
    },
    'GET /api/selections/{id}': {
      expect: everyone(200),
      request: async () => ({ url: `/api/selections/${(await newSelection()).id}` }),
    },
    'PATCH /api/selections/{id}': {
      expect: officers(200),
      request: async () => ({
        url: `/api/selections/${(await newSelection()).id}`,
        body: { version: 1, stage: 'longlist' },
      }),
    },
    'PUT /api/selections/{id}/ballot': {
      expect: officers(200),
      request: async () => ({
        url: `/api/selections/${(await newSelection()).id}/ballot`,
        body: { version: 1, rounds: [] },
      }),
    },
    'POST /api/selections/{id}/candidacies': {
      expect: officers(201),
      request: async () => ({
        url: `/api/selections/${(await newSelection()).id}/candidacies`,
        body: { candidate: { name: 'Matrix Applicant (fictional)' } },
      }),
    },
    'PATCH /api/candidacies/{id}': {
      expect: officers(200),
      request: async () => ({
        url: `/api/candidacies/${(await newCandidacy()).id}`,
        body: { version: 1, stage: 'longlisted' },
      }),
    },
    'PATCH /api/candidacies/{id}/candidate': {
      expect: officers(200),
      request: async () => ({
        url: `/api/candidacies/${(await newCandidacy()).id}/candidate`,
        body: { version: 1, occupation: 'Care worker' },
      }),
    },
    'POST /api/candidacies/{id}/consents': {
      expect: officers(201),
      request: async () => ({
        url: `/api/candidacies/${(await newCandidacy()).id}/consents`,
        body: { fields: ['name'], note: 'Signed form' },
      }),
    },
    'POST /api/candidacies/{id}/consents/{consentId}/withdraw': {
      expect: officers(200),
      request: async () => {
        const c = await newCandidacy();
        const consent = await t.db.prisma.candidateConsent.create({
          data: { candidateId: c.candidateId, fields: ['name'] },
        });
        return { url: `/api/candidacies/${c.id}/consents/${consent.id}/withdraw`, body: {} };
      },
    },
    'POST /api/candidates/{id}/export': {
      expect: adminOnly(200),
      request: async () => ({
        url: `/api/candidates/${(await newCandidacy()).candidateId}/export`,
        body: { reason: 'Subject access request' },
      }),
    },
    'POST /api/candidates/{id}/erase': {
      expect: adminOnly(204),
      request: async () => ({
        url: `/api/candidates/${(await newCandidacy()).candidateId}/erase`,
        body: { reason: 'Asked to be forgotten' },
      }),
    },
  };
}
