import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { SeatMapPage } from '../pages/SeatMapPage.ts';
import { launchBrowser, newContext } from './browser.ts';

/**
 * One browser per test file, a fresh context (profile, storage, downloads) per test, and a full-page
 * screenshot in e2e/.artifacts when a test fails.
 */
export function useSeatMapPage(): () => SeatMapPage {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let current: SeatMapPage | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  let errors: string[] = [];
  beforeEach(async () => {
    if (!browser) throw new Error('browser did not start');
    context = await newContext(browser, inject('baseUrl'));
    const page = await context.newPage();
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    current = new SeatMapPage(page);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && current) {
      await current
        .screenshot(`failed-${task.name.replace(/\W+/g, '-').slice(0, 60)}`)
        .catch(() => undefined);
      if (errors.length) console.error(`[e2e] page errors in "${task.name}":\n${errors.join('\n')}`);
    }
    await context?.close();
  });

  return () => {
    if (!current) throw new Error('no page: call inside a test');
    return current;
  };
}
