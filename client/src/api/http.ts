import { ZErrorResponse } from '@groundwork/server/contracts';
import type { z } from 'zod';
import { ApiError } from './ApiError.ts';

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

export function apiUrl(path: string, params?: QueryParams): string {
  const qs = params ? toSearchParams(params).toString() : '';
  return qs ? `${path}?${qs}` : path;
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
 */
export async function apiGet<T>(
  path: string,
  opts: { params?: QueryParams; schema?: z.ZodType<T>; signal?: AbortSignal } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.params), {
      headers: { Accept: 'application/json' },
      signal: opts.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: 'Could not reach the Groundwork server.' });
  }
  if (!res.ok) throw await failure(res);
  const body: unknown = await res.json();
  if (!opts.schema) return body as T;
  const parsed = opts.schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      status: res.status,
      code: 'BAD_RESPONSE',
      message: `The server's answer to ${path} was not in the expected shape.`,
      details: parsed.error.issues,
    });
  }
  return parsed.data;
}
