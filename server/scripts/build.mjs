#!/usr/bin/env node
// npm run build (and before npm start, npm run bench): brings what the production server runs up to date,
// rebuilding only what is older than its sources, as make would.
//   1. the Prisma client (server/src/generated/prisma) from prisma/schema.prisma;
//   2. the server and its CLIs, compiled by tsc to server/dist (server/tsconfig.build.json, incremental);
//   3. the client, built by Vite to client/dist.
// `node server/scripts/build.mjs client` (or `server`) builds one part; `--force` ignores the timestamps.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const force = args.includes('--force');
const parts = args.filter((a) => !a.startsWith('--'));
const wanted = (part) => parts.length === 0 || parts.includes(part);
const at = (...p) => path.join(root, ...p);

/** The newest modification time under the paths given (files or folders, missing ones ignored). */
function newest(paths, skip = () => false) {
  let time = 0;
  const visit = (file) => {
    if (skip(file)) return;
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      return;
    }
    if (!stat.isDirectory()) {
      time = Math.max(time, stat.mtimeMs);
      return;
    }
    for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
  };
  paths.forEach(visit);
  return time;
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function run(label, command, commandArgs, { env = {}, cwd = root } = {}) {
  const started = performance.now();
  console.log(`build: ${label}…`);
  const result = spawnSync(command, commandArgs, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    console.error(`build: ${label} failed (exit code ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  console.log(`build: ${label} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// What server/tsconfig.build.json leaves out: tests, their helpers, the authorization matrix's rows.
const isTest = (file) =>
  /\.(test|matrix|fixtures)\.ts$/.test(file) ||
  file === at('server/src/test') ||
  file === at('server/src/modules/access/matrix.ts');
const generatedClient = at('server/src/generated/prisma/client.ts');
const serverStamp = at('server/dist/.tsbuildinfo');
const clientStamp = at('client/dist/index.html');
const upToDate = [];

// 1. The Prisma client, whenever the schema is newer (or the client is missing).
if (wanted('server') || wanted('client')) {
  if (force || mtime(generatedClient) < newest([at('prisma/schema.prisma'), at('prisma.config.ts')])) {
    run('Prisma client', process.execPath, [at('server/scripts/prisma.mjs'), 'generate']);
  } else upToDate.push('Prisma client');
}

// 2. The server: tsc's own incremental build info decides what to re-emit; it runs only when a source
//    (or a compiler setting) is newer than the last build. Files whose source is gone are deleted.
if (wanted('server')) {
  const sources = [
    at('server/src'),
    at('server/scripts'),
    at('server/tsconfig.json'),
    at('server/tsconfig.build.json'),
    at('tsconfig.base.json'),
    at('package-lock.json'),
  ];
  // Compiled files deleted by hand would not come back while tsc's build info says they are current.
  if (!fs.existsSync(at('server/dist/src/main.js'))) fs.rmSync(serverStamp, { force: true });
  if (force || mtime(serverStamp) < newest(sources, isTest)) {
    const tsc = path.join(path.dirname(fileURLToPath(import.meta.resolve('typescript'))), '..', 'bin', 'tsc');
    run('server (tsc → server/dist)', process.execPath, [tsc, '-p', at('server/tsconfig.build.json')]);
    removeOrphans(at('server/dist'), at('server'));
    // tsc leaves the build info untouched when nothing needed emitting; touch it so the next start skips tsc.
    const now = new Date();
    if (fs.existsSync(serverStamp)) fs.utimesSync(serverStamp, now, now);
  } else upToDate.push('server');
}

// 3. The client, when anything it is built from is newer than its build. Vitest sets NODE_ENV=test, which
//    Vite would pass on to React (a development build): always build what users get.
if (wanted('client')) {
  const sources = ['client/src', 'client/public', 'client/index.html', 'client/vite.config.ts']
    .concat(['client/package.json', 'client/tsconfig.json', 'server/src/contracts', 'package-lock.json'])
    .map((p) => at(p));
  if (force || mtime(clientStamp) < newest(sources, isTest)) {
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    run('client (vite → client/dist)', process.execPath, [vite, 'build'], {
      cwd: at('client'),
      env: { NODE_ENV: 'production' },
    });
    const now = new Date();
    if (fs.existsSync(clientStamp)) fs.utimesSync(clientStamp, now, now);
  } else upToDate.push('client');
}

if (upToDate.length) console.log(`build: up to date: ${upToDate.join(', ')}`);

/** Deletes compiled files in `dist` whose TypeScript source under `src` no longer exists. */
function removeOrphans(dist, src) {
  if (!fs.existsSync(dist)) return;
  for (const entry of fs.readdirSync(dist, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const match = /^(.*)\.js(\.map)?$/.exec(path.relative(dist, file));
    if (!match) continue;
    if (!fs.existsSync(path.join(src, `${match[1]}.ts`))) fs.rmSync(file);
  }
}
