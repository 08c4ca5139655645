// The pilot boards under a national-scale log (issue 8's acceptance): 5,000 pilots and 100,000 activities
// on PostgreSQL, in a database of the bench's own. Each board's p95 through HTTP on the compiled server,
// beside the same statements (board-queries.ts) run bare with a pg client on the same database, in the
// same run. Part of `npm run bench`; alone: `npm run bench:pilots`.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/database.ts';
import type { Prisma } from '../server/src/generated/prisma/client.ts';
import { CSRF_HEADER } from '../server/src/modules/auth/auth.middleware.ts';
import { SESSION_COOKIE } from '../server/src/modules/auth/cookies.ts';
import { createSession } from '../server/src/modules/auth/sessions.ts';
import {
  nationalMonthsSql,
  nationalRegionsSql,
  regionExtrasSql,
  regionPilotsSql,
} from '../server/src/modules/pilots/board-queries.ts';
import { startAppServer, type AppServer } from './app-server.ts';

const PILOTS = 5_000;
const ACTIVITIES = 100_000;
const REQUESTS = Number(process.env.BENCH_PILOT_REQUESTS ?? 200);
export const PILOT_BOARD_TARGETS = { ratio: 2, p95Ms: 200 };

/** Pilots over every CLP, every status, kind and category, starting over the last two years; activities
 *  over all of them and the same two years (1 % deleted); a WIN or DEFEND target on two seats in five. */
export const SEED = [
  `INSERT INTO pilot (clp_id, title, issue, category, kind, status, status_on, starts_on, ends_on, organiser_id)
   SELECT clps.id, 'Bench pilot ' || i, 'Fictional issue for the bench',
          (enum_range(NULL::pilot_category))[1 + mod(i * 5 + i / 650, 9)],
          (enum_range(NULL::pilot_kind))[1 + mod(i + i / 650, 3)],
          s.status, s.starts_on, s.starts_on,
          CASE WHEN s.status IN ('won', 'partly_won', 'lost', 'closed') THEN s.starts_on + 120 END, $1
   FROM generate_series(0, ${PILOTS - 1}) AS i
   JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n FROM clp) clps
     ON clps.k = mod(i, clps.n)
   CROSS JOIN LATERAL (SELECT (enum_range(NULL::pilot_status))[1 + mod(i * 31 + i / 650, 7)] AS status,
                              current_date - mod(i * 37, 730) AS starts_on) s`,
  `INSERT INTO pilot_activity (pilot_id, idempotency_key, occurred_on, type, participants, conversations,
                               new_members, new_union_members, new_leaders, petition_signatures, deleted_at)
   SELECT p.id, gen_random_uuid(), current_date - mod(j * 13, 730),
          (enum_range(NULL::activity_type))[1 + mod(j, 11)],
          mod(j, 30), mod(j * 3, 80), mod(j, 4), mod(j, 3), mod(j, 2), CASE WHEN mod(j, 5) = 0 THEN mod(j, 400) END,
          CASE WHEN mod(j, 100) = 0 THEN now() END
   FROM generate_series(0, ${ACTIVITIES - 1}) AS j
   JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM pilot) p ON p.k = mod(j * 7, ${PILOTS})`,
  `INSERT INTO seat_target (constituency_id, status, tier)
   SELECT id, CASE WHEN mod(id, 5) = 0 THEN 'WIN'::target_status ELSE 'DEFEND'::target_status END, 1
   FROM constituency WHERE boundary_set_code = '2024' AND mod(id, 5) IN (0, 1)
   ON CONFLICT (constituency_id) DO NOTHING`,
  'ANALYZE',
];

const p95 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.ceil(ms.length * 0.95) - 1]!;
const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;

/** One request at a time on a kept-alive connection: latency without queueing behind other requests. */
function routeTimer(url: string, headers: Record<string, string>) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      http
        .get(url, { headers: { ...headers, 'accept-encoding': 'gzip' }, agent }, (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(performance.now() - started)
              : reject(new Error(`${url}: ${res.statusCode}`)),
          );
        })
        .on('error', reject);
    });
  return { once, close: () => agent.destroy() };
}

/** The route's statements, bare: on two connections at once, as the route runs them. */
function sqlTimer(pool: pg.Pool, statements: Prisma.Sql[]) {
  return async () => {
    const started = performance.now();
    await Promise.all(statements.map((s) => pool.query(s.text, s.values as unknown[])));
    return performance.now() - started;
  };
}

/**
 * The route and the bare SQL take turns, one request each, so both meet the same load on a shared machine;
 * 20 turns of warm-up first. `beforeRoute` runs untimed before each request (a write, for the cold case).
 */
async function timeBoth(
  route: () => Promise<number>,
  sql: () => Promise<number>,
  beforeRoute: () => Promise<unknown>,
) {
  const times = { api: [] as number[], sql: [] as number[] };
  for (let i = 0; i < REQUESTS + 20; i++) {
    await beforeRoute();
    const api = await route();
    const bare = await sql();
    if (i < 20) continue;
    times.api.push(api);
    times.sql.push(bare);
  }
  return times;
}

export async function benchPilots(
  pgUrl: string,
  report: (line: string) => void,
  root = loadConfig({}).repoRoot,
): Promise<void> {
  const admin = new pg.Client({ connectionString: pgUrl });
  try {
    await admin.connect();
  } catch {
    report('| pilot boards on PostgreSQL | not measured: no server at BENCH_DATABASE_URL |');
    return;
  }
  const name = `gw_bench_pilots_${Date.now().toString(36)}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-pilots-'));
  let app: AppServer | undefined;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  try {
    app = await startAppServer(root, dir, { databaseUrl: url.toString() }); // migrates, loads the bundle
    const db = await openDatabase({ kind: 'postgres', url: url.toString() });
    let headers: Record<string, string>;
    try {
      const user = await db.prisma.user.create({
        data: {
          email: 'bench-admin@bench.invalid',
          name: 'Bench admin',
          grants: { create: { role: 'admin' } },
        },
      });
      const session = await createSession(db.prisma, user.id, { userAgent: 'bench' });
      headers = { Cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken };
      const seeded = performance.now();
      for (const statement of SEED) await pool.query(statement, statement.includes('$1') ? [user.id] : []);
      report(
        `| seed ${PILOTS.toLocaleString('en-GB')} pilots and ${ACTIVITIES.toLocaleString('en-GB')} activities | ${((performance.now() - seeded) / 1000).toFixed(1)} s |`,
      );
    } finally {
      await db.close();
    }
    const { rows } = await pool.query<{ region_code: string }>(
      `SELECT c.region_code FROM pilot p JOIN clp ON clp.id = p.clp_id JOIN constituency c ON c.id = clp.constituency_id
       GROUP BY c.region_code ORDER BY count(*) DESC LIMIT 1`,
    );
    const largest = rows[0]!.region_code;
    const boards: [string, string, Prisma.Sql[]][] = [
      ['national board', '/api/pilot-boards/national', [nationalRegionsSql({}), nationalMonthsSql({})]],
      [
        `regional board (${largest}, the region with most pilots)`,
        `/api/pilot-boards/region?region=${largest}`,
        [regionPilotsSql(largest, {}), regionExtrasSql(largest, {})],
      ],
      [
        'national board, filtered (active, last 12 months)',
        `/api/pilot-boards/national?status=active&from=${dayAgo(365)}`,
        [
          nationalRegionsSql({ status: 'active', from: dayAgo(365) }),
          nationalMonthsSql({ status: 'active', from: dayAgo(365) }),
        ],
      ],
    ];
    // Cold: a write (the seat-data version moved) before every request, so the route computes each board
    // as after an activity is logged. Warm: nothing changed in between, as boards are mostly read.
    const write = () => pool.query('UPDATE seat_data_version SET version = version + 1 WHERE id = 1');
    for (const [label, route, statements] of boards) {
      for (const [mode, beforeRoute] of [
        ['cold', write],
        ['warm', async () => undefined],
      ] as const) {
        const timer = routeTimer(`${app.url}${route}`, headers);
        const { api, sql } = await timeBoth(timer.once, sqlTimer(pool, statements), beforeRoute);
        timer.close();
        const ratio = p95(api) / p95(sql);
        const ok = ratio <= PILOT_BOARD_TARGETS.ratio && p95(api) < PILOT_BOARD_TARGETS.p95Ms;
        report(
          `| ${label}, ${mode}: route p95 (median) / bare SQL p95 (median), ${REQUESTS} each taking turns | ${p95(api).toFixed(1)} ms (${median(api).toFixed(1)}) / ${p95(sql).toFixed(1)} ms (${median(sql).toFixed(1)}) = ${ratio.toFixed(2)}× ${ok ? '(≤ 2× and < 200 ms: met)' : '(≤ 2× and < 200 ms: NOT MET)'} |`,
        );
      }
    }
  } finally {
    await pool.end();
    await app?.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function dayAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
