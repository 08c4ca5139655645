// The built client (client/dist): hashed assets cached for good, and index.html for every page path, with
// the map page's first API requests preloaded so they run while the browser downloads the scripts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import express, { Router, type Request, type RequestHandler } from 'express';
import {
  BOUNDARY_SETS,
  DEFAULT_ELECTION,
  ELECTION_BOUNDARY_SET,
  ELECTIONS,
  SEAT_SORTS,
  pageFor,
  TARGET_LAYER_SORTS,
  PILOT_LAYER_SORTS,
  type TBoundarySet,
} from '../contracts/index.ts';

/** Vite puts content-hashed files here: a changed file gets a new name, so a copy never goes stale. */
const ASSETS = 'assets';
const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

/** Map-page query keys that do not change which data the page loads first. */
const VIEW_ONLY = new Set(['boundarySet', 'election', 'view', 'measure', 'seat', 'sort']);
const SORT = new RegExp(`^-?(${SEAT_SORTS.join('|')})$`);
// A sort on a seat layer depends on who asks (the client falls back to name when the layer is not theirs):
// the list is then left for the client to request.
const LAYER_SORT = new RegExp(`^-?(${[...TARGET_LAYER_SORTS, ...PILOT_LAYER_SORTS].join('|')})$`);

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((v) => v === raw);
}

/**
 * The API URLs the map page (`/`) requests first for the view in its query string, byte for byte as the
 * client builds them (features/explorer/viewState.ts reads the query, then seats/api.ts, seat-map/api.ts
 * and reference/api.ts build the URLs; features/seat-map/firstMap.ts for the default view): what the first
 * picture needs, the map shapes, the seat list, the parties (the winners' colours) and the client config
 * (whether seats are drawn over tiles). With filters in the query the seat list is left out rather than guessed.
 * Nothing else: over HTTP/1.1 the preloads share six connections with the page's scripts and stylesheet.
 * e2e/map-preload.e2e.test.ts fails when the two sides drift apart.
 */
export function mapPagePreloads(query: URLSearchParams): string[] {
  const boundarySet: TBoundarySet = oneOf(BOUNDARY_SETS, query.get('boundarySet')) ?? '2024';
  const asked = oneOf(ELECTIONS, query.get('election'));
  const election =
    asked && ELECTION_BOUNDARY_SET[asked] === boundarySet ? asked : DEFAULT_ELECTION[boundarySet];
  const view = query.get('view') === 'hex' ? 'hex' : 'geo';
  const sort = SORT.test(query.get('sort') ?? '') ? (query.get('sort') as string) : 'name';
  const urls = [`/api/${view}/${boundarySet}`];
  if ([...query.keys()].every((key) => VIEW_ONLY.has(key)) && !LAYER_SORT.test(sort)) {
    urls.push(`/api/seats?${new URLSearchParams({ boundarySet, election, sort }).toString()}`);
  }
  urls.push('/api/parties', '/api/config');
  return urls;
}

/** One Link header value: fetch preloads in the same CORS mode and credentials as the client's fetch(). */
export function preloadLinks(urls: readonly string[]): string {
  return urls.map((url) => `<${url}>; rel=preload; as=fetch; crossorigin`).join(', ');
}

interface PackedAsset {
  etag: string;
  raw: Buffer;
  /** Absent when gzip would not make it smaller (images). */
  gzip?: Buffer;
}

const gzipAsync = promisify(gzip);
const ASSET_NAME = /^[\w.-]+$/;

/**
 * Hashed assets from memory, gzipped once at the best level rather than on every request: the scripts are
 * on the first paint's critical path, and on-the-fly compression cost every page load server time.
 */
function packedAssets(assetsDir: string): RequestHandler {
  const packed = new Map<string, Promise<PackedAsset | undefined>>();
  const pack = async (name: string): Promise<PackedAsset | undefined> => {
    let raw: Buffer;
    try {
      raw = await fs.promises.readFile(path.join(assetsDir, name));
    } catch {
      return undefined;
    }
    const zipped = await gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION });
    return {
      etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`,
      raw,
      ...(zipped.length < raw.length * 0.9 ? { gzip: zipped } : {}),
    };
  };
  return async (req, res, next) => {
    const name = String(req.params.name ?? '');
    // Source maps are for developer tools only: express.static serves them as they are.
    if (!ASSET_NAME.test(name) || name.endsWith('.map')) return next();
    let promise = packed.get(name);
    if (!promise) {
      promise = pack(name);
      packed.set(name, promise);
    }
    const asset = await promise;
    if (!asset) {
      packed.delete(name); // it may appear with a new build
      return next();
    }
    res.setHeader('Cache-Control', YEAR_IMMUTABLE);
    res.setHeader('ETag', asset.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    res.type(path.extname(name));
    if (req.headers['if-none-match'] === asset.etag) {
      res.status(304).end();
      return undefined;
    }
    const zipped = asset.gzip && req.acceptsEncodings('gzip', 'identity') === 'gzip';
    const body = zipped ? asset.gzip! : asset.raw;
    if (zipped) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
    return undefined;
  };
}

function preloadsFor(req: Request): string[] {
  if (req.path !== '/' && req.path !== '/index.html') return [];
  const qs = req.originalUrl.indexOf('?');
  return mapPagePreloads(new URLSearchParams(qs < 0 ? '' : req.originalUrl.slice(qs + 1)));
}

/**
 * Serves clientDist: files as they are (hashed assets with a year's immutable cache, others for an hour),
 * and index.html for any other path outside /api (the client routes, and shows its own not-found page).
 * Without a build, `/` says how to make one.
 */
export function clientPages(clientDist: string): Router {
  const router = Router();
  const index = path.join(clientDist, 'index.html');
  if (!fs.existsSync(index)) {
    router.get('/', (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The client is not built: run `npm run build` (npm start does this for you).');
    });
    return router;
  }
  const assetsDir = path.join(clientDist, ASSETS) + path.sep;
  router.get(`/${ASSETS}/:name`, packedAssets(assetsDir));
  const sendPage: RequestHandler = (req, res) => {
    const preloads = preloadsFor(req);
    if (preloads.length > 0) res.setHeader('Link', preloadLinks(preloads));
    // Revalidated on every visit, so a new release is picked up at once. An unknown path is still the app
    // (it shows its not-found page), with the status that tells crawlers and tools it is not a page.
    res.setHeader('Cache-Control', 'no-cache');
    if (pageFor(req.path) === 'notFound') res.status(404);
    res.sendFile(index);
  };
  // index.html by its own name is the map page too: never served by express.static with an hour's cache
  // (after a release a cached copy would ask for hashed files that are gone).
  router.get('/index.html', sendPage);
  router.use(
    express.static(clientDist, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, file) => {
        if (file.startsWith(assetsDir)) res.setHeader('Cache-Control', YEAR_IMMUTABLE);
      },
    }),
  );
  // A hashed file that is not there is an old page asking for a previous build: a 404, not the page.
  router.use(`/${ASSETS}/`, (_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  router.get(/^\/(?!api(?:\/|$)).*/, sendPage);
  return router;
}
