import { describe, expect, it } from 'vitest';
import { api } from './support/api.ts';
import { parseCsv } from './support/csv.ts';
import { useSeatMapPage } from './support/fixture.ts';

const poll = { timeout: 20_000, interval: 100 };

describe('seat table', () => {
  const seatMap = useSeatMapPage();

  it('narrows the table to a region and says how many seats match', async () => {
    const page = seatMap();
    const northEast = (await api.regions()).find((r) => r.name === 'North East');
    if (!northEast) throw new Error('no North East region');
    const expected = northEast.seats['2024'];

    await page.open('boundarySet=2024');
    await expect.poll(() => page.tableCount.textContent(), poll).toBe('650 seats');
    await page.region.selectOption(northEast.code);
    await expect.poll(() => page.tableCount.textContent(), poll).toBe(`${expected} seats`);
    await expect.poll(() => page.tableRows.count(), poll).toBe(expected);
    const regionsShown = await page.tableRows.locator('td:nth-of-type(1)').allTextContents();
    expect(new Set(regionsShown)).toEqual(new Set(['North East']));
    await expect
      .poll(() => page.mapStatus.textContent(), poll)
      .toBe(`650 seats shown · ${expected} match the filters`);
    await expect.poll(() => new URL(page.page.url()).searchParams.get('region')).toBe(northEast.code);
  });

  it('sorts by a column when its header is clicked and says so to screen readers', async () => {
    const page = seatMap();
    await page.open('boundarySet=2024');
    // One column says the majority in votes and per cent; it sorts by the per cent, as the map colours it.
    const header = page.table.getByRole('columnheader', { name: /^Majority/ });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort'), poll).toBe('ascending');
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort'), poll).toBe('descending');
    const top = (await api.seats('boundarySet=2024&sort=-majorityPct&limit=1')).items[0];
    await expect
      .poll(() => page.tableRows.first().getByRole('rowheader').textContent(), poll)
      .toContain(top?.name ?? '?');
  });

  it('downloads exactly the filtered rows as CSV', async () => {
    const page = seatMap();
    const northEast = (await api.regions()).find((r) => r.name === 'North East');
    if (!northEast) throw new Error('no North East region');
    const filters = `boundarySet=2010&election=GE2019&region=${northEast.code}&redWall=true`;
    const expected = await api.seats(filters);
    expect(expected.total).toBeGreaterThan(0);

    await page.open(filters);
    await expect.poll(() => page.tableRows.count(), poll).toBe(expected.total);
    const { name, text } = await page.downloadCsv();
    expect(name).toMatch(/\.csv$/);
    const [header, ...rows] = parseCsv(text);
    const codeColumn = (header ?? []).findIndex((h) => /code/i.test(h));
    expect(codeColumn).toBeGreaterThanOrEqual(0);
    expect(rows).toHaveLength(expected.total);
    expect(new Set(rows.map((r) => r[codeColumn]))).toEqual(new Set(expected.items.map((s) => s.code)));
  });
});
