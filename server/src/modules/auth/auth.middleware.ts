import type { RequestHandler } from 'express';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { sessionTokenOf } from './cookies.ts';
import { resolveSession, type SessionLimits } from './sessions.ts';
import { safeEqual } from './tokens.ts';
import './types.ts';

export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * Sets req.auth from the session cookie when it names a live session; leaves it undefined otherwise
 * (routes decide whether that is allowed). Never fails the request for a bad or stale cookie.
 */
export function authenticate(deps: {
  prisma: PrismaClient;
  sessionLimits?: Partial<SessionLimits>;
}): RequestHandler {
  return async (req, _res, next) => {
    try {
      req.auth = undefined;
      const resolved = await resolveSession(deps.prisma, sessionTokenOf(req), new Date(), deps.sessionLimits);
      if (resolved) {
        req.auth = {
          user: resolved.user,
          grants: resolved.grants,
          session: { id: resolved.session.id, csrfToken: resolved.session.csrfToken },
        };
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that take a CSV file as their body (the API router's paths). */
const CSV_UPLOADS = /^\/pilots\/[^/]+\/activities\/import\/?$/;

/**
 * For POST/PUT/PATCH/DELETE: a body must be JSON (a cross-site HTML form cannot send that without a CORS
 * preflight), and with a session the X-CSRF-Token header must match the session's token.
 * Goes after authenticate().
 */
export const requireCsrf: RequestHandler = (req, _res, next) => {
  if (!STATE_CHANGING.has(req.method)) return next();
  // A request without a body (e.g. sign-out) needs no type; one with a body must say JSON.
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  // The one exception, a CSV upload to its import route: text/csv is not a type a cross-site form can
  // send without a preflight either.
  const csvUpload = CSV_UPLOADS.test(req.path) && !!req.is('text/csv');
  if (hasBody && !csvUpload && !req.is('application/json')) {
    return next(
      new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        CSV_UPLOADS.test(req.path)
          ? 'Send the file as CSV (Content-Type: text/csv)'
          : 'Send the request body as JSON (Content-Type: application/json)',
      ),
    );
  }
  if (req.auth) {
    const sent = req.get(CSRF_HEADER);
    if (!sent || !safeEqual(sent, req.auth.session.csrfToken)) {
      return next(new AppError('FORBIDDEN', 'Missing or wrong CSRF token'));
    }
  }
  next();
};
