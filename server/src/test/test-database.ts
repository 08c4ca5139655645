import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { adminUrl } from './target.ts';

export interface TestDatabase extends Database {
  /** The connection URL on a server (for tests that need their own connections); undefined on PGlite. */
  url: string | undefined;
}

/**
 * A database of this test file's own, migrated and loaded with the real data (or empty, not even
 * migrated, with `empty`), dropped on close. Tests
 * that write make their own unique records, so files never depend on each other.
 */
export async function openTestDatabase(
  options: {
    empty?: boolean;
    /** Server only: the app's connections go to this address instead (a TCP proxy a test can cut). */
    via?: { host: string; port: number };
  } = {},
): Promise<TestDatabase> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') {
    const blob = new Blob([fs.readFileSync(template.file)]);
    const db = await openDatabase(options.empty ? { kind: 'pglite' } : { kind: 'pglite', loadDataDir: blob });
    return Object.assign(db, { url: undefined });
  }
  const name = `gw_t_${template.runId}_${randomBytes(4).toString('hex')}`;
  const from = options.empty ? 'template0' : `"${template.template}"`;
  const admin = new pg.Client({ connectionString: adminUrl(template.url) });
  await admin.connect();
  try {
    // Two files may copy the template at once; PostgreSQL refuses while the other copy holds it.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE ${from}`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  const u = new URL(template.url);
  u.pathname = `/${name}`;
  const direct = u.toString();
  if (options.via) {
    u.hostname = options.via.host;
    u.port = String(options.via.port);
  }
  const db = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 4 });
  const closeConnections = db.close.bind(db);
  return Object.assign(db, {
    url: direct,
    async close() {
      await closeConnections();
      const drop = new pg.Client({ connectionString: adminUrl(template.url) });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await drop.end();
    },
  });
}

/**
 * Environment for starting the whole server on an empty database of this file's own: a fresh PGlite
 * folder, or a new empty database on the server. `drop` removes it.
 */
export async function emptyDatabaseEnv(): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-pglite-'));
    return {
      env: { PGLITE_DIR: dir, DATABASE_URL: '' },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `gw_t_${template.runId}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(template.url) });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(template.url);
  u.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: u.toString() },
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
