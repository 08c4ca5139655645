import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { LOCK_FILE } from './pglite-lock.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dirs: string[] = [];
const open: Database[] = [];
afterAll(async () => {
  for (const db of open) await db.close().catch(() => undefined);
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-lock-'));
  dirs.push(dir);
  return dir;
}

/** A second process opening the same folder, as `npm run demo:users` beside a running server would. */
function secondOpener(dir: string) {
  const script = `
    import { openDatabase } from './server/src/db/database.ts';
    try { const db = await openDatabase({ kind: 'pglite', dir: ${JSON.stringify(dir)} }); await db.close(); }
    catch (e) { console.error(e.message); process.exit(3); }`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the embedded database belongs to one process', () => {
  it('refuses a second process at once, saying what to do, and the first keeps its rows', async () => {
    const dir = freshDir();
    const first = await openDatabase({ kind: 'pglite', dir });
    open.push(first);
    await first.withConnection((sql) =>
      sql.exec('CREATE TABLE kept (n int); INSERT INTO kept VALUES (1), (2);'),
    );

    const second = secondOpener(dir);
    expect(second.status).toBe(3);
    expect(second.stderr).toContain('in use by another Groundwork process');
    expect(second.stderr).toContain('DATABASE_URL');

    const rows = await first.withConnection((sql) =>
      sql.query<{ n: number }>('SELECT n FROM kept ORDER BY n'),
    );
    expect(rows.map((r) => r.n)).toEqual([1, 2]);
    await first.withConnection((sql) => sql.exec('INSERT INTO kept VALUES (3)'));

    // Closed, the folder is free again, with every row.
    await first.close();
    open.pop();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const again = await openDatabase({ kind: 'pglite', dir });
    open.push(again);
    const after = await again.withConnection((sql) =>
      sql.query<{ n: number }>('SELECT count(*)::int AS n FROM kept'),
    );
    expect(after[0]?.n).toBe(3);
  });

  it('takes over a lock left by a process that is gone (kill -9, a crash)', async () => {
    const dir = freshDir();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout.trim());
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: deadPid, host: os.hostname(), since: '2026-01-01T00:00:00Z' }),
    );
    const db = await openDatabase({ kind: 'pglite', dir });
    open.push(db);
    const owner = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(process.pid);
  });
});
