import { describe, expect, it } from 'vitest';
import { useSeatMapPage } from './support/fixture.ts';

/**
 * The server preloads the map page's first API requests (server/src/http/client-pages.ts), guessing the
 * URLs the client will build. A guess that drifts from the client costs a second download of the largest
 * responses, silently: here a preload the page did not use shows up as a second request for its URL.
 */
describe('map page preloads', () => {
  const seatMap = useSeatMapPage();

  for (const query of ['', '?boundarySet=2010&view=hex&measure=majorityPct', '?sort=-majorityPct']) {
    it(`are used by the page, not fetched again (/${query})`, async () => {
      const { page } = seatMap();
      const requests = new Map<string, number>();
      page.on('request', (r) => {
        const url = new URL(r.url());
        const key = url.pathname + url.search;
        requests.set(key, (requests.get(key) ?? 0) + 1);
      });
      const response = await page.goto(`/${query}`);
      const preloaded = (response?.headers().link ?? '')
        .split(', ')
        .map((entry) => entry.slice(1, entry.indexOf('>')));
      expect(preloaded.length).toBeGreaterThanOrEqual(3);

      // The first map (firstMap.ts) is drawn before the app runs: wait for the app to have drawn or taken it
      // over too, so both sides' requests are counted.
      await page.locator('[data-seats-drawn="650"]').waitFor();
      await page.locator('.seat-map[data-seat-count="650"]').waitFor();
      await page.waitForLoadState('networkidle');
      for (const url of preloaded) expect(requests.get(url), url).toBe(1);
    });
  }
});
