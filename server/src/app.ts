import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Config } from './config.ts';
import { ACTIVITY_IMPORT_MAX_BYTES } from './contracts/index.ts';
import type { Database } from './db/database.ts';
import { defaultMigrationsDir } from './db/migrate.ts';
import { AppError } from './http/app-error.ts';
import { clientPages } from './http/client-pages.ts';
import { DatabaseStatus } from './http/database-status.ts';
import { errorMiddleware, notFoundRoute } from './http/error-middleware.ts';
import { requestIdOf } from './http/request-id.ts';
import { ResponseReplay } from './http/response-replay.ts';
import { defineRoute, mountRoutes } from './http/route.ts';
import { adminRoutes } from './modules/admin/admin.routes.ts';
import { authenticate, requireCsrf } from './modules/auth/auth.middleware.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { DEFAULT_SESSION_LIMITS } from './modules/auth/sessions.ts';
import { clpRoutes } from './modules/clps/clps.routes.ts';
import { exportRoutes } from './modules/exports/exports.routes.ts';
import { geoRoutes } from './modules/geo/geo.routes.ts';
import { historyRoutes } from './modules/history/history.routes.ts';
import { activityRoutes } from './modules/pilots/activities.routes.ts';
import { pilotBoardRoutes } from './modules/pilots/boards.routes.ts';
import { selectionBoardRoutes } from './modules/selections/board.routes.ts';
import { selectionRoutes } from './modules/selections/selections.routes.ts';
import { partnerRoutes } from './modules/pilots/partners.routes.ts';
import { pilotRoutes } from './modules/pilots/pilots.routes.ts';
import { targetRoutes } from './modules/targets/targets.routes.ts';
import { openApiDocument } from './modules/openapi/openapi.ts';
import { referenceRoutes } from './modules/reference/reference.routes.ts';
import { SeatReadModel } from './modules/seats/seat-read-model.ts';
import { seatRoutes } from './modules/seats/seats.router.ts';
import { SeatsService } from './modules/seats/seats.service.ts';

const IMPORT_PATH = '/api/pilots/:id/activities/import';

export interface AppDeps {
  db: Database;
  config: Config;
  logger?: Logger;
  /** Whether the database is reachable; given by server.ts, which shares it with the housekeeping timer. */
  status?: DatabaseStatus;
}

function tileOrigin(tileUrl: string): string[] {
  if (!tileUrl) return [];
  try {
    // Tile templates use {s}.host subdomains: allow the registrable part with a wildcard.
    const url = new URL(tileUrl.replace(/\{[a-z]\}\./gi, 'a.').replace(/\{[^}]+\}/g, '0'));
    const host = tileUrl.match(/^https?:\/\/\{[a-z]\}\./i) ? `*.${url.host.replace(/^a\./, '')}` : url.host;
    return [`${url.protocol}//${host}`];
  } catch {
    return [];
  }
}

export type AppListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Builds the app as a request listener; main.ts (or a test) decides where it listens. */
export function createApp({
  db,
  config,
  logger = pino({ level: config.logLevel }),
  status,
}: AppDeps): AppListener {
  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (none by default): otherwise any
  // caller could pick the address their sign-in attempts are counted under (docs/decisions/0007).
  app.set('trust proxy', config.trustProxy);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = requestIdOf(req);
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // One short line a request: what was asked, the answer, how long it took, who asked. No headers:
      // they carry session cookies and CSRF tokens, and made every line about 1.5 KB.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      customProps: (req) => ({ userId: (req as Request).auth?.user.id }),
      customSuccessMessage: (req, res, ms) =>
        `${req.method} ${req.url} ${res.statusCode} ${Math.round(ms)} ms`,
      customErrorMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    }),
  );
  // Browser features the app never uses are turned off for its pages (geolocation stays for this origin:
  // organisers may place a pilot where they stand).
  app.use((_req, res, next) => {
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), payment=(), usb=(), geolocation=(self)');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', ...tileOrigin(config.mapTileUrl)],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: config.env === 'production' ? [] : null,
        },
      },
      hsts: config.env === 'production',
    }),
  );
  app.use(compression());
  app.use(express.json({ limit: '100kb' }));
  // The activity import takes a CSV file, up to 2 MB (every other body is JSON of at most 100 kB).
  app.use(
    IMPORT_PATH,
    express.text({ type: 'text/csv', limit: ACTIVITY_IMPORT_MAX_BYTES }),
    (error: unknown, _req: Request, _res: Response, next: NextFunction) => {
      const type = (error as { type?: string } | null)?.type;
      next(
        type === 'entity.too.large'
          ? new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than 2 MB; split it')
          : type === 'charset.unsupported' || type === 'encoding.unsupported'
            ? new AppError(
                'UNSUPPORTED_MEDIA_TYPE',
                'Send the file as UTF-8 CSV (Content-Type: text/csv; charset=utf-8)',
              )
            : error,
      );
    },
  );

  const sessionLimits = {
    ...DEFAULT_SESSION_LIMITS,
    idleMs: config.sessionIdleMinutes * 60_000,
    absoluteMs: config.sessionAbsoluteHours * 3_600_000,
  };
  // Whether this instance can reach its database: fed by failed requests, new pooled connections and
  // successful checks; logs one line when the database goes and one when it returns.
  const dbStatus = status ?? new DatabaseStatus(logger);
  db.watch?.(dbStatus);
  const model = new SeatReadModel(db.prisma, { status: dbStatus });
  const seats = new SeatsService(model);
  const replay = new ResponseReplay(() => model.freshVersion(), logger, config.replayMaxBytes);
  const seatDataChanged = () => model.markStale();
  const routes = [
    ...seatRoutes({ prisma: db.prisma, seats }),
    ...geoRoutes({ prisma: db.prisma, model }),
    ...referenceRoutes({
      db,
      config,
      migrationsDir: defaultMigrationsDir(config.repoRoot),
      status: dbStatus,
    }),
    ...authRoutes({ prisma: db.prisma, config, limits: { session: sessionLimits } }),
    ...targetRoutes({ prisma: db.prisma, seatDataChanged }),
    ...historyRoutes({ prisma: db.prisma }),
    ...clpRoutes({ prisma: db.prisma }),
    ...exportRoutes({ prisma: db.prisma }),
    ...adminRoutes({ prisma: db.prisma }),
    ...pilotRoutes({ prisma: db.prisma, seatDataChanged }),
    ...partnerRoutes({ prisma: db.prisma, seatDataChanged }),
    ...activityRoutes({ prisma: db.prisma, seatDataChanged }),
    ...pilotBoardRoutes({ prisma: db.prisma, seatDataChanged }),
    ...selectionBoardRoutes({ prisma: db.prisma }), // before '/selections/:id'
    ...selectionRoutes({ prisma: db.prisma, seatDataChanged, appUrl: config.appUrl }),
  ];
  // The description lists itself too, so it is built from the finished table on first request.
  let openapi: object | undefined;
  routes.push(
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      tags: ['reference'],
      access: 'public',
      summary: 'This OpenAPI description, generated from the validation schemas',
      handler: (_input, _req, res) => {
        openapi ??= openApiDocument(routes, '0.1.0');
        res.json(openapi);
      },
    }),
  );

  const api = Router();
  // Who is asking, then CSRF for state-changing requests; each route's access rule is checked after its
  // input is validated (http/route.ts).
  api.use(authenticate({ prisma: db.prisma, sessionLimits }));
  api.use(requireCsrf);
  mountRoutes(api, routes, { replay });
  api.use(notFoundRoute);
  app.use('/api', api);

  // One process and one port serve everything: the built client, its pages with their first API requests
  // preloaded, and index.html for client-side URLs (http/client-pages.ts).
  app.use(clientPages(config.clientDist));

  app.use(errorMiddleware(logger, dbStatus));
  // Replayable responses skip Express; everything else (and every first request) goes through it.
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    if (!replay.tryServe(req, res)) app(req, res);
  };
  return listener;
}
