#!/usr/bin/env node
// Runs the Prisma CLI. `prisma generate|validate|format` never execute the native schema engine, but the
// CLI downloads it first; where that host is unreachable, pointing PRISMA_SCHEMA_ENGINE_BINARY at any
// existing file skips the download (see docs/decisions/0001-migrations-without-the-prisma-engine.md).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const engineFree = new Set(['generate', 'validate', 'format']);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
if (engineFree.has(args[0] ?? '') && !env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
}
const cli = require.resolve('prisma/build/index.js');
const run = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
