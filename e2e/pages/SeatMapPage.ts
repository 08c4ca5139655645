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

  // Phones and keyboards (issue 6)

  /** The Leaflet container: focusable, and where the skip link lands. */
  get mapContainer(): Locator {
    return this.page.locator('#seat-map');
  }

  /** What the map last said about the seat the keyboard is on (a polite live region). */
  get mapAnnouncement(): Locator {
    return this.page.getByTestId('map-announcement');
  }

  /** The button that opens the filters drawer on narrow screens, and the drawer. */
  get filtersButton(): Locator {
    return this.page.getByRole('button', { name: /^Filters/ });
  }

  get filtersDrawer(): Locator {
    return this.page.getByRole('dialog', { name: 'Seats and filters' });
  }

  /** Whether the page is no wider than the window (nothing to scroll sideways). */
  async fitsWidth(): Promise<{ scrollWidth: number; innerWidth: number }> {
    return this.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
  }

  /** The id, or else the accessible text, of the element that has focus. */
  async focused(): Promise<{ id: string; tag: string; label: string }> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      return {
        id: el?.id ?? '',
        tag: el?.tagName.toLowerCase() ?? '',
        label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
      };
    });
  }

  /**
   * The pixels along a line from the map's centre towards one edge, one per CSS pixel: the seats' canvas
   * and the selected-outline canvas above it (RGBA each), to see what is drawn where.
   */
  async scanFromCentre(
    towards: 'right' | 'left' | 'up' | 'down',
  ): Promise<{ seats: number[]; outline: number[] }[]> {
    return this.page.evaluate((towards) => {
      const map = document.getElementById('seat-map');
      const read = (selector: string) => {
        const canvas = map?.querySelector<HTMLCanvasElement>(selector);
        const ctx = canvas?.getContext('2d');
        if (!canvas || !ctx) return () => [0, 0, 0, 0];
        const r = canvas.getBoundingClientRect();
        return (x: number, y: number) => [
          ...ctx.getImageData(
            Math.round(((x - r.left) * canvas.width) / r.width),
            Math.round(((y - r.top) * canvas.height) / r.height),
            1,
            1,
          ).data,
        ];
      };
      if (!map) return [];
      const seats = read('.leaflet-overlay-pane canvas');
      const outline = read('.leaflet-seat-selected-pane canvas');
      const m = map.getBoundingClientRect();
      const [dx, dy] = { right: [1, 0], left: [-1, 0], up: [0, -1], down: [0, 1] }[towards] as [
        number,
        number,
      ];
      const out: { seats: number[]; outline: number[] }[] = [];
      const steps = Math.floor((dx ? m.width : m.height) / 2) - 4;
      for (let i = 0; i < steps; i += 1) {
        const x = m.left + m.width / 2 + dx * i;
        const y = m.top + m.height / 2 + dy * i;
        out.push({ seats: seats(x, y), outline: outline(x, y) });
      }
      return out;
    }, towards);
  }

  // Measures and seat layers (issue 6)

  /** The filters of the target measure in the filters panel. */
  get targetFilter(): Locator {
    return this.page.getByLabel('Target status', { exact: true });
  }

  get tierFilter(): Locator {
    return this.page.getByLabel('Target tier', { exact: true });
  }

  /** An option of the "Colour seats by" menu, by the start of its text (e.g. "Target status"). */
  measureOption(label: string): Locator {
    return this.measure.locator('option', { hasText: label });
  }

  /**
   * Drags the map, as a person would with a finger, until `target` (a marker) is in the middle of the map
   * if the legend or the map's edge hides it: where a marker lands after a cluster opens depends on the
   * other pilots near it, which other tests make.
   */
  async dragIntoClearView(target: Locator): Promise<void> {
    const [box, map, legend] = await Promise.all([
      target.boundingBox(),
      this.map.boundingBox(),
      this.legend.boundingBox(),
    ]);
    if (!box || !map) throw new Error('The marker or the map is not on the page');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const underLegend =
      legend !== null &&
      x >= legend.x - 4 &&
      x <= legend.x + legend.width + 4 &&
      y >= legend.y - 4 &&
      y <= legend.y + legend.height + 4;
    const offMap =
      x < map.x + 50 || x > map.x + map.width - 10 || y < map.y + 10 || y > map.y + map.height - 30;
    if (!underLegend && !offMap) return;
    // From a point low on the map's left, clear of the zoom buttons, the legend and the licence line.
    const from = { x: map.x + 30, y: map.y + map.height - 60 };
    const dx = map.x + map.width / 2 - x;
    const dy = map.y + map.height / 2 - y;
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + dx, from.y + dy, { steps: 12 });
    await this.page.mouse.up();
  }

  /** The legend's count of red-wall seats among those shown. */
  async legendRedWallCount(): Promise<number> {
    const item = this.legend.locator('.legend__item', { hasText: 'Red-wall seat' });
    return Number(await item.locator('.legend__count').textContent());
  }

  /**
   * How many pixels of the seats' canvas are painted in the red-wall outline's near-black (#14161a): it
   * grows when a seat in view gains the outline. The selected seat's own outline is on another canvas.
   */
  async redWallOutlinePixels(): Promise<number> {
    return this.page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>(
        '.seat-map__leaflet .leaflet-overlay-pane canvas',
      );
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return -1;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
        if (Math.abs(r - 0x14) < 24 && Math.abs(g - 0x16) < 24 && Math.abs(b - 0x1a) < 24) n += 1;
      }
      return n;
    });
  }
}
