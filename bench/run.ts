// npm run bench — prints the figures recorded in docs/performance.md. Servers run in child processes so the
// load generator (autocannon, in this process) does not share their event loop.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase, type DatabaseOptions } from '../server/src/db/database.ts';
import { defaultMigrationsDir, migrate } from '../server/src/db/migrate.ts';
import { defaultBundlePath, defaultOfficialDir, readBundle } from '../server/src/modules/import/bundle.ts';
import { loadDataset } from '../server/src/modules/import/load.ts';
import { readOfficialFiles } from '../server/src/modules/import/official.ts';
import { startAppServer, waitForLine } from './app-server.ts';
import { benchMapDraw } from './map-draw.ts';
import { GENERATOR, load, loadDistinct, SECONDS, type Run } from './load.ts';
import { benchMemory } from './memory.ts';
import { benchPilots } from './pilots.ts';

const config = loadConfig({});
const root = config.repoRoot;
const pgUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const lines: string[] = [];
const report = (line: string) => {
  lines.push(line);
  console.log(line);
};

/** The response exactly as sent (fetch would undo the gzip): body and raw headers. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ body: Buffer; headers: string[] }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ body: Buffer.concat(chunks), headers: res.rawHeaders }));
      })
      .on('error', reject);
  });
}

/** Starts bench/static-server.mjs on the given body (and headers); resolves its URL. */
async function startStatic(bodyFile: string, headersFile?: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    ['bench/static-server.mjs', bodyFile, ...(headersFile ? [headersFile] : [])],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const { port } = JSON.parse(await waitForLine(child, /\{"port":\d+\}/)) as { port: number };
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill('SIGTERM') };
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmHWM:\s+(\d+) kB/)![1]) / 1024;
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** The run with the median requests per second (its own p99 with it). */
function median<T extends { rps: number }>(runs: T[]): T {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
}

async function timeImport(label: string, options: DatabaseOptions, source: 'bundle' | 'files') {
  const db = await openDatabase(options);
  try {
    await migrate(db, { dir: defaultMigrationsDir(root) });
    const started = performance.now();
    const dataset =
      source === 'bundle'
        ? await readBundle(defaultBundlePath(root))
        : await readOfficialFiles(defaultOfficialDir(root));
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
  // BENCH_ONLY=pilots (npm run bench:pilots): the pilot boards alone.
  if (process.env.BENCH_ONLY === 'pilots') {
    report('| figure | value |');
    report('|---|---|');
    await benchPilots(pgUrl, report, root);
    return;
  }
  report(
    `Measured ${new Date().toISOString().slice(0, 16)}Z on ${os.cpus().length} cores, Node ${process.version}; load: ${GENERATOR}, 50 connections, ${SECONDS} s a run.\n`,
  );
  report('| figure | value |');
  report('|---|---|');

  // 1. Start to ready on an empty PGlite, then serving the map.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-'));
  const started = performance.now();
  const app = await startAppServer(root, dir);
  const server = app.child;
  try {
    const base = app.url;
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

    // 3. The seats list against plain static servers sending the same response: one with the API's exact
    //    headers and body (the like-for-like yardstick), one with the body and minimal headers. As browsers
    //    ask for it (gzip), and uncompressed. The machine is shared and noisy, so the three servers take
    //    turns for ROUNDS rounds and the medians are reported.
    const listUrl = `${base}/api/seats?boundarySet=2024`;
    for (const encoding of ['gzip', 'identity'] as const) {
      const headers = { 'accept-encoding': encoding };
      const sample = await rawGet(listUrl, headers);
      const bodyFile = path.join(dir, `seats.${encoding}`);
      const headersFile = path.join(dir, `seats.${encoding}.headers.json`);
      const perResponse = new Set(['date', 'connection', 'keep-alive', 'x-request-id']);
      const sameHeaders = sample.headers.flatMap((v, i, all) =>
        i % 2 === 0 && !perResponse.has(v.toLowerCase()) ? [v, all[i + 1]!] : [],
      );
      fs.writeFileSync(bodyFile, sample.body);
      fs.writeFileSync(headersFile, JSON.stringify(sameHeaders));
      const same = await startStatic(bodyFile, headersFile);
      const bare = await startStatic(bodyFile);
      try {
        await load(listUrl, headers); // warm-up, not reported
        const runs = { api: [] as Run[], same: [] as Run[], bare: [] as Run[] };
        for (let round = 0; round < ROUNDS; round++) {
          runs.api.push(await load(listUrl, headers));
          runs.same.push(await load(same.url, headers));
          runs.bare.push(await load(bare.url, headers));
        }
        const api = median(runs.api);
        const row = (label: string, r: Run) =>
          report(
            `| ${label} | ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms${r.errors ? `, ${r.errors} errors` : ''} |`,
          );
        const ratio = (yard: Run[]) =>
          `${((api.rps / median(yard).rps) * 100).toFixed(0)} % (rounds: ${runs.api
            .map((a, i) => `${((a.rps / yard[i]!.rps) * 100).toFixed(0)} %`)
            .join(', ')})`;
        const size = `${(sample.body.length / 1024).toFixed(0)} KB ${encoding === 'gzip' ? 'gzipped' : 'uncompressed'}`;
        row(`seats list, all 650 seats (${size}, ${sameHeaders.length / 2} headers): API`, api);
        row('static server, identical headers and body', median(runs.same));
        row('static server, identical body, 2 headers', median(runs.bare));
        report(`| API / static with identical response (${encoding}) | ${ratio(runs.same)} |`);
        report(`| API / bare static (${encoding}) | ${ratio(runs.bare)} |`);
      } finally {
        same.stop();
        bare.stop();
      }
    }
    // A different page every request, so none is ever cached: 600 offsets × 100 swing bands, far more
    // distinct URLs than the 32 MB replay holds, so each request goes through Express (with 600 alone,
    // every URL was replayed after the first lap).
    {
      const result = await loadDistinct(
        base,
        (i) => `/api/seats?boundarySet=2024&limit=50&offset=${i % 600}&maxSwing=${Math.floor(i / 600) % 100}`,
      );
      report(
        `| seats list, a different 50-seat page every request (never cached: Express, zod, filter, serialise) | ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms (autocannon) |`,
      );
    }
    report(
      `| server peak RSS (start, load, map and list benchmarks) | ${peakRssMb(server.pid!).toFixed(0)} MB |`,
    );
  } finally {
    await app.stop();
  }

  // 4. The map in Chromium against a bare Leaflet page, on a fresh server process (same, loaded database)
  //    so the load runs above leave nothing behind in it.
  const mapApp = await startAppServer(root, dir);
  try {
    await benchMapDraw(mapApp.url, report);
  } finally {
    await mapApp.stop();
  }

  // 5. The production server's memory on PostgreSQL, idle and under load (issue 7's targets).
  await benchMemory(pgUrl, report, root);

  // 6. Full import times.
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

  // 7. The pilot boards with 5,000 pilots and 100,000 activities on PostgreSQL (issue 8).
  await benchPilots(pgUrl, report, root);

  fs.mkdirSync(path.join(root, 'bench/.out'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/.out/latest.md'), `${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
