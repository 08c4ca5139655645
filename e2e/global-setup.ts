import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../server/src/config.ts';
import { startServer } from '../server/src/server.ts';
import { createE2eUsers, type E2eUser } from './support/users.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** One signed-up user per role (see support/users.ts), with the password to sign in with. */
    e2eUsers: E2eUser[];
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The server serves client/dist, so the tests must run against a build of the current source: the same
 * build step as npm start (server/scripts/build.mjs), which builds only when a source is newer.
 */
function ensureClientBuilt(): void {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'server/scripts/build.mjs'), 'client'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`client build failed with exit code ${result.status}`);
}

/** Starts the real server (real data, no map tiles) in this process and hands its URL to the tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  ensureClientBuilt();
  const databaseUrl = process.env.E2E_DATABASE_URL;
  const pgliteDir = databaseUrl ? undefined : await mkdtemp(path.join(os.tmpdir(), 'groundwork-e2e-'));
  const config = loadConfig({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    MAP_TILE_URL: '',
    NODE_ENV: 'test',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { PGLITE_DIR: pgliteDir, DATABASE_URL: '' }),
  });
  const server = await startServer(config, { log: (line) => console.log(`[e2e server] ${line}`) });
  console.log(`[e2e] app ready at ${server.url} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  project.provide('baseUrl', server.url);
  project.provide('e2eUsers', await createE2eUsers(server.db.prisma));
  return async () => {
    await server.close();
    if (pgliteDir) await rm(pgliteDir, { recursive: true, force: true });
  };
}
