import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import type { TErrorResponse } from '../contracts/index.ts';
import { AppError } from './app-error.ts';
import { classifyDatabaseError } from './database-errors.ts';
import { DatabaseStatus } from './database-status.ts';

interface Logger {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/**
 * A database too busy to take the request in time (a transaction that could not start within its wait,
 * P2028; no pooled connection free in time, P2024): each request waits a bounded time in that queue, then
 * it is told to come back soon, rather than failing with a 500.
 */
export const BUSY_RETRY_AFTER_SECONDS = 1;
/**
 * A database that cannot be reached (stopped, restarting, failing over, network cut): the request failed
 * within the pool's connection timeout (db/database.ts) and is told to come back after a restart's worth.
 */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

function body(requestId: string, code: string, message: string, details?: unknown): TErrorResponse {
  return { error: { code, message, ...(details === undefined ? {} : { details }), requestId } };
}

function zodDetails(error: ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(request)',
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown parameter${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`
        : issue.message,
  }));
}

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^P\d{4}$/.test(code) ? code : undefined;
}

/**
 * pino-http logs a 5xx with `res.err`, or else with an Error it makes up, stack trace and all. For an
 * expected 503 the request's one line says enough: give it the error code instead.
 */
function expectedFailure(res: Response, code: string): void {
  Object.assign(res, { err: { code } });
}

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No API route for ${req.method} ${req.path}`));
};

/** The one place where errors become responses: same JSON shape always, nothing internal leaks. */
export function errorMiddleware(
  logger: Logger,
  status: DatabaseStatus = new DatabaseStatus(logger),
): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const requestId = String(req.id ?? '');
    if (error instanceof ZodError) {
      const details = zodDetails(error);
      const first = details[0];
      res
        .status(400)
        .json(
          body(
            requestId,
            'BAD_REQUEST',
            first ? `${first.field}: ${first.message}` : 'Invalid request',
            details,
          ),
        );
      return;
    }
    if (error instanceof AppError) {
      res.status(error.status).json(body(requestId, error.code, error.message, error.details));
      return;
    }
    const http = error as { status?: unknown; type?: unknown } | null;
    if (typeof http?.status === 'number' && http.status >= 400 && http.status < 500) {
      // Errors raised by Express itself and body-parser, before any route: say which part was wrong.
      const status = http.status;
      const message =
        status === 413
          ? 'Request body is too large (at most 100 kB)'
          : http.type === 'entity.parse.failed'
            ? 'Malformed JSON in the request body'
            : error instanceof URIError || /decode param/i.test(String((error as Error).message))
              ? 'Malformed percent-encoding in the URL'
              : 'Bad request';
      res.status(status).json(body(requestId, status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', message));
      return;
    }
    const pcode = prismaCode(error);
    if (pcode === 'P2025') {
      res.status(404).json(body(requestId, 'NOT_FOUND', 'The record was not found'));
      return;
    }
    const failure = classifyDatabaseError(error);
    // Connections waiting in the pool's queue time out too while the database is down: that is the outage.
    if (failure === 'unavailable' || (failure === 'busy' && !status.available)) {
      status.unavailable(error);
      // The request's own log line says 503; status.unavailable() logged the outage once. No stack trace.
      expectedFailure(res, 'DATABASE_UNAVAILABLE');
      res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      res
        .status(503)
        .json(
          body(
            requestId,
            'DATABASE_UNAVAILABLE',
            'The database cannot be reached just now; try again shortly',
          ),
        );
      return;
    }
    if (failure === 'busy') {
      logger.warn({ requestId, code: pcode }, 'database busy: answered 503');
      expectedFailure(res, 'DATABASE_BUSY');
      res.setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
      res.status(503).json(body(requestId, 'DATABASE_BUSY', 'The database is busy; try again in a moment'));
      return;
    }
    if (pcode === 'P2002') {
      res
        .status(409)
        .json(body(requestId, 'CONFLICT', 'A record with the same unique values already exists'));
      return;
    }
    logger.error({ err: error, requestId }, 'unhandled error');
    res
      .status(500)
      .json(body(requestId, 'INTERNAL', 'Something went wrong; quote the request id if you report it'));
  };
}
