import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The lock's file name inside the PGlite folder. */
export const LOCK_FILE = 'groundwork.lock';

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? { pid: owner.pid, host: owner.host, since: String(owner.since ?? '') }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Claims a PGlite folder for this process, or throws DatabaseInUseError at once if another live process
 * on this machine has it. PGlite is one process's database: a second opener (a script beside a running
 * server) wrote rows the first never saw and later corrupted the folder (issue 7, section 5).
 *
 * The lock is a file naming its owner's pid, created exclusively. A lock left by a process that is no longer
 * running (kill -9, a crash) is taken over at once, where a time-based lock (proper-lockfile's) would refuse
 * a restart until it went stale. Returns the release function; the lock also goes when the process exits.
 */
export function lockPgliteDir(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        if (readOwner(file)?.pid === me.pid) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner && owner.pid !== process.pid && owner.host === me.host && alive(owner.pid)) {
      throw new DatabaseInUseError(
        `The embedded database in ${dir} is in use by another Groundwork process (pid ${owner.pid}, since ` +
          `${owner.since}). Stop that process first (the running server, if it is one), or set DATABASE_URL ` +
          'to use a PostgreSQL server, which many processes can share.',
      );
    }
    if (owner && owner.pid === process.pid) {
      throw new DatabaseInUseError(`The embedded database in ${dir} is already open in this process.`);
    }
    // Left by a process that is gone (or unreadable, or from another machine's copy of the folder).
    fs.rmSync(file, { force: true });
  }
  throw new DatabaseInUseError(`Could not lock the embedded database in ${dir}; try again.`);
}
