import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { databaseOptionsFromConfig, openDatabase, type Database } from './db/database.ts';
import { defaultMigrationsDir, migrate } from './db/migrate.ts';
import { DatabaseStatus } from './http/database-status.ts';
import { startHousekeeping } from './modules/auth/housekeeping.ts';
import { defaultBundlePath } from './modules/import/bundle.ts';
import { ensureDataLoaded } from './modules/import/ensure-data.ts';

/**
 * The compiled data-load entry beside this file, when this is the compiled server (npm start, Docker); from
 * source (tests, npm run dev) the load runs in this process, since a child could not run TypeScript.
 */
const compiledChild = import.meta.url.endsWith('.js')
  ? fileURLToPath(new URL('./modules/import/load-bundle.child.js', import.meta.url))
  : undefined;

function loadInChildProcess(
  entry: string,
  env: { DATABASE_URL: string; PGLITE_DIR: string },
  log: (line: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // The IPC channel is how the child notices this process is gone (killed mid-load) and stops.
    const child = spawn(process.execPath, [entry], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      env: { ...process.env, ...env },
    });
    readline.createInterface({ input: child.stdout! }).on('line', log);
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`Loading the data bundle failed (${signal ?? `exit code ${code}`}); see above`)),
    );
  });
}

export interface RunningServer {
  url: string;
  db: Database;
  close(): Promise<void>;
}

/** Opens the database, migrates it, loads the data bundle if it is empty, then listens. */
export async function startServer(
  config: Config,
  options: { log?: (line: string) => void } = {},
): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const dbOptions = databaseOptionsFromConfig(config);
  log(
    dbOptions.kind === 'postgres'
      ? 'Database: PostgreSQL server (DATABASE_URL)'
      : `Database: embedded PGlite in ${path.relative(process.cwd(), config.pgliteDir) || '.'}`,
  );
  // Migrations, then the data bundle if the database is empty. Compiled (npm start, the image), the load
  // runs in a child process (load-bundle.child.ts): it parses and sends tens of megabytes, and a Node
  // process keeps most of the memory it has once grown to. From source (tests, npm run dev) it runs here.
  const migrateAndCheck = async (target: Database) => {
    const { applied } = await migrate(target, { dir: defaultMigrationsDir(config.repoRoot), log });
    if (applied.length === 0) log('Migrations: up to date');
    return (await target.prisma.constituency.count()) === 0;
  };
  const loadHere = (target: Database) =>
    ensureDataLoaded(target, { bundlePath: defaultBundlePath(config.repoRoot), log });
  const childEnv = { DATABASE_URL: config.databaseUrl ?? '', PGLITE_DIR: config.pgliteDir };
  let db: Database;
  if (dbOptions.kind === 'postgres') {
    // On a server, the start-up work uses a pool of its own, closed before the app opens its pool.
    const setup = await openDatabase(dbOptions);
    try {
      if (await migrateAndCheck(setup)) {
        if (compiledChild) await loadInChildProcess(compiledChild, childEnv, log);
        else await loadHere(setup);
      }
    } finally {
      await setup.close();
    }
    db = await openDatabase(dbOptions);
  } else {
    // PGlite belongs to one process at a time (db/pglite-lock.ts): closed while the child loads it.
    db = await openDatabase(dbOptions);
    try {
      if (await migrateAndCheck(db)) {
        if (compiledChild) {
          await db.close();
          await loadInChildProcess(compiledChild, childEnv, log);
          db = await openDatabase(dbOptions);
        } else await loadHere(db);
      }
    } catch (error) {
      await db.close().catch(() => {});
      throw error;
    }
  }
  const logger = pino({ level: config.env === 'test' ? 'silent' : config.logLevel });
  const status = new DatabaseStatus(logger);
  const server = http.createServer(createApp({ db, config, logger, status }));
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;
  // Expired sessions and old sign-in attempts, now and every 15 minutes (skipped while the database is down).
  const housekeeping = startHousekeeping({ prisma: db.prisma, logger, status });
  log(`Groundwork is ready at ${url} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return {
    url,
    db,
    async close() {
      await housekeeping.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
