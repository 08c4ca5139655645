import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino } from 'pino';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { databaseOptionsFromConfig, openDatabase, type Database } from './db/database.ts';
import { defaultMigrationsDir, migrate } from './db/migrate.ts';
import { defaultBundlePath } from './modules/import/bundle.ts';
import { ensureDataLoaded } from './modules/import/ensure-data.ts';

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
  const db = await openDatabase(dbOptions);
  try {
    const { applied } = await migrate(db, { dir: defaultMigrationsDir(config.repoRoot), log });
    if (applied.length === 0) log('Migrations: up to date');
    await ensureDataLoaded(db, { bundlePath: defaultBundlePath(config.repoRoot), log });
  } catch (error) {
    await db.close();
    throw error;
  }
  const logger = pino({ level: config.env === 'test' ? 'silent' : config.logLevel });
  const server = http.createServer(createApp({ db, config, logger }));
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;
  log(`Groundwork is ready at ${url} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return {
    url,
    db,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
