import { ZErrorResponse } from '@groundwork/server/contracts';
import type { z } from 'zod';
import { ApiError } from './ApiError.ts';
import { takePrefetched } from './prefetched.ts';

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

/** Drops empty values so a URL only carries what was chosen (the same string feeds the CSV link). */
export function toSearchParams(params: QueryParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    out.set(key, String(value));
  }
  return out;
}

/**
 * The session's CSRF token, sent back on every state-changing request. Set from sign-in and /auth/me
 * (features/auth/api.ts), cleared on sign-out; the one place the client keeps it.
 */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type SessionEndedListener = (path: string) => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/**
 * Called when a request made while signed in answers 401: the server ended the session (disabled account,
 * password set elsewhere, idle limit), so the page must stop showing the person as signed in. Returns the
 * unsubscribe function.
 */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/**
 * A 401 to a request sent with this session ends it on the client too. A request sent before a new
 * sign-in (another token by now) or while signed out says nothing about the current session.
 */
function noticeEndedSession(res: Response, path: string, sentWith: string | undefined): void {
  if (res.status !== 401 || sentWith === undefined || csrfToken !== sentWith) return;
  csrfToken = undefined;
  for (const listener of sessionEndedListeners) listener(path);
}

export function apiUrl(path: string, params?: QueryParams): string {
  const qs = params ? toSearchParams(params).toString() : '';
  return qs ? `${path}?${qs}` : path;
}

const FAILED = Symbol('prefetch failed');

function networkError(cause: unknown): never {
  if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
  throw new ApiError({ status: 0, code: 'NETWORK', message: 'Could not reach the Groundwork server.' });
}

function checked<T>(path: string, status: number, body: unknown, schema?: z.ZodType<T>): T {
  if (!schema) return body as T;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw ApiError.badResponse(`The answer to ${path}`, parsed.error.issues, status);
  }
  return parsed.data;
}

async function failure(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const parsed = ZErrorResponse.safeParse(body);
  if (parsed.success) {
    const { code, message, details, requestId } = parsed.data.error;
    return new ApiError({ status: res.status, code, message, details, requestId });
  }
  return new ApiError({
    status: res.status,
    code: 'HTTP_ERROR',
    message: `The server answered ${res.status} ${res.statusText}`.trim(),
  });
}

/**
 * The one way the client reads the API: JSON in, checked against the shared contract when a schema is
 * given (large geometry skips that), typed ApiError out.
 *
 * A plain same-origin GET with no headers of its own: the server preloads the map page's first requests
 * (`Link: rel=preload; as=fetch; crossorigin`, server/src/http/client-pages.ts), and Chromium hands a
 * preloaded response only to a request with the same URL, mode, credentials and headers. Without an
 * Accept header of ours the browser sends its default (any type), and the API answers JSON to that.
 */
export async function apiGet<T>(
  path: string,
  opts: { params?: QueryParams; schema?: z.ZodType<T>; signal?: AbortSignal } = {},
): Promise<T> {
  const url = apiUrl(path, opts.params);
  const prefetched = takePrefetched(url);
  if (prefetched) {
    // A failed prefetch falls through to a request of our own, which reports the error.
    const body = await prefetched.catch(() => FAILED);
    if (body !== FAILED) return checked(path, 200, body, opts.schema);
  }
  const sentWith = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, { signal: opts.signal ?? null });
  } catch (cause) {
    networkError(cause);
  }
  if (!res.ok) {
    noticeEndedSession(res, path, sentWith);
    throw await failure(res);
  }
  return checked(path, res.status, await res.json(), opts.schema);
}

type SendMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A state-changing request: a JSON body, and the CSRF token when signed in. Errors become ApiError. */
async function send(method: SendMethod, path: string, body: unknown, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const sentWith = csrfToken;
  if (sentWith) headers['X-CSRF-Token'] = sentWith;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  } catch (cause) {
    networkError(cause);
  }
  if (!res.ok) {
    noticeEndedSession(res, path, sentWith);
    throw await failure(res);
  }
  return res;
}

/**
 * POST/PUT/PATCH/DELETE: a JSON body, and the CSRF token when signed in. A 204 resolves to undefined,
 * so give a schema only for routes that answer with a body.
 */
export async function apiSend<T = undefined>(
  method: SendMethod,
  path: string,
  opts: { body?: unknown; schema?: z.ZodType<T> } = {},
): Promise<T> {
  const res = await send(method, path, opts.body, 'application/json');
  if (res.status === 204 || !opts.schema) return undefined as T;
  return checked(path, res.status, await res.json(), opts.schema);
}

/** The file name a Content-Disposition header gives, if it gives a plain one. */
export function attachmentName(header: string | null): string | undefined {
  return header?.match(/filename="([^"/\\]+)"/)?.[1];
}

/**
 * A write that answers with a file (an export that is recorded): sent like apiSend, with the CSRF token,
 * and the file handed back with the name the server gave it.
 */
export async function apiDownload(
  path: string,
  opts: { body?: unknown; accept: string },
): Promise<{ blob: Blob; filename: string | undefined }> {
  const res = await send('POST', path, opts.body, opts.accept);
  return { blob: await res.blob(), filename: attachmentName(res.headers.get('Content-Disposition')) };
}
