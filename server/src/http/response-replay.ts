import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http';
import type { Response } from 'express';
import { parse as parseCookies } from 'cookie';
import fresh from 'fresh';
import Negotiator from 'negotiator';
import type { Logger } from 'pino';
import { SESSION_COOKIE } from '../modules/auth/cookies.ts';
import type { CachedBody } from './cached-response.ts';
import { requestIdOf } from './request-id.ts';
import { STALE_HEADER } from './stale.ts';

interface Entry {
  version: string;
  body: CachedBody;
  /** Flat [name, value, …] header lists, prepared once: writeHead() with an array skips per-header work. */
  notModified: string[];
  identity: string[];
  /** Prepared on the first gzip request: gzipping bodies nobody asks for compressed would waste time. */
  gzip?: string[];
  common: string[];
  bytes: number;
}

function flatten(name: string, value: OutgoingHttpHeader): string[] {
  return Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)];
}

// Accept-Encoding values repeat (one per browser); negotiating each distinct value once is enough.
const gzipByHeader = new Map<string, boolean>();
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let answer = gzipByHeader.get(header);
  if (answer === undefined) {
    answer =
      new Negotiator({ headers: { 'accept-encoding': header } }).encoding(['gzip', 'identity']) === 'gzip';
    // At most 100 values of at most 200 characters: some 40 KB, whatever arrives.
    if (gzipByHeader.size < 100 && header.length <= 200) gzipByHeader.set(header, answer);
  }
  return answer;
}

// Headers that belong to one response, not to the resource; content headers are taken from the body itself.
const PER_RESPONSE = new Set([
  'x-request-id',
  'content-length',
  'content-encoding',
  'content-type',
  'date',
  'connection',
]);
// What a replayed 304 leaves out (RFC 9110 §15.4.5: a 304 describes the stored response, not a body).
const BODY_HEADERS = new Set(['content-type', 'content-disposition']);

/** URL + Accept longer than this are answered but not remembered: no list or map URL is near it. */
const MAX_KEY_LENGTH = 2048;

/** Why a response may not be remembered, or undefined when it may. */
function refusal(res: ServerResponse): string | undefined {
  if (res.statusCode !== 200) return `status ${res.statusCode}`;
  if (res.hasHeader('set-cookie')) return 'it sets a cookie';
  // Served from the last data read while the database was out: replayed, it would outlive the outage.
  if (res.hasHeader(STALE_HEADER)) return 'it is stale';
  const cacheControl = String(res.getHeader('cache-control') ?? '');
  if (/\b(private|no-store)\b/i.test(cacheControl)) return `Cache-Control: ${cacheControl}`;
  return undefined;
}

/** The response a route asks to be replayed: read by mountRoutes after the handler (http/route.ts). */
export function markReplayable(res: Response, body: CachedBody, version: string): void {
  res.locals.replay = { body, version };
}
export function replayableOf(res: Response): { body: CachedBody; version: string } | undefined {
  return res.locals.replay as { body: CachedBody; version: string } | undefined;
}

/**
 * Replays public GET responses (the anonymous seat list, the map payloads) without going through Express
 * again. The first request for a URL takes the normal path — validation, middleware, security headers —
 * and a route that opted in (`replay: true`, public routes only) has its 200 response remembered; identical
 * requests then get the same headers and bytes from the Node request listener while the seat-data version
 * is unchanged and known to be current. A remembered response is the one everybody without a session gets:
 * requests carrying a session cookie, and responses that set a cookie or are private, never take this path.
 * Memory is bounded in bytes (bodies, gzip copies and headers), oldest-used first out.
 */
export class ResponseReplay {
  private readonly entries = new Map<string, Entry>();
  private used = 0;

  constructor(
    /** The seat-data version when it was confirmed recently, else undefined (then the normal path runs). */
    private readonly currentVersion: () => string | undefined,
    private readonly logger: Logger,
    readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  /** Bytes held now (never more than maxBytes). */
  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  private static key(req: IncomingMessage): string {
    // Inside a mounted Express router req.url is relative to the mount point; originalUrl is not.
    const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url;
    return `${url}\n${req.headers.accept ?? ''}`;
  }

  /** Parsed as the auth middleware parses it (cookies/sessionTokenOf), so no spelling slips past. */
  private static hasSession(req: IncomingMessage): boolean {
    const header = req.headers.cookie;
    if (!header) return false;
    try {
      return parseCookies(header)[SESSION_COOKIE] !== undefined;
    } catch {
      return true; // unreadable: let the app decide who this is
    }
  }

  private store(key: string, entry: Entry): void {
    this.drop(key);
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(key, entry);
    this.used += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= old.bytes;
    }
  }

  private drop(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.used -= old.bytes;
  }

  /** Called after a replayable route answered: remembers a 200 that is the same for everyone. */
  remember(req: IncomingMessage, res: ServerResponse, body: CachedBody, version: string): void {
    if (req.method !== 'GET' || ResponseReplay.hasSession(req)) return;
    const refused = refusal(res);
    if (refused) {
      this.logger.debug({ url: req.url, refused }, 'response not replayable');
      return;
    }
    const common = Object.entries(res.getHeaders()).flatMap(([name, value]) =>
      value === undefined || PER_RESPONSE.has(name) ? [] : flatten(name, value),
    );
    common.push('content-type', body.contentType);
    const key = ResponseReplay.key(req);
    if (key.length > MAX_KEY_LENGTH) return;
    const notModified = common.filter((_, i, all) => !BODY_HEADERS.has(all[i - (i % 2)]!));
    // Strings count twice (UTF-16); the key is held once in the map.
    const headerBytes = common.reduce((n, h) => n + h.length, 0) * 2 * 3;
    const entry: Entry = {
      version,
      body,
      notModified,
      identity: [...common, 'content-length', String(body.body.length)],
      common,
      bytes: body.body.length + headerBytes + key.length * 2,
    };
    // A gzip copy made on the way out (the first request accepted gzip) counts from the start.
    const gzipped = body.gzipped;
    if (gzipped) {
      entry.gzip = [...common, 'content-encoding', 'gzip', 'content-length', String(gzipped.length)];
      entry.bytes += gzipped.length;
    }
    this.store(key, entry);
  }

  /** Answers the request if it can; returns false to hand it to the app. */
  tryServe(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (this.entries.size === 0 || ResponseReplay.hasSession(req)) return false;
    const version = this.currentVersion();
    if (version === undefined) return false;
    const key = ResponseReplay.key(req);
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return false;

    const logging = this.logger.isLevelEnabled('info');
    const started = logging ? performance.now() : 0;
    const id = requestIdOf(req);
    if (req.headers['if-none-match'] && fresh(req.headers, { etag: entry.body.etag })) {
      res.writeHead(304, [...entry.notModified, 'x-request-id', id]);
      res.end();
    } else {
      const gzip = acceptsGzip(req.headers['accept-encoding']);
      if (gzip && !entry.gzip) {
        const compressed = entry.body.gzip();
        entry.gzip = [
          ...entry.common,
          'content-encoding',
          'gzip',
          'content-length',
          String(compressed.length),
        ];
        // The gzip copy counts against the budget from now on (and may push older entries out).
        this.store(key, { ...entry, bytes: entry.bytes + compressed.length });
      }
      res.writeHead(200, [...(gzip ? entry.gzip! : entry.identity), 'x-request-id', id]);
      res.end(req.method === 'HEAD' ? undefined : gzip ? entry.body.gzip() : entry.body.body);
    }
    if (logging) {
      this.logger.info(
        {
          reqId: id,
          req: { method: req.method, url: req.url },
          res: { statusCode: res.statusCode },
          responseTime: Math.round((performance.now() - started) * 1000) / 1000,
          replayed: true,
        },
        'request completed',
      );
    }
    return true;
  }
}
