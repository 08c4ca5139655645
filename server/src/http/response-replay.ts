import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http';
import fresh from 'fresh';
import Negotiator from 'negotiator';
import type { Logger } from 'pino';
import { BoundedCache, type CachedBody } from './cached-response.ts';
import { requestIdOf } from './request-id.ts';

interface Entry {
  version: number;
  body: CachedBody;
  /** Flat [name, value, …] header lists, prepared once: writeHead() with an array skips per-header work. */
  notModified: string[];
  identity: string[];
  /** Prepared on the first gzip request: gzipping bodies nobody asks for compressed would waste time. */
  gzip?: string[];
  common: string[];
}

function flatten(name: string, value: OutgoingHttpHeader): string[] {
  return Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)];
}

function isContentHeader(name: string): boolean {
  return name === 'content-type' || name === 'content-disposition';
}

// Accept-Encoding values repeat (one per browser); negotiating each distinct value once is enough.
const gzipByHeader = new Map<string, boolean>();
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let answer = gzipByHeader.get(header);
  if (answer === undefined) {
    answer =
      new Negotiator({ headers: { 'accept-encoding': header } }).encoding(['gzip', 'identity']) === 'gzip';
    if (gzipByHeader.size < 100) gzipByHeader.set(header, answer);
  }
  return answer;
}

// Headers that belong to one response, not to the resource.
const PER_RESPONSE = new Set(['x-request-id', 'content-length', 'content-encoding', 'date', 'connection']);

/**
 * Replays cacheable GET responses (the seat list, the map payloads) without going through Express again.
 * The first request for a URL takes the normal path — validation, middleware, security headers — and its
 * headers and body are remembered; identical requests then get the same headers and bytes straight from
 * the Node request listener for as long as the data version is unchanged and known to be current. This is
 * what lets the list endpoint keep pace with a static file server (docs/performance.md).
 * Only remember responses that are the same for everyone: a replayed request skips authentication.
 */
export class ResponseReplay {
  private readonly entries = new BoundedCache<Entry>(500);

  constructor(
    /** The data version when it was confirmed recently, else undefined (then the normal path runs). */
    private readonly currentVersion: () => number | undefined,
    private readonly logger: Logger,
  ) {}

  private static key(req: IncomingMessage): string {
    // Inside a mounted Express router req.url is relative to the mount point; originalUrl is not.
    const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url;
    return `${url}\n${req.headers.accept ?? ''}`;
  }

  /** Called by a route after it sent `body` for data `version`. */
  remember(req: IncomingMessage, res: ServerResponse, body: CachedBody, version: number): void {
    if (req.method !== 'GET' || (res.statusCode !== 200 && res.statusCode !== 304)) return;
    const common = Object.entries(res.getHeaders()).flatMap(([name, value]) =>
      value === undefined || PER_RESPONSE.has(name) ? [] : flatten(name, value),
    );
    const withoutBody = common.filter((_, i, all) => !isContentHeader(all[i - (i % 2)]!));
    this.entries.set(ResponseReplay.key(req), {
      version,
      body,
      notModified: withoutBody,
      identity: [...common, 'content-length', String(body.body.length)],
      common,
    });
  }

  /** Answers the request if it can; returns false to hand it to the app. */
  tryServe(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const version = this.currentVersion();
    if (version === undefined) return false;
    const entry = this.entries.peek(ResponseReplay.key(req));
    if (!entry || entry.version !== version) return false;

    const logging = this.logger.isLevelEnabled('info');
    const started = logging ? performance.now() : 0;
    const id = requestIdOf(req);
    if (req.headers['if-none-match'] && fresh(req.headers, { etag: entry.body.etag })) {
      res.writeHead(304, [...entry.notModified, 'x-request-id', id]);
      res.end();
    } else {
      const gzip = acceptsGzip(req.headers['accept-encoding']);
      if (gzip) {
        entry.gzip ??= [
          ...entry.common,
          'content-encoding',
          'gzip',
          'content-length',
          String(entry.body.gzip().length),
        ];
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
