import type { Request } from 'express';
import {
  ZCandidacyParams,
  ZCandidateParams,
  ZCandidateRecord,
  ZConsentParams,
  ZCreateCandidacyRequest,
  ZCreateSelectionRequest,
  ZReasonRequest,
  ZRecordConsentRequest,
  ZSelection,
  ZSelectionCalendarQuery,
  ZSelectionCsvQuery,
  ZSelectionHistoryQuery,
  ZSelectionHistoryResponse,
  ZSelectionListQuery,
  ZSelectionListResponse,
  ZSelectionParams,
  ZSelectionRulesResponse,
  ZSetBallotRequest,
  ZSetSelectionRulesRequest,
  ZUpdateCandidacyRequest,
  ZUpdateCandidateRequest,
  ZUpdateSelectionRequest,
} from '../../contracts/index.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import { principalOf } from '../access/policy.ts';
import { addCandidacy, updateCandidacy, updateCandidate } from './candidacy-write.ts';
import {
  candidateRecord,
  eraseCandidate,
  recordConsent,
  setBallot,
  withdrawConsent,
} from './candidate-data.ts';
import { candidacyResource, clpSelectionsResource, selectionResource } from './selection-access.ts';
import { selectionsCsv } from './selection-csv.ts';
import { selectionHistory } from './selection-history.ts';
import { listSelections, selectionsFeed } from './selection-list.ts';
import { nationalRules, setNationalRules } from './selection-rules.ts';
import { getSelection, recordViews } from './selection-view.ts';
import { createSelection, updateSelection } from './selection-write.ts';

const actorOf = (req: Request) => ({ principal: principalOf(req)!, requestId: String(req.id ?? '') });

/**
 * Candidate selections (issue 9): a CLP's selection officers run its selections; everyone sees their public
 * face; candidates' personal fields only the officers and admins, every such read recorded.
 */
export function selectionRoutes(deps: {
  prisma: PrismaClient;
  seatDataChanged: () => void;
  appUrl: string;
}): AnyRoute[] {
  const { prisma } = deps;
  const tags = ['selections'];
  const ofSelection = ({ params }: { params: { id: number } }) => selectionResource(prisma, params.id);
  const ofCandidacy = ({ params }: { params: { id: number } }) => candidacyResource(prisma, params.id);
  const changed = <T>(value: T) => {
    deps.seatDataChanged();
    return value;
  };

  return [
    defineRoute({
      method: 'get',
      path: '/selections',
      tags,
      access: { action: 'selections:read' },
      summary:
        'Selections with their stages, compliance and composition (counts withheld below the threshold)',
      query: ZSelectionListQuery,
      response: ZSelectionListResponse,
      handler: async ({ query }, req, res) => {
        res.json(await listSelections(prisma, principalOf(req), query));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/selections.csv',
      tags,
      access: { action: 'selections:read' },
      summary: 'The selections matching the filters as CSV: what the caller sees in the list, nothing more',
      query: ZSelectionCsvQuery,
      produces: ['text/csv'],
      handler: async ({ query }, req, res) => {
        const day = new Date().toISOString().slice(0, 10);
        res.setHeader('Content-Disposition', `attachment; filename="groundwork-selections-${day}.csv"`);
        res.type('text/csv').send(await selectionsCsv(prisma, principalOf(req), query));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/selections/calendar.ics',
      tags,
      errors: [404],
      access: { action: 'selections:read' },
      summary:
        "An iCalendar feed of a CLP's, a region's or (with neither) every public stage date, for a calendar app",
      query: ZSelectionCalendarQuery,
      produces: ['text/calendar'],
      handler: async ({ query }, req, res) => {
        const body = await selectionsFeed(prisma, query, deps.appUrl);
        res.setHeader('Content-Disposition', 'inline; filename="selections.ics"');
        res.type('text/calendar; charset=utf-8').send(body);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/selection-rules',
      tags,
      access: { action: 'selections:read' },
      summary:
        'The national rules every selection is held to unless its officer overrides one, with a reason',
      response: ZSelectionRulesResponse,
      handler: async (_input, _req, res) => {
        res.json({ rules: await nationalRules(prisma) });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/selection-rules',
      tags,
      access: { action: 'selections:rules' },
      summary: 'Set the national rules (admins); recorded in the history',
      body: ZSetSelectionRulesRequest,
      response: ZSelectionRulesResponse,
      handler: async ({ body }, req, res) => {
        const actor = actorOf(req);
        const rules = await setNationalRules(prisma, body.rules, {
          id: actor.principal.userId,
          requestId: actor.requestId,
        });
        res.json(changed({ rules }));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/selections',
      tags,
      status: 201,
      errors: [404, 422],
      access: {
        action: 'selections:write',
        resource: ({ body }) => clpSelectionsResource(prisma, body.clpId),
      },
      summary: "Start a selection for the CLP's seat or a council ward in it",
      body: ZCreateSelectionRequest,
      response: ZSelection,
      handler: async ({ body }, req, res) => {
        res.status(201).json(changed(await createSelection(prisma, body, actorOf(req))));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/selections/:id',
      tags,
      errors: [404],
      access: { action: 'selections:read', resource: ofSelection },
      summary:
        'A selection: stages, candidacies (personal fields for its officers only), ballot, rules, compliance',
      params: ZSelectionParams,
      response: ZSelection,
      handler: async ({ params }, req, res) => {
        res.json(await getSelection(prisma, params.id, principalOf(req)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/selections/:id/history',
      tags,
      errors: [404],
      access: { action: 'selections:read-personal', resource: ofSelection },
      summary:
        "A selection's history with its candidacies', candidates' and consents', newest first (recorded as a view)",
      params: ZSelectionParams,
      query: ZSelectionHistoryQuery,
      response: ZSelectionHistoryResponse,
      handler: async ({ params, query }, req, res) => {
        res.json(await selectionHistory(prisma, params.id, query, principalOf(req)));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/selections/:id',
      tags,
      errors: [404, 409, 422],
      access: { action: 'selections:write', resource: ofSelection },
      summary:
        'Move the stage, set dates, record an imposition (with its source) or override a rule (with a reason)',
      params: ZSelectionParams,
      body: ZUpdateSelectionRequest,
      response: ZSelection,
      handler: async ({ params, body }, req, res) => {
        res.json(changed(await updateSelection(prisma, params.id, body, actorOf(req))));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/selections/:id/ballot',
      tags,
      errors: [404, 409, 422],
      access: { action: 'selections:write', resource: ofSelection },
      summary: "Record the members' ballot round by round; rounds that do not add up are refused (422)",
      params: ZSelectionParams,
      body: ZSetBallotRequest,
      response: ZSelection,
      handler: async ({ params, body }, req, res) => {
        res.json(changed(await setBallot(prisma, params.id, body, actorOf(req))));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/selections/:id/candidacies',
      tags,
      status: 201,
      errors: [404, 409, 422],
      access: { action: 'selections:write', resource: ofSelection },
      summary: 'Add an applicant: a new candidate, or one already in your selections',
      params: ZSelectionParams,
      body: ZCreateCandidacyRequest,
      response: ZSelection,
      handler: async ({ params, body }, req, res) => {
        res.status(201).json(changed(await addCandidacy(prisma, params.id, body, actorOf(req))));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/candidacies/:id',
      tags,
      errors: [404, 409],
      access: { action: 'selections:write', resource: ofCandidacy },
      summary:
        "A candidacy's stage, where the candidate lives relative to the seat, and nominations (versioned)",
      params: ZCandidacyParams,
      body: ZUpdateCandidacyRequest,
      response: ZSelection,
      handler: async ({ params, body }, req, res) => {
        res.json(changed(await updateCandidacy(prisma, params.id, body, actorOf(req))));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/candidacies/:id/candidate',
      tags,
      errors: [404, 409, 422],
      access: { action: 'selections:write', resource: ofCandidacy },
      summary: "The candidate's own fields (special-category data), versioned",
      params: ZCandidacyParams,
      body: ZUpdateCandidateRequest,
      response: ZSelection,
      handler: async ({ params, body }, req, res) => {
        const c = await prisma.candidacy.findUniqueOrThrow({
          where: { id: params.id },
          select: { candidateId: true, selectionId: true },
        });
        res.json(changed(await updateCandidate(prisma, c.candidateId, c.selectionId, body, actorOf(req))));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/candidacies/:id/consents',
      tags,
      status: 201,
      errors: [404, 422],
      access: { action: 'selections:write', resource: ofCandidacy },
      summary: "Record the candidate's consent to publish their name and chosen fields, and how it was given",
      params: ZCandidacyParams,
      body: ZRecordConsentRequest,
      response: ZSelection,
      handler: async ({ params, body }, req, res) => {
        res.status(201).json(changed(await recordConsent(prisma, params.id, body, actorOf(req))));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/candidacies/:id/consents/:consentId/withdraw',
      tags,
      errors: [404],
      access: { action: 'selections:write', resource: ({ params }) => candidacyResource(prisma, params.id) },
      summary: 'Withdraw a consent: the fields it covered stop being public at once',
      params: ZConsentParams,
      response: ZSelection,
      handler: async ({ params }, req, res) => {
        res.json(changed(await withdrawConsent(prisma, params.id, params.consentId, actorOf(req))));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/candidates/:id/export',
      tags,
      errors: [404],
      access: { action: 'candidates:manage-data' },
      summary: 'Everything held on a candidate as JSON (a subject access request); recorded with the reason',
      params: ZCandidateParams,
      body: ZReasonRequest,
      response: ZCandidateRecord,
      handler: async ({ params, body }, req, res) => {
        const actor = actorOf(req);
        const record = await prisma.$transaction(async (tx) => {
          const r = await candidateRecord(tx, params.id);
          await tx.personalDataExport.create({
            data: {
              userId: actor.principal.userId,
              dataset: 'candidate',
              filters: { candidateId: params.id },
              rowCount: 1,
              purpose: body.reason,
            },
          });
          await recordViews(
            tx,
            actor.principal,
            [{ id: params.id, enteredById: null, erasedAt: null }],
            'person export',
          );
          return r;
        });
        res.setHeader('Content-Disposition', `attachment; filename="groundwork-candidate-${params.id}.json"`);
        res.json(record);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/candidates/:id/erase',
      tags,
      status: 204,
      errors: [404, 409],
      access: { action: 'candidates:manage-data' },
      summary: "Erase a candidate: fields blanked, the person anonymised, the selections' counts kept",
      params: ZCandidateParams,
      body: ZReasonRequest,
      handler: async ({ params, body }, req, res) => {
        await eraseCandidate(prisma, params.id, body.reason, actorOf(req));
        deps.seatDataChanged();
        res.status(204).end();
      },
    }),
  ];
}
