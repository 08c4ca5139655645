#!/usr/bin/env node
// Browser tests need a Chromium. Without one the test command stops and says how to get it, unless
// SKIP_E2E=1 (never set in CI). Playwright's own browser download is not used: see docs/decisions.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

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
const build = spawnSync('npm', ['run', 'build', '-w', 'client'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(run.status ?? 1);
