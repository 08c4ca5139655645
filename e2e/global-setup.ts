import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
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
const clientDir = path.join(repoRoot, 'client');

function newestMtime(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** The server serves client/dist, so the tests must run against a build of the current source. */
function ensureClientBuilt(): void {
  const built = path.join(clientDir, 'dist', 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json']
    .map((p) => path.join(clientDir, p))
    .filter((p) => fs.existsSync(p));
  const sourceTime = Math.max(
    ...sources.map(newestMtime),
    newestMtime(path.join(repoRoot, 'server/src/contracts')),
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sourceTime) return;
  console.log('[e2e] building the client (client/dist is missing or older than client/src)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Vitest sets NODE_ENV=test, which Vite would pass on to React (a development build, StrictMode's double
  // effects): build what users get, as `npm run test:e2e` does.
  const result = spawnSync(npm, ['run', 'build', '-w', 'client'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
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
