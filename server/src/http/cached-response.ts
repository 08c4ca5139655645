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

/** A small bounded map: the oldest entry goes when full (Map keeps insertion order). */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Reads without refreshing the entry's place (for hot paths). */
  peek(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
