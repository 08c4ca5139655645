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
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dir?: string; loadDataDir?: Blob | File };

/** One Prisma client per process, on a PostgreSQL server or on the embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle pooled connection that the server drops (restart, failover, DROP DATABASE … FORCE) emits
    // 'error' on the pool; unhandled, that would crash the process. The pool replaces it on next use.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') console.warn(`PostgreSQL connection lost: ${error.message}`);
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
