import type { Request } from 'express';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import { can, principalOf, type Resource } from '../access/policy.ts';
import {
  ZActivity,
  ZActivityCsvQuery,
  ZActivityImportBody,
  ZActivityImportPreview,
  ZActivityImportQuery,
  ZActivityImportResult,
  ZActivityList,
  ZActivityListQuery,
  ZActivityParams,
  ZCreateActivityRequest,
  ZDeleteActivityQuery,
  ZUpdateActivityRequest,
  type TActivityImportPreview,
  type TActivityImportResult,
} from '../../contracts/index.ts';
import { applyImport } from './activities.apply.ts';
import { activityCsv } from './activities.export.ts';
import { readActivityCsv, TooManyRows, totalsOf } from './activities.import.ts';
import { ActivitiesService, type Actor } from './activities.service.ts';

const ZPilotIdParams = ZActivityParams.pick({ id: true });

function readOrRefuse(text: string, startsOn: string) {
  try {
    return readActivityCsv(text, { startsOn });
  } catch (error) {
    if (error instanceof TooManyRows) throw new AppError('PAYLOAD_TOO_LARGE', error.message);
    throw error;
  }
}

/**
 * A pilot's activity log: read by whoever may read the pilot (notes and who logged it only with
 * pilots:read-personal), written by whoever may write it. Every write moves the seat-data version, since the
 * seat layer counts recent activity.
 */
export function activityRoutes(deps: { prisma: PrismaClient; seatDataChanged: () => void }): AnyRoute[] {
  const service = new ActivitiesService(deps.prisma);
  // The access rule and the handler both need the pilot's CLP: looked up once per request.
  const resources = new WeakMap<Request, Promise<Resource & { kind: 'pilots' }>>();
  const pilotResource = (input: { params: { id: number } }, req: Request) => {
    let found = resources.get(req);
    if (!found) {
      found = service.resourceOf(input.params.id);
      resources.set(req, found);
    }
    return found;
  };
  const seesPersonal = async (input: { params: { id: number } }, req: Request) =>
    can(principalOf(req), 'pilots:read-personal', await pilotResource(input, req));
  const actorOf = (req: Request): Actor => ({
    id: principalOf(req)!.userId,
    requestId: String(req.id ?? ''),
  });

  return [
    defineRoute({
      method: 'get',
      path: '/pilots/:id/activities',
      tags: ['pilots'],
      access: { action: 'pilots:read', resource: pilotResource },
      summary:
        "A pilot's activities, newest first (notes and who logged each only for those who may see personal data)",
      params: ZPilotIdParams,
      query: ZActivityListQuery,
      response: ZActivityList,
      handler: async (input, req, res) => {
        res.json(await service.list(input.params.id, input.query, await seesPersonal(input, req)));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/pilots/:id/activities',
      tags: ['pilots'],
      access: { action: 'pilots:write', resource: pilotResource },
      summary:
        "Log an activity (not dated before the pilot's start: 422). Idempotent: the same idempotencyKey with the same values answers 200 with the activity it made; with other values, on another pilot or on a deleted activity it is a 409 (details.current: the stored activity)",
      params: ZPilotIdParams,
      body: ZCreateActivityRequest,
      response: ZActivity,
      status: 201,
      alsoSucceeds: {
        status: 200,
        description: 'This idempotency key was sent before: the activity it made',
      },
      errors: [409, 422],
      handler: async ({ params, body }, req, res) => {
        const { activity, created } = await service.create(params.id, body, actorOf(req));
        if (created) deps.seatDataChanged();
        res.status(created ? 201 : 200).json(activity);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/pilots/:id/activities/:activityId',
      tags: ['pilots'],
      access: { action: 'pilots:write', resource: pilotResource },
      summary:
        "Edit an activity; send the version you read — a stale one gets 409 with the activity as it is now. A new date may not be before the pilot's start (422)",
      params: ZActivityParams,
      body: ZUpdateActivityRequest,
      response: ZActivity,
      errors: [409, 422],
      handler: async ({ params, body }, req, res) => {
        const activity = await service.update(params.id, params.activityId, body, actorOf(req));
        deps.seatDataChanged();
        res.json(activity);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/pilots/:id/activities/:activityId',
      tags: ['pilots'],
      access: { action: 'pilots:write', resource: pilotResource },
      summary:
        'Delete an activity (kept in the history); ?version= the version you read — a stale one gets 409',
      params: ZActivityParams,
      query: ZDeleteActivityQuery,
      status: 204,
      errors: [409],
      handler: async ({ params, query }, req, res) => {
        await service.remove(params.id, params.activityId, query.version, actorOf(req));
        deps.seatDataChanged();
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'get',
      path: '/pilot-activities.csv',
      tags: ['pilots'],
      access: 'signed-in',
      summary:
        'Activities of the pilots you may read, as CSV, filtered by CLP, region, pilot status, kind, category and date (notes only where you may see personal data)',
      query: ZActivityCsvQuery,
      produces: ['text/csv'],
      handler: async ({ query }, req, res) => {
        const csv = await activityCsv(deps.prisma, principalOf(req), query);
        res.setHeader('Content-Disposition', 'attachment; filename="pilot-activities.csv"');
        res.type('text/csv').send(csv);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/pilots/:id/activities/import',
      tags: ['pilots'],
      access: { action: 'pilots:write', resource: pilotResource },
      summary:
        "Import activities from a CSV file (Content-Type: text/csv, at most 2 MB and 5,000 rows; header date,type,participants,conversations,new_members,new_union_members,new_leaders,petition_signatures,notes). apply=false previews: every bad row with its line, column and reason. apply=true (with key: a UUID the client makes once per chosen file and reuses for every try of it) writes every row or, if any has an error, none (422 with the errors in details); the same file applied again with the same key adds nothing and answers 200 { created: 0, alreadyImported }. No row may be dated before the pilot's start",
      params: ZPilotIdParams,
      query: ZActivityImportQuery,
      response: ZActivityImportPreview.or(ZActivityImportResult),
      alsoSucceeds: {
        status: 201,
        description:
          'Applied (apply=true): the rows were imported (alreadyImported: rows an earlier try made)',
      },
      errors: [409, 422],
      handler: async ({ params, query }, req, res) => {
        // express.text (app.ts) leaves the file as a string; no body at all is an empty file.
        if (req.body !== undefined && typeof req.body !== 'string') {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as CSV (Content-Type: text/csv)');
        }
        const text = ZActivityImportBody.parse(req.body ?? '');
        const read = readOrRefuse(text, await service.startsOn(params.id));
        if (!query.apply) {
          const preview: TActivityImportPreview = {
            rows: read.rows,
            valid: read.activities.length,
            errors: read.errors,
            totals: totalsOf(read.activities),
          };
          res.json(preview);
          return;
        }
        if (read.errors.length) {
          const bad = new Set(read.errors.map((e) => e.line)).size;
          throw new AppError(
            'UNPROCESSABLE',
            `${bad === 1 ? 'One row has' : `${bad} rows have`} errors; nothing was imported. Fix them and try again.`,
            read.errors,
          );
        }
        // The query schema demands the key with apply=true.
        const outcome = await applyImport(deps.prisma, params.id, query.key!, read.activities, actorOf(req));
        if (outcome.created > 0) deps.seatDataChanged();
        const result: TActivityImportResult =
          outcome.alreadyImported > 0 ? outcome : { created: outcome.created };
        res.status(outcome.created > 0 ? 201 : 200).json(result);
      },
    }),
  ];
}
