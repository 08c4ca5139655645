import { describe, expect, it } from 'vitest';
import { api } from './support/api.ts';
import { useSeatMapPage } from './support/fixture.ts';

const poll = { timeout: 20_000, interval: 100 };

describe('finding a seat and sharing the view', () => {
  const seatMap = useSeatMapPage();

  it('opens Blyth Valley from the search on the 2010 seats with its 2019 majority of 712', async () => {
    const page = seatMap();
    const blyth = (await api.seats('boundarySet=2010&q=Blyth%20Valley')).items.find(
      (s) => s.name === 'Blyth Valley',
    );
    if (!blyth) throw new Error('Blyth Valley is not in the 2010 data');

    await page.open('boundarySet=2010');
    await page.searchFor('Blyth Valley');
    await expect.poll(() => page.cardTitle.textContent(), poll).toBe('Blyth Valley');
    const majority = page.card.locator('dt', { hasText: 'Majority' }).locator('xpath=following-sibling::dd');
    await expect.poll(() => majority.textContent(), poll).toMatch(/^712 votes \(\d+\.\d%\)$/);
    await expect.poll(() => page.card.textContent()).toContain('2019');
    await expect.poll(() => page.focusedSeat(), poll).toBe(blyth.code);
    await expect.poll(() => new URL(page.page.url()).searchParams.get('seat')).toBe(blyth.code);
    await page.screenshot('card-blyth-valley');
  });

  it('moves through matches with the arrow keys and opens the highlighted one with Enter', async () => {
    const page = seatMap();
    await page.open('boundarySet=2010');
    await page.search.fill('durham');
    const options = page.page.getByRole('listbox', { name: 'Matching seats' }).getByRole('option');
    await expect.poll(() => options.count(), poll).toBeGreaterThanOrEqual(3);
    const names = await options.allTextContents();
    await page.search.press('ArrowDown');
    await page.search.press('ArrowDown');
    await expect.poll(() => options.nth(1).getAttribute('aria-selected')).toBe('true');
    await expect
      .poll(() => page.search.getAttribute('aria-activedescendant'))
      .toBe(await options.nth(1).getAttribute('id'));
    await page.search.press('Enter');
    await expect.poll(() => page.cardTitle.textContent(), poll).toBe(names[1]);
    await expect.poll(() => page.search.inputValue()).toBe(names[1]);
  });

  it('restores boundaries, measure, view, filters and the open seat from a shared link', async () => {
    const page = seatMap();
    const [regions, blythList] = await Promise.all([
      api.regions(),
      api.seats('boundarySet=2010&q=Blyth%20Valley'),
    ]);
    const northEast = regions.find((r) => r.name === 'North East');
    const blyth = blythList.items.find((s) => s.name === 'Blyth Valley');
    if (!northEast || !blyth) throw new Error('missing reference data');

    await page.open(
      `boundarySet=2010&election=GE2019&measure=majorityPct&view=hex&region=${northEast.code}&seat=${blyth.code}`,
    );
    await expect.poll(() => page.cardTitle.textContent(), poll).toBe('Blyth Valley');
    await expect.poll(() => page.boundaries.inputValue()).toBe('2010');
    await expect.poll(() => page.election.inputValue()).toBe('GE2019');
    await expect.poll(() => page.measure.inputValue()).toBe('majorityPct');
    await expect.poll(() => page.region.inputValue()).toBe(northEast.code);
    await expect.poll(() => page.viewButton('Hex map').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.legendTitle.textContent(), poll).toBe('Majority (% of valid votes)');
    await expect.poll(() => page.drawn(), poll).toEqual({ view: 'hex', boundarySet: '2010', count: 650 });
    await expect
      .poll(() => page.mapStatus.textContent(), poll)
      .toBe(`650 seats shown · ${northEast.seats['2010']} match the filters`);
    await expect.poll(() => page.tableRows.count(), poll).toBe(northEast.seats['2010']);
    await expect.poll(() => page.focusedSeat(), poll).toBe(blyth.code);
    await page.screenshot('shared-link-restored');
  });

  it('follows a seat onto the other boundaries from its card', async () => {
    const page = seatMap();
    const blyth = (await api.seats('boundarySet=2010&q=Blyth%20Valley')).items.find(
      (s) => s.name === 'Blyth Valley',
    );
    if (!blyth) throw new Error('Blyth Valley is not in the 2010 data');

    await page.open(`boundarySet=2010&seat=${blyth.code}`);
    await expect.poll(() => page.cardTitle.textContent(), poll).toBe('Blyth Valley');
    const successor = page.card
      .getByRole('region', { name: 'On the 2024 boundaries' })
      .getByRole('button')
      .first();
    const name = await successor.textContent();
    await successor.click();
    await expect.poll(() => page.cardTitle.textContent(), poll).toBe(name);
    await expect.poll(() => page.boundaries.inputValue()).toBe('2024');
    await expect.poll(() => page.election.inputValue()).toBe('GE2024');
    await expect.poll(() => page.drawn(), poll).toMatchObject({ boundarySet: '2024', count: 650 });
    await expect.poll(() => page.card.textContent(), poll).toContain('Blyth Valley');
  });
});
