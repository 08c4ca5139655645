import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.ts';
import { lockPgliteDir } from './pglite-lock.ts';

/** Plain SQL access for the migration runner and the drift test; app code goes through Prisma. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (no parameters). */
  exec(script: string): Promise<void>;
}

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Runs fn on one dedicated connection (session-level advisory locks need that). */
  withConnection<T>(fn: (sql: SqlRunner) => Promise<T>): Promise<T>;
  /** PGlite only: a tarball of the whole database, to open copies of it (test templates). */
  dumpDataDir?(): Promise<Blob>;
  /**
   * Server only: tells the watcher each time the pool opens a connection (so the database is reachable)
   * and each time an idle connection is lost. Returns a function that stops watching.
   */
  watch?(watcher: ConnectionWatcher): () => void;
  close(): Promise<void>;
}

export interface ConnectionWatcher {
  connected(): void;
  lost(error: Error): void;
}

/**
 * How long a request waits for a new connection to the server (TCP, TLS, start-up) or for a pooled one to
 * come free. Without it, a server that does not answer (stopped host, dropped packets) holds the request
 * for the operating system's TCP timeout, minutes; with it, the request fails fast and is answered 503
 * (http/database-errors.ts). Below Prisma's transaction maxWait (2 s), so a transaction that cannot get a
 * connection fails with the connection's own error, not the more general P2028.
 */
export const CONNECTION_TIMEOUT_MS = 1_500;

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number; connectionTimeoutMs?: number }
  | { kind: 'pglite'; dir?: string; loadDataDir?: Blob | File };

/** One Prisma client per process, on a PostgreSQL server or on the embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
      // Lets the kernel notice a peer that vanished without closing (host gone, network cut) on idle
      // connections; the pool then drops them instead of handing them out.
      keepAlive: true,
    });
    const watchers = new Set<ConnectionWatcher>();
    pool.on('connect', () => {
      for (const w of watchers) w.connected();
    });
    // An idle pooled connection that the server drops (restart, failover, DROP DATABASE … FORCE) emits
    // 'error' on the pool; unhandled, that would crash the process. The pool replaces it on next use. An
    // app watching the database says so once per outage (http/database-status.ts), not once a connection.
    pool.on('error', (error: Error & { code?: string }) => {
      if (watchers.size) for (const w of watchers) w.lost(error);
      else if (error.code !== '57P01') console.warn(`PostgreSQL connection lost: ${error.message}`);
    });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      kind: 'postgres',
      prisma,
      async withConnection(fn) {
        const client = await pool.connect();
        try {
          return await fn({
            query: async (text, params) => (await client.query(text, params)).rows,
            exec: async (script) => {
              await client.query(script);
            },
          });
        } finally {
          client.release();
        }
      },
      watch(watcher) {
        watchers.add(watcher);
        return () => watchers.delete(watcher);
      },
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  if (options.dir) fs.mkdirSync(options.dir, { recursive: true });
  // One process per folder: a second opener is refused before it touches a file (db/pglite-lock.ts).
  const unlock = options.dir ? lockPgliteDir(options.dir) : () => undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dir ? { dataDir: options.dir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  // PGlite is a single connection; serialise raw access behind Prisma's own use of it.
  const runner: SqlRunner = {
    query: async (text, params) => (await pglite.query(text, params)).rows as never,
    exec: async (script) => {
      await pglite.exec(script);
    },
  };
  return {
    kind: 'pglite',
    prisma,
    withConnection: (fn) => fn(runner),
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
    async close() {
      try {
        await prisma.$disconnect();
        await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}

export function databaseOptionsFromConfig(config: {
  databaseUrl: string | undefined;
  pgliteDir: string;
}): DatabaseOptions {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dir: config.pgliteDir };
}
