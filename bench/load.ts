// Load generation shared by the benches: wrk when installed (autocannon's own HTTP parser saturates near
// 50 MB/s and then measures itself), autocannon where each request needs its own URL.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p));
export const GENERATOR = WRK
  ? 'wrk (1 thread)'
  : 'autocannon (wrk not installed: its JS parser saturates near 50 MB/s)';

export type Run = { rps: number; p99: number; errors: number };

/** 50 connections on one URL for SECONDS; requests per second and p99 latency in ms. */
export async function load(url: string, headers: Record<string, string> = {}): Promise<Run> {
  if (WRK) {
    const args = [
      '-t1',
      '-c50',
      `-d${SECONDS}s`,
      '--latency',
      ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
      url,
    ];
    const out = execFileSync(WRK, args, { encoding: 'utf8' });
    const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)![1]);
    const [, value, unit] = out.match(/99%\s+([\d.]+)(us|ms|s)/)!;
    const p99 = Number(value) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[unit!]!;
    const errors = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
    return { rps, p99: Math.round(p99 * 10) / 10, errors };
  }
  const result = await autocannon({ url, connections: 50, duration: SECONDS, pipelining: 1, headers });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/**
 * 50 connections for SECONDS, a different path every request (gzip accepted), so nothing is replayed.
 * autocannon, not wrk: wrk's latency figures are not consistent with its own request counts when a Lua
 * script builds the requests.
 */
export async function loadDistinct(base: string, pathFor: (i: number) => string): Promise<Run> {
  let n = 0;
  const result = await autocannon({
    url: base,
    connections: 50,
    duration: SECONDS,
    headers: { 'accept-encoding': 'gzip' },
    requests: [{ setupRequest: (req) => ({ ...req, path: pathFor(n++) }) }],
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}
