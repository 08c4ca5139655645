import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database, SqlRunner } from './database.ts';

// The key Prisma Migrate itself locks on, so this runner and `prisma migrate deploy` exclude each other.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// Same table, columns and semantics as Prisma Migrate's, so `prisma migrate status|deploy` agree with us.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationState {
  applied: string[];
  pending: string[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function defaultMigrationsDir(repoRoot: string): string {
  return path.join(repoRoot, 'prisma/migrations');
}

/** Prisma's checksum: the hex SHA-256 of migration.sql as it is on disk. */
export function checksumOf(sql: string | Buffer): string {
  return createHash('sha256').update(sql).digest('hex');
}

export function readMigrations(dir: string): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: checksumOf(bytes) };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function appliedRows(sql: SqlRunner): Promise<AppliedRow[]> {
  return sql.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
}

/**
 * Applies every unapplied migration in name order, each in its own transaction, under Prisma's advisory
 * lock. Refuses to go on if an applied migration's file changed or an earlier attempt failed half-way.
 */
export async function migrate(
  db: Database,
  options: { dir: string; log?: (line: string) => void },
): Promise<{ applied: string[] }> {
  const files = readMigrations(options.dir);
  const log = options.log ?? (() => {});
  return db.withConnection(async (sql) => {
    await sql.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await sql.exec(CREATE_MIGRATIONS_TABLE);
      const rows = (await appliedRows(sql)).filter((r) => r.rolled_back_at === null);
      const failed = rows.find((r) => r.finished_at === null);
      if (failed) {
        throw new MigrationError(
          `Migration ${failed.migration_name} started but did not finish; resolve it before migrating again`,
        );
      }
      const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
      const applied: string[] = [];
      for (const file of files) {
        const recorded = done.get(file.name);
        if (recorded !== undefined) {
          if (recorded !== file.checksum) {
            throw new MigrationError(
              `Migration ${file.name} was modified after it was applied (checksum ${recorded.slice(0, 12)}… on the database, ${file.checksum.slice(0, 12)}… on disk)`,
            );
          }
          continue;
        }
        log(`applying migration ${file.name}`);
        await sql.exec('BEGIN');
        try {
          const id = randomUUID();
          await sql.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), 0)`,
            [id, file.checksum, file.name],
          );
          await sql.exec(file.sql);
          await sql.query(
            `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
            [id],
          );
          await sql.exec('COMMIT');
        } catch (error) {
          await sql.exec('ROLLBACK');
          throw new MigrationError(
            `Migration ${file.name} failed and was rolled back: ${(error as Error).message}`,
          );
        }
        applied.push(file.name);
      }
      return { applied };
    } finally {
      await sql.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    }
  });
}

/** Which migrations on disk are applied and which are pending (for /api/health). */
export async function migrationState(db: Database, dir: string): Promise<MigrationState> {
  const files = readMigrations(dir);
  return db.withConnection(async (sql) => {
    const exists = await sql.query<{ t: string | null }>(
      `SELECT to_regclass('"_prisma_migrations"')::text AS t`,
    );
    const rows = exists[0]?.t ? await appliedRows(sql) : [];
    const finished = new Set(
      rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name),
    );
    return {
      applied: files.filter((f) => finished.has(f.name)).map((f) => f.name),
      pending: files.filter((f) => !finished.has(f.name)).map((f) => f.name),
    };
  });
}
