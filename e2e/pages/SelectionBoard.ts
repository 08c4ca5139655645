import type { Locator, Page } from 'playwright-core';

/** The national selections board (/selections/board): filters, CSV, and the tables by region and seat. */
export class SelectionBoardPage {
  readonly electionType: Locator;
  readonly stage: Locator;
  readonly csvButton: Locator;
  readonly summary: Locator;
  readonly byRegion: Locator;
  readonly bySeat: Locator;

  constructor(readonly page: Page) {
    this.electionType = page.getByLabel('Election type', { exact: true });
    this.stage = page.getByLabel('Stage', { exact: true });
    this.csvButton = page.getByRole('button', { name: 'Download CSV' });
    this.summary = page.getByTestId('board-summary');
    this.byRegion = page.getByRole('region', { name: 'Rules kept, by region' });
    this.bySeat = page.getByRole('region', { name: 'Rules kept, by kind of seat' });
  }

  async open(query = ''): Promise<this> {
    await this.page.goto(`/selections/board${query ? `?${query}` : ''}`);
    return this;
  }

  /** A group's row: a region by its code, or a kind of seat (red_wall, other, target, not_target). */
  row(key: string): Locator {
    return this.page.locator(`tr[data-group="${key}"]`);
  }

  /** A group's figures for one rule, by its column heading (each cell names it). */
  cell(key: string, column: string): Locator {
    return this.row(key).locator(`td[data-label="${column}"]`);
  }
}
