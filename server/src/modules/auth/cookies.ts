import { parse } from 'cookie';
import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'gw_session';

function cookieOptions(config: { env: string }): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: config.env === 'production' };
}

/** The session token from the Cookie header, if any (parsed here: no cookie-parser needed). */
export function sessionTokenOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  try {
    return parse(header)[SESSION_COOKIE];
  } catch {
    return undefined;
  }
}

export function setSessionCookie(
  res: Response,
  config: { env: string },
  token: string,
  expiresAt: Date,
): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(config), expires: expiresAt });
}

export function clearSessionCookie(res: Response, config: { env: string }): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(config));
}
