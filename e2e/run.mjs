#!/usr/bin/env node
// Browser tests need a Chromium. Without one the test command stops and says how to get it, unless
// SKIP_E2E=1 (never set in CI). Playwright's own browser download is not used: see docs/decisions.
// They run against the app on the embedded PGlite and, when TEST_DATABASE_URL names a PostgreSQL server,
// again on a fresh database there (created and dropped here).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  if (process.env.SKIP_E2E === '1') {
    console.warn(`\nSKIP_E2E=1: browser tests NOT run (no Chromium at ${chromium}).`);
    process.exit(0);
  }
  console.error(
    `\nBrowser tests need Chromium at ${chromium}.\n` +
      '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n' +
      '  Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/it\n' +
      '  To run everything else without them: SKIP_E2E=1 npm test\n',
  );
  process.exit(1);
}
// npm start's build step: builds the client only when a source is newer than client/dist.
const build = spawnSync(process.execPath, ['server/scripts/build.mjs', 'client'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function runOn(label, env) {
  console.log(`\n=== browser tests on ${label} ===`);
  const run = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium, ...env },
  });
  return run.status === 0;
}

const failed = [];
if (!runOn('PGlite', { E2E_DATABASE_URL: '' })) failed.push('PGlite');

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const name = `gw_e2e_${Date.now().toString(36)}${process.pid.toString(36)}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    if (!runOn('PostgreSQL', { E2E_DATABASE_URL: url.toString() })) failed.push('PostgreSQL');
  } finally {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
}
if (failed.length) {
  console.error(`\nBrowser tests failed on: ${failed.join(', ')}`);
  process.exit(1);
}
