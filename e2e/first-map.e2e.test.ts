import { describe, expect, it } from 'vitest';
import { useSeatMapPage } from './support/fixture.ts';

const poll = { timeout: 20_000, interval: 100 };

// Where the map was when its seats were first drawn (the 'seats-drawn' mark), read in the page.
const RECORD_FIRST_DRAW = `
  new PerformanceObserver((list) => {
    if (!list.getEntries().some((e) => e.name === 'seats-drawn') || window.__firstDraw) return;
    const map = document.getElementById('seat-map');
    const r = map.getBoundingClientRect();
    window.__firstDraw = { node: map, rect: [r.x, r.y, r.width, r.height], appMounted: !!document.querySelector('.legend') };
  }).observe({ type: 'mark', buffered: true });
`;

/**
 * The default map view is drawn before the app's scripts run (client/src/features/seat-map/firstMap.ts),
 * and the app takes that map over: the seats must not move, be drawn twice, or stop answering clicks.
 */
describe('the first map', () => {
  const seatMap = useSeatMapPage();

  // 1280 and 834: the toolbar wraps onto two rows there; the shell's must wrap alike or the map jumps.
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1280, height: 800 },
    { width: 834, height: 1112 },
    { width: 390, height: 844 },
  ]) {
    it(`is drawn before the app and taken over in place at ${viewport.width} px`, async () => {
      const page = seatMap();
      await page.page.setViewportSize(viewport);
      await page.page.addInitScript(RECORD_FIRST_DRAW);
      await page.open();
      await expect.poll(() => page.drawn(), poll).toMatchObject({ count: 650 });
      await page.legend.waitFor();

      const first = await page.page.evaluate(() => {
        const w = window as unknown as {
          __firstDraw: { node: Element; rect: number[]; appMounted: boolean };
        };
        const map = document.getElementById('seat-map')!;
        const r = map.getBoundingClientRect();
        return {
          before: w.__firstDraw.rect,
          after: [r.x, r.y, r.width, r.height],
          appMountedAtFirstDraw: w.__firstDraw.appMounted,
          sameNode: w.__firstDraw.node === map,
          maps: document.querySelectorAll('.leaflet-container').length,
          marks: performance.getEntriesByName('seats-drawn').length,
        };
      });
      // Drawn before the app had rendered anything of its own, then adopted: one map, one draw.
      expect(first.appMountedAtFirstDraw).toBe(false);
      expect(first.sameNode).toBe(true);
      expect(first.maps).toBe(1);
      expect(first.marks).toBe(1);
      // Where the first picture put the map is where the app keeps it: no jump when the app arrives.
      expect(first.after.map((v) => Math.round(v))).toEqual(first.before.map((v) => Math.round(v)));

      // And it is the app's map now: a click on a seat opens its card.
      await page.page.locator('#seat-map').click();
      await page.cardTitle.waitFor();
    });
  }

  it('opens a seat clicked before the app arrived, and keeps the keyboard focus on the map', async () => {
    const page = seatMap();
    await page.page.addInitScript(RECORD_FIRST_DRAW);
    // The app's script is held back until the first map has been clicked and focused.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.page.route(/\/assets\/start-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.open();
    const map = page.page.locator('#seat-map');
    await map.and(page.page.locator('[data-seats-drawn="650"]')).waitFor();
    expect(await page.legend.count()).toBe(0);
    await map.click();
    await map.focus();
    release();

    await page.cardTitle.waitFor();
    expect(await page.page.evaluate(() => document.activeElement?.id)).toBe('seat-map');
    expect(new URL(page.page.url()).searchParams.get('seat')).toMatch(/^[EWSN]\d{8}$/);
  });

  it('is drawn again when the page is reloaded with the default view written into its address', async () => {
    const page = seatMap();
    await page.page.addInitScript(RECORD_FIRST_DRAW);
    await page.open();
    await page.legend.waitFor();
    // The app writes the view's defaults into the address; a reload or a bookmark of it is the same view.
    expect(new URL(page.page.url()).searchParams.get('measure')).toBe('winner');
    await page.page.reload();
    await expect.poll(() => page.drawn(), poll).toMatchObject({ count: 650 });
    const appMounted = await page.page.evaluate(
      () => (window as unknown as { __firstDraw?: { appMounted: boolean } }).__firstDraw?.appMounted,
    );
    expect(appMounted).toBe(false);
  });

  it('is not drawn for another view: the app draws that itself', async () => {
    const page = seatMap();
    await page.page.addInitScript(RECORD_FIRST_DRAW);
    await page.open('view=hex');
    await expect.poll(() => page.drawn(), poll).toMatchObject({ view: 'hex', count: 650 });
    const appMounted = await page.page.evaluate(
      () => (window as unknown as { __firstDraw?: { appMounted: boolean } }).__firstDraw?.appMounted,
    );
    expect(appMounted).toBe(true);
  });
});
