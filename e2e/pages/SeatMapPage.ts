import fs from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { artifactPath } from '../support/browser.ts';

/** The seat map page as a regional organiser sees it: controls, map, legend, seat card and table. */
export class SeatMapPage {
  readonly map: Locator;
  readonly mapStatus: Locator;
  readonly legend: Locator;
  readonly legendTitle: Locator;
  readonly search: Locator;
  readonly card: Locator;
  readonly cardTitle: Locator;
  readonly table: Locator;
  readonly tableRows: Locator;
  readonly tableCount: Locator;
  readonly csvLink: Locator;
  readonly boundaries: Locator;
  readonly election: Locator;
  readonly measure: Locator;
  readonly region: Locator;
  readonly winner: Locator;
  readonly redWall: Locator;

  constructor(readonly page: Page) {
    this.map = page.locator('.seat-map');
    this.mapStatus = this.map.getByRole('status');
    this.legend = page.locator('section.legend');
    this.legendTitle = this.legend.getByRole('heading');
    this.search = page.getByRole('combobox', { name: 'Find a seat' });
    this.card = page.getByRole('article');
    this.cardTitle = this.card.getByRole('heading', { level: 2 });
    this.table = page.getByRole('table');
    this.tableRows = this.table.locator('tbody tr');
    this.tableCount = page.locator('.table-panel__count');
    this.csvLink = page.getByRole('link', { name: /Download CSV/ });
    this.boundaries = page.getByLabel('Boundaries', { exact: true });
    this.election = page.getByLabel('Election', { exact: true });
    this.measure = page.getByLabel('Colour seats by', { exact: true });
    this.region = page.getByLabel('Region', { exact: true });
    this.winner = page.getByLabel('Winner', { exact: true });
    this.redWall = page.getByLabel('Red wall', { exact: true });
  }

  async open(query = ''): Promise<this> {
    await this.page.goto(`/${query ? `?${query}` : ''}`);
    return this;
  }

  viewButton(name: 'Boundaries' | 'Hex map'): Locator {
    return this.page.getByRole('group', { name: 'Map view' }).getByRole('button', { name });
  }

  /** What the map container says it drew: view, boundary set and the number of seats on its layer. */
  async drawn(): Promise<{ view: string | null; boundarySet: string | null; count: number }> {
    const [view, boundarySet, count] = await Promise.all([
      this.map.getAttribute('data-view'),
      this.map.getAttribute('data-boundary-set'),
      this.map.getAttribute('data-seat-count'),
    ]);
    return { view, boundarySet, count: Number(count ?? 0) };
  }

  async focusedSeat(): Promise<string | null> {
    return this.page.locator('.seat-map__leaflet').getAttribute('data-focused-seat');
  }

  /** Types into the seat search and presses Enter, as someone looking for their seat would. */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.page.getByRole('listbox', { name: 'Matching seats' }).getByRole('option').first().waitFor();
    await this.search.press('Enter');
  }

  legendSwatch(label: string): Locator {
    return this.legend.locator('.legend__item', { hasText: label }).locator('.legend__swatch');
  }

  /** The colour actually painted on the map canvas at the centre of the map. */
  async pixelAtMapCentre(): Promise<number[]> {
    return this.page.evaluate(() => {
      const map = document.querySelector('.seat-map__leaflet');
      const canvas = map?.querySelector<HTMLCanvasElement>('.leaflet-overlay-pane canvas');
      const ctx = canvas?.getContext('2d');
      if (!map || !canvas || !ctx) return [];
      const m = map.getBoundingClientRect();
      const c = canvas.getBoundingClientRect();
      const x = Math.round(((m.left + m.width / 2 - c.left) * canvas.width) / c.width);
      const y = Math.round(((m.top + m.height / 2 - c.top) * canvas.height) / c.height);
      return [...ctx.getImageData(x, y, 1, 1).data];
    });
  }

  /** Clicks the CSV link and returns the downloaded file's text. */
  async downloadCsv(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.csvLink.click()]);
    const file = await download.path();
    return { name: download.suggestedFilename(), text: await fs.readFile(file, 'utf8') };
  }

  async screenshot(name: string, fullPage = false): Promise<void> {
    await this.page.screenshot({ path: artifactPath(`${name}.png`), fullPage });
  }
}
