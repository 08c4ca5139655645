#!/usr/bin/env node
// Runs the integration suite on the embedded PGlite, and again on a PostgreSQL server when
// TEST_DATABASE_URL (or DATABASE_URL) names one. Each run creates its own databases and drops them.
import { spawnSync } from 'node:child_process';

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const targets = ['pglite', ...(serverUrl ? ['postgres'] : [])];
const extra = process.argv.slice(2);
const failed = [];
for (const target of targets) {
  console.log(
    `\n=== integration tests on ${target === 'postgres' ? `PostgreSQL (${redact(serverUrl)})` : 'PGlite'} ===`,
  );
  const run = spawnSync('npx', ['vitest', 'run', '--project', 'integration', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DB: target },
  });
  if (run.status !== 0) failed.push(target);
}
if (!serverUrl) console.log('\n(PostgreSQL run skipped: set TEST_DATABASE_URL=postgres://… to include it)');
if (failed.length) {
  console.error(`\nIntegration tests failed on: ${failed.join(', ')}`);
  process.exit(1);
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'server';
  }
}
