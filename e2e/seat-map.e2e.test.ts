import { describe, expect, it } from 'vitest';
import { api, closeTo, cssRgb, hexToRgb } from './support/api.ts';
import { useSeatMapPage } from './support/fixture.ts';

const poll = { timeout: 20_000, interval: 100 };
const majorityLabel = (pct: number) =>
  pct < 5 ? '0–5' : pct < 10 ? '5–10' : pct < 15 ? '10–15' : pct < 20 ? '15–20' : pct < 30 ? '20–30' : '30+';

describe('seat map', () => {
  const seatMap = useSeatMapPage();

  it('draws every seat of the 2024 set, then of the 2010 set', async () => {
    const page = seatMap();
    const [total2024, total2010] = await Promise.all([
      api.seats('boundarySet=2024&limit=1').then((r) => r.total),
      api.seats('boundarySet=2010&limit=1').then((r) => r.total),
    ]);
    expect([total2024, total2010]).toEqual([650, 650]);

    await page.open();
    await expect.poll(() => page.drawn(), poll).toEqual({ view: 'geo', boundarySet: '2024', count: 650 });
    await expect.poll(() => page.mapStatus.textContent(), poll).toBe('650 seats shown');

    await page.boundaries.selectOption('2010');
    await expect.poll(() => page.drawn(), poll).toEqual({ view: 'geo', boundarySet: '2010', count: 650 });
    await expect.poll(() => page.mapStatus.textContent(), poll).toBe('650 seats shown');
    await expect.poll(() => page.election.inputValue()).toBe('GE2019');
    await page.screenshot('map-2010-winner');
  });

  it('recolours the seats and rewrites the legend when the measure changes', async () => {
    const page = seatMap();
    const [parties, list] = await Promise.all([
      api.parties(),
      api.seats('boundarySet=2024&winner=Lab&sort=-electorate'),
    ]);
    const seat = list.items.find((s) => s.result && s.result.majorityPct > 2);
    const labour = parties.find((p) => p.code === 'Lab');
    if (!seat?.result || !labour) throw new Error('the data has no Labour seat to look at');

    await page.open('boundarySet=2024');
    await page.searchFor(seat.name);
    await expect.poll(() => page.focusedSeat(), poll).toBe(seat.code);
    await expect.poll(() => page.legendTitle.textContent(), poll).toBe('Winning party');
    await expect
      .poll(() => page.pixelAtMapCentre(), poll)
      .toSatisfy((px: number[]) => closeTo(px, hexToRgb(labour.colour)));

    await page.measure.selectOption({ label: 'Majority' });
    await expect.poll(() => page.legendTitle.textContent(), poll).toBe('Majority (% of valid votes)');
    await expect.poll(() => page.legend.textContent(), poll).toContain('20–30');
    const label = majorityLabel(seat.result.majorityPct);
    const swatch = cssRgb(
      await page
        .legendSwatch(label)
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    );
    expect(closeTo(swatch, hexToRgb(labour.colour))).toBe(false);
    await expect.poll(() => page.pixelAtMapCentre(), poll).toSatisfy((px: number[]) => closeTo(px, swatch));
    await expect.poll(() => page.map.getAttribute('data-measure')).toBe('majorityPct');
    await page.screenshot('map-2024-majority');
  });

  it('switches to the hex cartogram with one hexagon per seat and keeps the legend', async () => {
    const page = seatMap();
    const parties = await api.parties();
    await page.open('boundarySet=2024&measure=winner');
    await expect.poll(() => page.drawn(), poll).toMatchObject({ view: 'geo', count: 650 });

    await page.viewButton('Hex map').click();
    await expect.poll(() => page.drawn(), poll).toEqual({ view: 'hex', boundarySet: '2024', count: 650 });
    await expect.poll(() => page.mapStatus.textContent(), poll).toBe('650 seats shown');
    await expect.poll(() => page.viewButton('Hex map').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.legendTitle.textContent()).toBe('Winning party');
    await expect.poll(() => page.page.url()).toContain('view=hex');

    // The hexagons are really painted: a searched seat's hexagon shows its winner's colour.
    const seat = (await api.seats('boundarySet=2024&winner=Con&limit=1')).items[0];
    const con = parties.find((p) => p.code === 'Con');
    if (!seat || !con) throw new Error('the data has no Conservative seat');
    await page.searchFor(seat.name);
    await expect.poll(() => page.focusedSeat(), poll).toBe(seat.code);
    await expect
      .poll(() => page.pixelAtMapCentre(), poll)
      .toSatisfy((px: number[]) => closeTo(px, hexToRgb(con.colour)));
    await page.screenshot('map-2024-hex');
  });
});
