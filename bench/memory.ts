// npm run bench:memory (and part of npm run bench) — the production server's memory on PostgreSQL, as the
// issue-7 targets are stated: resident set size idle after start, and at its peak under load. The server is
// the compiled one `npm start` and the Docker image run, in a child process; RSS is read from /proc.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../server/src/config.ts';
import { startAppServer, type AppServer } from './app-server.ts';
import { load, loadDistinct, SECONDS, WRK, type Run } from './load.ts';

const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 5);

export const MEMORY_TARGETS = { idleMb: 200, loadMb: 300 };

function status(pid: number): { rss: number; peak: number } {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(text.match(new RegExp(`${name}:\\s+(\\d+) kB`))![1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the server twice on a new PostgreSQL database (the first start migrates and loads the data
 * bundle; the second is an ordinary restart), reads its RSS after IDLE_SECONDS idle, then under the load
 * the throughput bench applies (the seat list gzipped and not, the map payloads, a different seat-list page
 * and a different seat every request), and reports the peak.
 */
export async function benchMemory(
  pgUrl: string,
  report: (line: string) => void,
  root = loadConfig({}).repoRoot,
): Promise<void> {
  const admin = new pg.Client({ connectionString: pgUrl });
  try {
    await admin.connect();
  } catch {
    report('| server memory on PostgreSQL | not measured: no server at BENCH_DATABASE_URL |');
    return;
  }
  const name = `gw_bench_mem_${Date.now().toString(36)}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-mem-'));
  let app: AppServer | undefined;
  try {
    app = await startAppServer(root, dir, { databaseUrl: url.toString() });
    await sleep(IDLE_SECONDS * 1000);
    const first = status(app.child.pid!);
    report(
      `| server RSS idle ${IDLE_SECONDS} s after its first start (migrate + load the bundle), PostgreSQL | ${first.rss.toFixed(0)} MB (peak while loading ${first.peak.toFixed(0)} MB) |`,
    );
    await app.stop();

    app = await startAppServer(root, dir, { databaseUrl: url.toString() });
    const pid = app.child.pid!;
    await sleep(IDLE_SECONDS * 1000);
    const idle = status(pid).rss;
    report(
      `| server RSS idle ${IDLE_SECONDS} s after a start, PostgreSQL (target ≤ ${MEMORY_TARGETS.idleMb} MB) | ${idle.toFixed(0)} MB |`,
    );

    const base = app.url;
    const seats = (
      (await (await fetch(`${base}/api/seats?boundarySet=2024&limit=1000`)).json()) as {
        items: { code: string }[];
      }
    ).items.map((s) => s.code);
    const steps: [string, () => Promise<Run>][] = [
      ['seat list, gzip', () => load(`${base}/api/seats?boundarySet=2024`, { 'accept-encoding': 'gzip' })],
      ['seat list, uncompressed', () => load(`${base}/api/seats?boundarySet=2024`, {})],
      ['boundaries 2024', () => load(`${base}/api/geo/2024`, { 'accept-encoding': 'gzip' })],
      ['boundaries 2010', () => load(`${base}/api/geo/2010`, { 'accept-encoding': 'gzip' })],
      ['hex map', () => load(`${base}/api/hex/2024`, { 'accept-encoding': 'gzip' })],
      [
        'a different seat-list page every request',
        () =>
          loadDistinct(
            base,
            (i) =>
              `/api/seats?boundarySet=2024&limit=50&offset=${i % 600}&maxSwing=${Math.floor(i / 600) % 100}`,
          ),
      ],
      [
        'a different seat every request',
        () => loadDistinct(base, (i) => `/api/seats/2024/${seats[i % seats.length]}`),
      ],
    ];
    const during: string[] = [];
    for (const [label, step] of steps) {
      const { rps } = await step();
      during.push(`${label} ${rps.toFixed(0)} req/s → ${status(pid).rss.toFixed(0)} MB`);
    }
    const after = status(pid);
    report(
      `| server RSS at its peak under load, PostgreSQL (target ≤ ${MEMORY_TARGETS.loadMb} MB) | ${after.peak.toFixed(0)} MB (${SECONDS} s each, in turn: ${during.join('; ')}) |`,
    );
    await sleep(IDLE_SECONDS * 1000);
    report(`| server RSS ${IDLE_SECONDS} s after the load | ${status(pid).rss.toFixed(0)} MB |`);
  } finally {
    await app?.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pgUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  console.log(
    `Measured ${new Date().toISOString().slice(0, 16)}Z on ${os.cpus().length} cores, Node ${process.version}; load: ${WRK ? 'wrk' : 'autocannon'} and autocannon, 50 connections, ${SECONDS} s a step.\n`,
  );
  console.log('| figure | value |');
  console.log('|---|---|');
  benchMemory(pgUrl, (line) => console.log(line)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
