import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDatabase } from './database.ts';
import { checksumOf, defaultMigrationsDir, migrate, migrationState, readMigrations } from './migrate.ts';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';

const { repoRoot } = loadConfig({});
const realDir = defaultMigrationsDir(repoRoot);

const opened: TestDatabase[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function emptyDb() {
  const db = await openTestDatabase({ empty: true });
  opened.push(db);
  return db;
}

/** A throwaway migrations folder with the given migrations (name → SQL). */
function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-migrations-'));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('migration runner', () => {
  it('applies the project migrations once and records them the way Prisma does', async () => {
    const db = await emptyDb();
    const first = await migrate(db, { dir: realDir });
    expect(first.applied).toEqual(readMigrations(realDir).map((m) => m.name));
    const again = await migrate(db, { dir: realDir });
    expect(again.applied).toEqual([]);

    const rows = await db.withConnection((sql) =>
      sql.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        applied_steps_count: number;
        id: string;
      }>('SELECT * FROM "_prisma_migrations" ORDER BY migration_name'),
    );
    const files = readMigrations(realDir);
    expect(rows).toHaveLength(files.length);
    rows.forEach((row, i) => {
      expect(row.migration_name).toBe(files[i]!.name);
      expect(row.checksum).toBe(
        checksumOf(fs.readFileSync(path.join(realDir, files[i]!.name, 'migration.sql'))),
      );
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    });
    expect(await migrationState(db, realDir)).toEqual({ applied: files.map((f) => f.name), pending: [] });
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const db = await emptyDb();
    const dir = migrationsDir({ '20260101000000_a': 'CREATE TABLE a (id int);' });
    await migrate(db, { dir });
    fs.writeFileSync(path.join(dir, '20260101000000_a', 'migration.sql'), 'CREATE TABLE a (id bigint);');
    await expect(migrate(db, { dir })).rejects.toThrow(/20260101000000_a was modified after it was applied/);
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    const db = await emptyDb();
    const dir = migrationsDir({
      '20260101000000_ok': 'CREATE TABLE ok (id int);',
      '20260102000000_bad': 'CREATE TABLE half (id int);\nSELECT * FROM no_such_table;',
    });
    await expect(migrate(db, { dir })).rejects.toThrow(/20260102000000_bad failed and was rolled back/);
    const tables = await db.withConnection((sql) =>
      sql.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`),
    );
    expect(tables.map((t) => t.t)).toEqual(['_prisma_migrations', 'ok']);
    expect(await migrationState(db, dir)).toEqual({
      applied: ['20260101000000_ok'],
      pending: ['20260102000000_bad'],
    });
  });

  it("holds Prisma's advisory lock while it applies, and releases it after", async () => {
    const db = await emptyDb();
    const locks = `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369 AND granted`;
    const dir = migrationsDir({ '20260101000000_lockcheck': `CREATE TABLE lockcheck AS ${locks};` });
    await migrate(db, { dir });
    const [during] = await db.withConnection((sql) => sql.query<{ n: number }>('SELECT n FROM lockcheck'));
    const [after] = await db.withConnection((sql) => sql.query<{ n: number }>(locks));
    expect(during?.n).toBe(1);
    expect(after?.n).toBe(0);
  });

  // Only a server has a second connection to race with; PGlite is one in-process connection.
  if (process.env.TEST_DB === 'postgres') {
    it('lets only one of two concurrent runners apply a migration', async () => {
      const db = await emptyDb();
      const other = await openDatabase({ kind: 'postgres', url: db.url!, poolSize: 2 });
      try {
        const dir = migrationsDir({
          '20260101000000_slow': 'SELECT pg_sleep(0.3); CREATE TABLE once (id int);',
        });
        const [a, b] = await Promise.all([migrate(db, { dir }), migrate(other, { dir })]);
        expect([...a.applied, ...b.applied]).toEqual(['20260101000000_slow']);
      } finally {
        await other.close();
      }
    });
  }
});
