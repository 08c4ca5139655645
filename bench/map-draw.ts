// npm run bench:map (also part of npm run bench): navigation → all 650 seats drawn, the app against a bare
// Leaflet page drawing the raw ONS GeoJSON on the canvas renderer, taking turns in one Chromium. Each
// navigation gets a fresh browser context (nothing cached); the medians of the rounds are reported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { startAppServer } from './app-server.ts';
import { startBareMapServer } from './bare-map.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Math.max(5, Number(process.env.BENCH_MAP_ROUNDS ?? 7));
const VIEWPORT = { width: 1440, height: 900 };
const SEATS = 650;

interface Timing {
  name: string;
  start: number;
  end: number;
}

export interface DrawSample {
  /** ms from navigation start to the 'seats-drawn' mark. */
  drawn: number;
  count: number;
  /** ms from navigation start to the first request for data (/api/… or the GeoJSON). */
  dataStart: number;
  /** ms from navigation start until the last of the data responses had arrived. */
  dataEnd: number;
  /** ms from navigation start to DOMContentLoaded: the page's scripts downloaded and run. */
  scripts: number;
  /** Data URLs the page requested more than once (a preload the page did not use shows up here). */
  repeated: string[];
}

// Resolves with the first 'seats-drawn' mark, whenever it comes: no polling, so the page runs undisturbed.
const OBSERVE_MARK = `
  window.__seatsDrawn = new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const mark = list.getEntries().find((e) => e.name === 'seats-drawn');
      if (mark) resolve({ drawn: mark.startTime, count: mark.detail?.count ?? -1 });
    }).observe({ type: 'mark', buffered: true });
  });
`;

const READ_RESOURCES = `performance.getEntriesByType('resource').map((r) => ({
  name: r.name, start: r.startTime, end: r.responseEnd,
}))`;
const READ_DCL = `performance.getEntriesByType('navigation')[0].domContentLoadedEventStart`;

/** Data the first picture needs: the map shapes, the seat list and the parties (the winners' colours). */
const isData = (url: string) =>
  /\/api\/geo\/|\/api\/seats\?|\/api\/parties$|\.geojson$/.test(new URL(url).pathname + new URL(url).search);

/**
 * Loads url from a page already showing another document of the same origin (the app's health check; a
 * not-found page on the bare page's server), and waits for its
 * 'seats-drawn' mark (60 s at most): the mark's time and seat count. Starting from the browser's blank page
 * instead would charge the app, and not the bare page, for a new renderer process: its
 * Cross-Origin-Opener-Policy header (helmet's default) makes Chromium swap processes on that navigation,
 * which costs ~0.25 s here (measured by sending the same header with the bare page). A user arriving from
 * another site gets a new process for either page, and one already on the site for neither.
 */
async function drawnMark(page: Page, url: string): Promise<{ drawn: number; count: number }> {
  await page.goto(new URL('/api/health', url).toString());
  await page.goto(url, { waitUntil: 'commit' });
  let timer: NodeJS.Timeout | undefined;
  return (await Promise.race([
    page.evaluate('window.__seatsDrawn'),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${url}: no 'seats-drawn' mark within 60 s`)), 60_000);
    }),
  ]).finally(() => clearTimeout(timer))) as { drawn: number; count: number };
}

/**
 * One measured navigation in a fresh browser profile: a first visit, or with `earlier` visits before it
 * in the same profile (a returning user: HTTP cache, and V8's code cache from the second load on).
 */
async function timeDraw(browser: Browser, url: string, earlier = 0): Promise<DrawSample> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(OBSERVE_MARK);
    for (let i = 0; i < earlier; i++) {
      // Each earlier visit runs to the end and is closed, as a user's earlier visit is: the app's page goes
      // on loading its scripts after the map is drawn, which must not overlap the measured visit.
      const before = await context.newPage();
      await drawnMark(before, url);
      await before.waitForLoadState('networkidle');
      await before.close();
    }
    const page = await context.newPage();
    const seen = new Map<string, number>();
    page.on('request', (r) => seen.set(r.url(), (seen.get(r.url()) ?? 0) + 1));
    const mark = await drawnMark(page, url);
    const data = ((await page.evaluate(READ_RESOURCES)) as Timing[]).filter((r) => isData(r.name));
    return {
      drawn: mark.drawn,
      count: mark.count,
      dataStart: Math.min(...data.map((r) => r.start)),
      dataEnd: Math.max(...data.map((r) => r.end)),
      scripts: (await page.evaluate(READ_DCL)) as number,
      repeated: [...seen].filter(([u, n]) => n > 1 && isData(u)).map(([u]) => u),
    };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export interface MapDrawResult {
  app: DrawSample[];
  bare: DrawSample[];
  /** Median app / median bare page, first visits. */
  ratio: number;
  /** The same for returning visits. */
  warm: number;
}

/**
 * Runs the comparison against an app already serving at appUrl; prints table rows through report.
 * Throws if either page drew fewer than 650 seats, so a broken page can never look fast.
 */
export async function benchMapDraw(appUrl: string, report: (line: string) => void): Promise<MapDrawResult> {
  const bareServer = await startBareMapServer(root);
  const browser = await launchBrowser();
  try {
    const pages = { app: new URL('/', appUrl).toString(), bare: bareServer.url };
    // One unreported round each: the first request for each URL builds the server's cached bodies.
    await timeDraw(browser, pages.app);
    await timeDraw(browser, pages.bare);
    const runs = { app: [] as DrawSample[], bare: [] as DrawSample[] };
    const again = { app: [] as DrawSample[], bare: [] as DrawSample[] };
    for (let round = 0; round < ROUNDS; round++) {
      runs.app.push(await timeDraw(browser, pages.app));
      runs.bare.push(await timeDraw(browser, pages.bare));
    }
    for (let round = 0; round < ROUNDS; round++) {
      again.app.push(await timeDraw(browser, pages.app, 2));
      again.bare.push(await timeDraw(browser, pages.bare, 2));
    }
    for (const [name, samples] of [...Object.entries(runs), ...Object.entries(again)]) {
      const short = samples.find((s) => s.count !== SEATS);
      if (short) throw new Error(`the ${name} page marked ${short.count} seats drawn, not ${SEATS}`);
    }
    const m = (samples: DrawSample[], key: 'drawn' | 'dataStart' | 'dataEnd' | 'scripts') =>
      median(samples.map((s) => s[key]));
    const ratio = m(runs.app, 'drawn') / m(runs.bare, 'drawn');
    const rounds = (samples: DrawSample[]) => samples.map((s) => (s.drawn / 1000).toFixed(2)).join(', ');
    report(
      `| map: navigation → 650 seats drawn, app (\`/\`, ${VIEWPORT.width}×${VIEWPORT.height}, tiles off) | ${seconds(m(runs.app, 'drawn'))} (rounds: ${rounds(runs.app)}) |`,
    );
    report(
      `| map: navigation → 650 seats drawn, bare Leaflet page (raw ONS GeoJSON, canvas) | ${seconds(m(runs.bare, 'drawn'))} (rounds: ${rounds(runs.bare)}) |`,
    );
    report(`| map: app / bare page | ${ratio.toFixed(2)}× (budget 1.5×) |`);
    report(
      `| map: data requests start → last data response, app | ${seconds(m(runs.app, 'dataStart'))} → ${seconds(m(runs.app, 'dataEnd'))} |`,
    );
    report(
      `| map: data requests start → last data response, bare page | ${seconds(m(runs.bare, 'dataStart'))} → ${seconds(m(runs.bare, 'dataEnd'))} |`,
    );
    report(
      `| map: navigation → scripts run (DOMContentLoaded), app / bare page | ${seconds(m(runs.app, 'scripts'))} / ${seconds(m(runs.bare, 'scripts'))} |`,
    );
    const warm = m(again.app, 'drawn') / m(again.bare, 'drawn');
    report(
      `| map: returning visit (third load in one profile), app / bare page | ${seconds(m(again.app, 'drawn'))} / ${seconds(m(again.bare, 'drawn'))} = ${warm.toFixed(2)}× (app rounds: ${rounds(again.app)}) |`,
    );
    const repeated = [...new Set([...runs.app, ...again.app].flatMap((s) => s.repeated))];
    if (repeated.length > 0) {
      report(`| map: URLs the app requested twice (an unused preload?) | ${repeated.join(', ')} |`);
    }
    return { ...runs, ratio, warm };
  } finally {
    await browser.close();
    await bareServer.stop();
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-map-'));
  // BENCH_MAP_APP_URL measures an app that is already running (another build, another machine) instead.
  const given = process.env.BENCH_MAP_APP_URL;
  const app = given ? { url: given, stop: () => Promise.resolve() } : await startAppServer(root, dir);
  try {
    console.log(
      `Measured ${new Date().toISOString().slice(0, 16)}Z on ${os.cpus().length} cores, Node ${process.version}; Chromium, ${ROUNDS} rounds each.\n`,
    );
    console.log('| figure | value |');
    console.log('|---|---|');
    await benchMapDraw(app.url, (line) => console.log(line));
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
