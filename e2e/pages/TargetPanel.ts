import type { Locator, Page } from 'playwright-core';

/** The seat card's Target section: what the target is, its inline editor and its history. */
export class TargetPanel {
  readonly section: Locator;
  readonly status: Locator;
  readonly setBy: Locator;
  readonly editButton: Locator;
  readonly form: Locator;
  readonly statusSelect: Locator;
  readonly tierSelect: Locator;
  readonly rationale: Locator;
  readonly saveButton: Locator;
  readonly history: Locator;
  readonly historySummary: Locator;
  readonly historyEntries: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('article').getByRole('region', { name: 'Target' });
    this.status = this.section.getByTestId('target-status');
    this.setBy = this.section.locator('.target__by');
    this.editButton = this.section.getByRole('button', { name: 'Edit target' });
    this.form = this.section.getByRole('form', { name: 'Edit target' });
    this.statusSelect = this.form.getByLabel('Status', { exact: true });
    this.tierSelect = this.form.getByLabel('Tier', { exact: true });
    this.rationale = this.form.getByLabel('Rationale', { exact: true });
    this.saveButton = this.form.getByRole('button', { name: 'Save target' });
    this.history = this.section.locator('details.history');
    this.historySummary = this.history.locator('summary');
    this.historyEntries = this.history.locator('.history__entry');
  }

  /** Opens the editor, sets status, tier and rationale, and saves. */
  async setTarget(status: string, tier: string, rationale: string): Promise<void> {
    await this.editButton.click();
    await this.statusSelect.selectOption(status);
    await this.tierSelect.selectOption(tier);
    await this.rationale.fill(rationale);
    await this.saveButton.click();
  }

  async openHistory(): Promise<void> {
    await this.historySummary.click();
  }

  /**
   * A PUT of this seat's target straight from the page, with the session's cookie and the CSRF token from
   * /api/auth/me, as a script on the page could send it. Returns the status code.
   */
  async putFromPage(code: string, body: Record<string, unknown>): Promise<number> {
    return this.page.evaluate(
      async ({ code, body }) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const res = await fetch(`/api/seats/2024/${code}/target`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: JSON.stringify(body),
        });
        return res.status;
      },
      { code, body },
    );
  }

  /** What the section says of the red-wall flag (at the full level). */
  get redWallFact(): Locator {
    return this.section.getByTestId('target-red-wall');
  }

  get overrideSelect(): Locator {
    return this.form.getByLabel('Red-wall flag', { exact: true });
  }

  get overrideReason(): Locator {
    return this.form.getByLabel('Reason for overriding the red-wall flag', { exact: true });
  }

  /** Opens the editor, sets the red-wall flag against the computed one with a reason, and saves. */
  async overrideRedWall(redWall: boolean, reason: string): Promise<void> {
    await this.editButton.click();
    await this.overrideSelect.selectOption(String(redWall));
    await this.overrideReason.fill(reason);
    await this.saveButton.click();
  }

  /** GET of a seat's target (with its version) from the page, with the session's cookie. */
  async getFromPage(code: string): Promise<{ version: number; redWall: boolean; redWallComputed: boolean }> {
    return this.page.evaluate(async (c) => {
      const res = await fetch(`/api/seats/2024/${c}/target`);
      if (!res.ok) throw new Error(`GET target ${c}: ${res.status}`);
      return (await res.json()) as { version: number; redWall: boolean; redWallComputed: boolean };
    }, code);
  }
}

/** The Regional board page: a region's targets by tier and their CSV. */
export class RegionalBoardPage {
  readonly region: Locator;
  readonly table: Locator;
  readonly csvLink: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByLabel('Region', { exact: true });
    this.table = page.getByRole('table');
    this.csvLink = page.getByRole('link', { name: 'Download CSV' });
  }

  async open(): Promise<this> {
    await this.page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Regional board' })
      .click();
    await this.page.waitForURL(/\/board/);
    return this;
  }

  row(code: string): Locator {
    return this.table.locator(`tr[data-seat="${code}"]`);
  }

  /** The CSV behind the link, fetched by the page with its session. */
  async csvText(): Promise<string> {
    const href = await this.csvLink.getAttribute('href');
    if (!href) throw new Error('no CSV link');
    return this.page.evaluate(async (url) => (await fetch(url)).text(), href);
  }
}
