import type { Request, Response } from 'express';
import type { Config } from '../../config.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import {
  ZChangePasswordRequest,
  ZMeResponse,
  ZSetPasswordRequest,
  ZSignInRequest,
  ZSignInResponse,
  type TAuthState,
} from '../../contracts/index.ts';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from './cookies.ts';
import { passwordLinkRoutes } from './password-link.routes.ts';
import { assertStrongPassword } from './password-strength.ts';
import { consumePasswordToken } from './password-tokens.ts';
import { hashPassword, needsRehash, verifyPassword } from './passwords.ts';
import { markSignInSucceeded, reserveSignInAttempt, type RateLimitOptions } from './rate-limit.ts';
import {
  activeGrantsWhere,
  createSession,
  revokeUserSessions,
  toGrant,
  type SessionLimits,
} from './sessions.ts';
import { looksLikeToken, randomToken, sha256Hex } from './tokens.ts';
import './types.ts';

export { issuePasswordToken } from './password-tokens.ts';

export interface AuthLimits {
  session?: Partial<SessionLimits>;
  rateLimit?: Partial<RateLimitOptions>;
}

export interface AuthRouteDeps {
  prisma: PrismaClient;
  config: Pick<Config, 'env' | 'appUrl'>;
  limits?: AuthLimits;
}

const WRONG_CREDENTIALS = 'Wrong email address or password';

function signedIn(req: Request): NonNullable<Request['auth']> {
  if (!req.auth) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return req.auth;
}

function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

export function authRoutes(deps: AuthRouteDeps): AnyRoute[] {
  const { prisma, config, limits = {} } = deps;
  // Unknown emails still pay for one scrypt, so response times do not tell which emails have accounts.
  let dummyHash: Promise<string> | undefined;

  /** Reserves the attempt (counted as a failure until marked succeeded), or throws 429 with Retry-After. */
  async function rateLimited(key: { email: string; ip: string }, res: Response) {
    try {
      return await reserveSignInAttempt(prisma, key, limits.rateLimit);
    } catch (error) {
      const details =
        error instanceof AppError ? (error.details as { retryAfterSeconds?: number }) : undefined;
      if (details?.retryAfterSeconds) res.setHeader('Retry-After', String(details.retryAfterSeconds));
      throw error;
    }
  }

  return [
    defineRoute({
      method: 'post',
      path: '/auth/sign-in',
      errors: [401, 429], // 401: wrong email or password
      tags: ['auth'],
      summary: 'Sign in with email and password: starts a new session (cookie) and returns the CSRF token',
      access: 'public',
      body: ZSignInRequest,
      response: ZSignInResponse,
      handler: async (input, req, res) => {
        const { email, password } = input.body;
        const ip = clientIp(req);
        const attempt = await rateLimited({ email, ip }, res);

        const user = await prisma.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
        });
        const ok = user?.passwordHash
          ? await verifyPassword(password, user.passwordHash)
          : await verifyPassword(password, await (dummyHash ??= hashPassword(randomToken()))).then(
              () => false,
            );
        // A wrong password or a disabled account leaves the reserved attempt as the failure it was written as.
        if (!user || !ok) throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
        if (user.disabledAt) throw new AppError('FORBIDDEN', 'This account is disabled; ask an admin');
        await markSignInSucceeded(prisma, attempt);
        if (user.passwordHash && needsRehash(user.passwordHash)) {
          await prisma.user.update({
            where: { id: user.id },
            data: { passwordHash: await hashPassword(password) },
          });
        }

        // Session fixation: whatever session the browser came with ends; the new one has a new token.
        const oldToken = sessionTokenOf(req);
        if (looksLikeToken(oldToken))
          await prisma.session.deleteMany({ where: { tokenHash: sha256Hex(oldToken) } });
        const session = await createSession(
          prisma,
          user.id,
          { ip, userAgent: req.get('user-agent') },
          limits.session,
        );
        const grants = await prisma.roleGrant.findMany({
          where: { userId: user.id, ...activeGrantsWhere(new Date()) },
          orderBy: { id: 'asc' },
          include: { clp: { select: { id: true, name: true } } },
        });
        setSessionCookie(res, config, session.token, session.expiresAt);
        res.setHeader('Cache-Control', 'no-store');
        const body: TAuthState = {
          user: { id: user.id, email: user.email, name: user.name },
          grants: grants.map(toGrant),
          csrfToken: session.csrfToken,
        };
        res.json(body);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/sign-out',
      status: 204,
      tags: ['auth'],
      summary: 'Sign out: ends the session on the server and clears the cookie',
      access: 'signed-in',
      handler: async (_input, req, res) => {
        if (req.auth) await prisma.session.deleteMany({ where: { id: req.auth.session.id } });
        clearSessionCookie(res, config);
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'get',
      path: '/auth/me',
      tags: ['auth'],
      summary: 'The signed-in user, their roles in force and the CSRF token; 401 without a live session',
      access: 'signed-in',
      response: ZMeResponse,
      handler: (_input, req, res) => {
        const auth = signedIn(req);
        res.setHeader('Cache-Control', 'no-store');
        const body: TAuthState = { user: auth.user, grants: auth.grants, csrfToken: auth.session.csrfToken };
        res.json(body);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/password',
      status: 204,
      errors: [429],
      tags: ['auth'],
      summary: "Change one's own password; the user's other sessions end",
      access: 'signed-in',
      body: ZChangePasswordRequest,
      handler: async (input, req, res) => {
        const auth = signedIn(req);
        const { currentPassword, newPassword } = input.body;
        const ip = clientIp(req);
        // Guessing the current password from a stolen session counts against the same limits as sign-in.
        const attempt = await rateLimited({ email: auth.user.email, ip }, res);
        const user = await prisma.user.findUniqueOrThrow({
          where: { id: auth.user.id },
          select: { passwordHash: true },
        });
        if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) {
          const message = 'The current password is wrong';
          throw new AppError('BAD_REQUEST', message, [{ field: 'currentPassword', message }]);
        }
        await markSignInSucceeded(prisma, attempt);
        // Checked once the current password is right: a wrong guess costs no dictionary look-up.
        await assertStrongPassword(newPassword, auth.user);
        const passwordHash = await hashPassword(newPassword);
        await prisma.user.update({
          where: { id: auth.user.id },
          data: { passwordHash, passwordChangedAt: new Date(), version: { increment: 1 } },
        });
        await revokeUserSessions(prisma, auth.user.id, auth.session.id);
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/set-password',
      status: 204,
      tags: ['auth'],
      summary: "Set a password with an admin's single-use link token; every session of the user ends",
      access: 'public',
      body: ZSetPasswordRequest,
      handler: async (input, _req, res) => {
        const { token, newPassword } = input.body;
        await consumePasswordToken(prisma, token, newPassword);
        res.status(204).end();
      },
    }),
    ...passwordLinkRoutes({ prisma, appUrl: config.appUrl }),
  ];
}
