import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The folder holding prisma/migrations: two levels up from server/src/config.ts when run from source, three
 * from server/dist/src/config.js when compiled. Found by looking, so both run the same.
 */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'prisma', 'migrations'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '../..');
  }
}

const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * The address people use to reach the app, e.g. https://groundwork.example.org: links the app hands out
   * (set-password links) are built from it, never from the request's Host header, which the caller controls.
   */
  APP_URL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const problem = appUrlProblem(value);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      return new URL(value).origin;
    }),
  /** A PostgreSQL server; without it the embedded PGlite database under PGLITE_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  PGLITE_DIR: z.string().min(1).default(path.join(repoRoot, '.data/pglite')),
  /** Raster tile template for the map's background; empty turns tiles off (offline, tests). */
  MAP_TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_TILE_ATTRIBUTION: z
    .string()
    .default('© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
  CLIENT_DIST: z.string().default(path.join(repoRoot, 'client/dist')),
  /** Sessions end after this long without a request, and after SESSION_ABSOLUTE_HOURS whatever happens. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Memory for replayed public responses (http/response-replay.ts), in MB. */
  RESPONSE_REPLAY_MB: z.coerce.number().min(0).max(4096).default(32),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (sign-in throttling, session
   * records): none by default, so the address is the connection's own and a caller cannot choose theirs.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value ?? '');
      if (typeof parsed === 'object' && 'problem' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.problem });
        return z.NEVER;
      }
      return parsed;
    }),
});

/** A guessed default would hand out links to the wrong address: production must say where it is. */
function requireAppUrlInProduction(e: z.output<typeof ZEnv>, ctx: z.RefinementCtx): void {
  if (e.NODE_ENV === 'production' && e.APP_URL === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['APP_URL'],
      message:
        'is required when NODE_ENV=production: the address people use to reach Groundwork, such as ' +
        'https://groundwork.example.org (set-password links are built from it)',
    });
  }
}

/** Why APP_URL cannot be used, or undefined: an http(s) origin only, since the app serves from its root. */
function appUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be the address of the app, such as https://groundwork.example.org';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https:// or http://';
  if (url.username || url.password) return 'must not contain a user name or password';
  if (url.pathname !== '/' || url.search || url.hash) {
    return 'must be the origin only (scheme, host and port, no path), such as https://groundwork.example.org';
  }
  return undefined;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const TRUST_PROXY_FORMS =
  'a hop count (1), or a comma-separated list of proxy addresses, CIDR ranges (10.0.0.0/8) and the names ' +
  'loopback, linklocal, uniquelocal';

/**
 * TRUST_PROXY as Express's 'trust proxy' setting: false (empty, none, false, 0), a hop count, or a list of
 * addresses, CIDR ranges and proxy-addr's names. `true` (trust everyone) is refused: then whoever sends a
 * request chooses the address it is counted under.
 */
export function parseTrustProxy(value: string): false | number | string[] | { problem: string } {
  const text = value.trim().toLowerCase();
  if (['', 'none', 'false', '0'].includes(text)) return false;
  if (text === 'true' || text === '*') {
    return {
      problem: `"${value}" would trust every address, so any caller could choose their own; give ${TRUST_PROXY_FORMS}`,
    };
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) return { problem: `${hops} proxies is more than makes sense; give ${TRUST_PROXY_FORMS}` };
    return hops;
  }
  const items = text.split(',').map((item) => item.trim());
  for (const item of items) {
    if (PROXY_NAMES.includes(item)) continue;
    const range = addressOrRange(item);
    if (!range) return { problem: `"${item}" is not ${TRUST_PROXY_FORMS}` };
    // Ranges wider than any proxy network (0.0.0.0/1 and 128.0.0.0/1 together are everyone) would bring
    // back what refusing "true" keeps out.
    const widest = range.version === 4 ? 8 : 7;
    if (range.bits < widest) {
      return {
        problem: `"${item}" is wider than any proxy network (at most /${widest} for IPv${range.version}); name your proxies' addresses or network`,
      };
    }
  }
  return items;
}

function addressOrRange(item: string): { version: 4 | 6; bits: number } | undefined {
  const [address = '', bits, ...extra] = item.split('/');
  const found = isIP(address);
  if ((found !== 4 && found !== 6) || extra.length > 0) return undefined;
  const version: 4 | 6 = found;
  const max = version === 4 ? 32 : 128;
  if (bits === undefined) return { version, bits: max };
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return undefined;
  return { version, bits: Number(bits) };
}

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** The app's public origin without a trailing slash (APP_URL), e.g. https://groundwork.example.org. */
  appUrl: string;
  databaseUrl: string | undefined;
  pgliteDir: string;
  mapTileUrl: string;
  mapTileAttribution: string;
  clientDist: string;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  replayMaxBytes: number;
  /** Express's 'trust proxy' (TRUST_PROXY): false, a hop count, or proxy addresses, ranges and names. */
  trustProxy: false | number | string[];
  repoRoot: string;
};

/** Parses the environment once; an invalid variable stops the process with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.superRefine(requireAppUrlInProduction).safeParse({
    ...env,
    DATABASE_URL: env.DATABASE_URL || undefined,
    APP_URL: env.APP_URL || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    // Development and tests: the server's own port on this machine.
    appUrl: e.APP_URL ?? `http://localhost:${e.PORT}`,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: path.resolve(e.PGLITE_DIR),
    mapTileUrl: e.MAP_TILE_URL,
    mapTileAttribution: e.MAP_TILE_ATTRIBUTION,
    clientDist: path.resolve(e.CLIENT_DIST),
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    replayMaxBytes: Math.round(e.RESPONSE_REPLAY_MB * 1024 * 1024),
    trustProxy: e.TRUST_PROXY,
    repoRoot,
  };
}
