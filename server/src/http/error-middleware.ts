import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { TErrorResponse } from '../contracts/index.ts';
import { AppError } from './app-error.ts';

interface Logger {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Prisma's codes for a database too busy to take the request in time: a transaction that could not start
 * within its wait (P2028) or no pooled connection free in time (P2024). Each request waits a bounded time
 * in that queue; then it is told to come back, rather than failing with a 500.
 */
const BUSY = new Set(['P2024', 'P2028']);
export const BUSY_RETRY_AFTER_SECONDS = 1;

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

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No API route for ${req.method} ${req.path}`));
};

/** The one place where errors become responses: same JSON shape always, nothing internal leaks. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
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
    if (pcode && BUSY.has(pcode)) {
      logger.warn({ requestId, code: pcode }, 'database busy: answered 503');
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
