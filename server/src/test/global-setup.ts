import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { defaultMigrationsDir, migrate } from '../db/migrate.ts';
import { defaultBundlePath } from '../modules/import/bundle.ts';
import { ensureDataLoaded } from '../modules/import/ensure-data.ts';
import { adminUrl, testTarget, type DbTemplate } from './target.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: DbTemplate;
  }
}

/**
 * Migrates and loads the real data bundle ONCE per run into a template; each test file then gets its own
 * copy (CREATE DATABASE … TEMPLATE on a server, a loaded data-dir tarball on PGlite).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { repoRoot } = loadConfig({});
  const target = testTarget();
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const started = performance.now();

  if (target.kind === 'postgres') {
    const template = `gw_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: adminUrl(target.url) });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${template}"`);
    const url = withDatabase(target.url, template);
    const db = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
    try {
      await migrate(db, { dir: defaultMigrationsDir(repoRoot) });
      await ensureDataLoaded(db, { bundlePath: defaultBundlePath(repoRoot) });
    } finally {
      await db.close();
    }
    console.log(`[integration] PostgreSQL template ${template} ready in ${ms(started)}`);
    project.provide('dbTemplate', { kind: 'postgres', url: target.url, template, runId });
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
        [`gw_t_${runId}_%`, template],
      );
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await admin.end();
    };
  }

  const db = await openDatabase({ kind: 'pglite' });
  const file = path.join(os.tmpdir(), `groundwork-test-${runId}.tar.gz`);
  try {
    await migrate(db, { dir: defaultMigrationsDir(repoRoot) });
    await ensureDataLoaded(db, { bundlePath: defaultBundlePath(repoRoot) });
    fs.writeFileSync(file, Buffer.from(await (await db.dumpDataDir!()).arrayBuffer()));
  } finally {
    await db.close();
  }
  console.log(`[integration] PGlite template ready in ${ms(started)}`);
  project.provide('dbTemplate', { kind: 'pglite', file, runId });
  return async () => {
    fs.rmSync(file, { force: true });
  };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function ms(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
