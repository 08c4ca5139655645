// npm run bench — prints the figures recorded in docs/performance.md. Servers run in child processes so the
// load generator (autocannon, in this process) does not share their event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase, type DatabaseOptions } from '../server/src/db/database.ts';
import { defaultMigrationsDir, migrate } from '../server/src/db/migrate.ts';
import { defaultBundlePath, readBundle } from '../server/src/modules/import/bundle.ts';
import { loadDataset } from '../server/src/modules/import/load.ts';
import { readOfficialFiles } from '../server/src/modules/import/official.ts';

const config = loadConfig({});
const root = config.repoRoot;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const pgUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const lines: string[] = [];
const report = (line: string) => {
  lines.push(line);
  console.log(line);
};

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = buffer.match(pattern);
      if (m) resolve(m[0]);
    });
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before ${pattern}:\n${buffer}`)));
  });
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmHWM:\s+(\d+) kB/)![1]) / 1024;
}

async function load(url: string) {
  const result = await autocannon({ url, connections: 50, duration: SECONDS, pipelining: 1 });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function timeImport(label: string, options: DatabaseOptions, source: 'bundle' | 'files') {
  const db = await openDatabase(options);
  try {
    await migrate(db, { dir: defaultMigrationsDir(root) });
    const started = performance.now();
    const dataset =
      source === 'bundle'
        ? await readBundle(defaultBundlePath(root))
        : await readOfficialFiles(path.resolve(root, '../shared/data'));
    await loadDataset(db, dataset, { source: `bench-${source}` });
    const seconds = (performance.now() - started) / 1000;
    report(
      `| full import from ${source === 'bundle' ? 'the bundle' : 'the official files'} on ${label} | ${seconds.toFixed(2)} s |`,
    );
  } finally {
    await db.close();
  }
}

async function main() {
  report(
    `Measured ${new Date().toISOString().slice(0, 16)}Z on ${os.cpus().length} cores, Node ${process.version}; load: autocannon, 50 connections, ${SECONDS} s each.\n`,
  );
  report('| figure | value |');
  report('|---|---|');

  // 1. Start to ready on an empty PGlite, then serving the map.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-'));
  const started = performance.now();
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      PGLITE_DIR: dir,
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
      MAP_TILE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const ready = await waitForLine(server, /ready at (http:\/\/[^\s]+)/);
    const base = ready.replace(/^ready at /, '');
    const geo = await fetch(`${base}/api/geo/2024`);
    await geo.arrayBuffer();
    report(
      `| start on an empty PGlite → serving the map (migrate + load bundle) | ${((performance.now() - started) / 1000).toFixed(1)} s |`,
    );

    // 2. Payload sizes.
    for (const p of [
      '/api/geo/2024',
      '/api/geo/2010',
      '/api/hex/2024',
      '/api/hex/2010',
      '/api/seats?boundarySet=2024',
    ]) {
      const raw = Buffer.from(
        await (await fetch(`${base}${p}`, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer(),
      );
      report(
        `| ${p}: size raw / gzipped | ${(raw.length / 1024).toFixed(0)} KB / ${(gzipSync(raw).length / 1024).toFixed(0)} KB |`,
      );
    }

    // 3. Seats list against a static server serving the identical bytes.
    const listUrl = `${base}/api/seats?boundarySet=2024`;
    const body = Buffer.from(await (await fetch(listUrl)).arrayBuffer());
    const file = path.join(dir, 'seats.json');
    fs.writeFileSync(file, body);
    const yardstick = spawn(
      process.execPath,
      ['bench/static-server.mjs', file, 'application/json; charset=utf-8'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const { port } = JSON.parse(await waitForLine(yardstick, /\{"port":\d+\}/)) as { port: number };
      await load(listUrl); // warm-up, not reported
      const api = await load(listUrl);
      const stat = await load(`http://127.0.0.1:${port}/`);
      report(
        `| seats list (650 seats, ${(body.length / 1024).toFixed(0)} KB): API req/s, p99 | ${api.rps.toFixed(0)} req/s, p99 ${api.p99} ms${api.errors ? `, ${api.errors} errors` : ''} |`,
      );
      report(
        `| same bytes from a plain static server: req/s, p99 | ${stat.rps.toFixed(0)} req/s, p99 ${stat.p99} ms |`,
      );
      report(`| API / static ratio | ${((api.rps / stat.rps) * 100).toFixed(0)} % |`);
    } finally {
      yardstick.kill('SIGTERM');
    }
    report(
      `| server peak RSS (start, load, map and list benchmarks) | ${peakRssMb(server.pid!).toFixed(0)} MB |`,
    );
  } finally {
    server.kill('SIGTERM');
  }

  // 4. Full import times.
  const admin = new pg.Client({ connectionString: pgUrl });
  let pgAvailable = true;
  try {
    await admin.connect();
  } catch {
    pgAvailable = false;
    report('| full import on PostgreSQL | not measured: no server at BENCH_DATABASE_URL |');
  }
  for (const source of ['bundle', 'files'] as const) {
    if (pgAvailable) {
      const name = `gw_bench_${Date.now().toString(36)}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      const u = new URL(pgUrl);
      u.pathname = `/${name}`;
      try {
        await timeImport('PostgreSQL 15 (server)', { kind: 'postgres', url: u.toString() }, source);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    }
    await timeImport('PGlite (in memory)', { kind: 'pglite' }, source);
  }
  if (pgAvailable) await admin.end();
  fs.rmSync(dir, { recursive: true, force: true });

  fs.mkdirSync(path.join(root, 'bench/.out'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/.out/latest.md'), `${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
