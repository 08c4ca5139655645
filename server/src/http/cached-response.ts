import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

/** A response body computed once and served many times, with a strong ETag and a ready gzip copy. */
export class CachedBody {
  readonly etag: string;
  private gzippedCopy: Buffer | undefined;

  constructor(
    readonly body: Buffer,
    readonly contentType: string,
    /** 9 for payloads built once and fetched by every visitor (the map); zlib's default otherwise. */
    private readonly gzipLevel = 6,
  ) {
    this.etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  }

  static json(value: unknown, gzipLevel?: number): CachedBody {
    return new CachedBody(Buffer.from(JSON.stringify(value)), 'application/json; charset=utf-8', gzipLevel);
  }

  /** The gzip copy if it has been made. */
  get gzipped(): Buffer | undefined {
    return this.gzippedCopy;
  }

  gzip(): Buffer {
    this.gzippedCopy ??= gzipSync(this.body, { level: this.gzipLevel });
    return this.gzippedCopy;
  }

  /** Answers 304 when the client already has this version; otherwise the body, gzipped if accepted. */
  send(req: Request, res: Response, cacheControl = 'no-cache'): void {
    res.setHeader('ETag', this.etag);
    res.setHeader('Cache-Control', cacheControl);
    if (!res.hasHeader('Vary')) res.setHeader('Vary', 'Accept-Encoding, Accept');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', this.contentType);
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      const gz = this.gzip();
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Content-Length', gz.length);
      res.end(gz);
      return;
    }
    res.setHeader('Content-Length', this.body.length);
    res.end(this.body);
  }
}

/**
 * A map bounded in bytes, least recently used out first: every in-memory cache of the server has a budget
 * in bytes (docs/ARCHITECTURE.md lists them), so memory under load has a ceiling. `sizeOf` estimates what
 * an entry holds (its key counted as UTF-16).
 */
export class ByteBoundedCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private used = 0;

  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** Bytes held now (never more than maxBytes). */
  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf(value) + key.length * 2;
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.used += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }
}
