import type { Locator, Page } from 'playwright-core';

export interface ListedActivity {
  id: number;
  idempotencyKey: string;
  conversations: number | null;
}

/** The pilot page's activity log: the quick form, what waits on the device, the list, chart and import. */
export class ActivityLog {
  readonly section: Locator;
  readonly form: Locator;
  readonly date: Locator;
  readonly type: Locator;
  readonly notes: Locator;
  readonly save: Locator;
  readonly queueStatus: Locator;
  readonly sendNow: Locator;
  readonly list: Locator;
  readonly waiting: Locator;
  readonly chartTableToggle: Locator;
  readonly chartTable: Locator;
  readonly importSection: Locator;

  constructor(readonly page: Page) {
    this.section = page.locator('section.activity-section');
    this.form = page.getByRole('form', { name: 'Log activity' });
    this.date = this.form.getByLabel('Date', { exact: true });
    this.type = this.form.getByLabel('Type', { exact: true });
    this.notes = this.form.getByLabel('Notes', { exact: true });
    this.save = this.form.getByRole('button', { name: 'Save activity' });
    this.queueStatus = this.section.locator('.activity-queue');
    this.sendNow = this.section.getByRole('button', { name: 'Send now' });
    this.list = this.section.getByRole('list', { name: 'Activities' });
    this.waiting = this.list.locator('li.activity--queued');
    this.chartTableToggle = page.locator('.activity-chart summary', { hasText: 'Show as a table' });
    this.chartTable = page.getByRole('table', { name: 'Activity by week' });
    this.importSection = page.getByRole('region', { name: 'Import activities from a CSV file' });
  }

  /** The list's heading, where focus goes when the focused row is deleted. */
  get listHeading(): Locator {
    return this.section.getByRole('heading', { name: /^Logged activities/ });
  }

  /** Whether the element has the keyboard focus (not dropped to the page's body). */
  async focused(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => el === document.activeElement);
  }

  async open(pilotId: number): Promise<this> {
    await this.page.goto(`/pilots/${pilotId}`);
    await this.section.waitFor();
    return this;
  }

  count(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  /** Fills the form as a person would (type, a count or two, notes) and taps Save activity. */
  async log(opts: { type?: string; counts: Record<string, string>; notes?: string }): Promise<void> {
    if (opts.type) await this.type.selectOption({ label: opts.type });
    for (const [label, value] of Object.entries(opts.counts)) await this.count(label).fill(value);
    if (opts.notes) await this.notes.fill(opts.notes);
    await this.save.click();
  }

  /** The rows the list shows for activities already recorded (not those waiting). */
  get recorded(): Locator {
    return this.list.locator('li.activity:not(.activity--queued)');
  }

  /** The pilot's totals as the page shows them, by the contract's key (conversations, activities…). */
  total(key: string): Locator {
    return this.page.locator(`[data-total="${key}"] dd`);
  }

  /** The chart table's figures in one row: [week, activities, conversations, new members, people]. */
  async chartRows(): Promise<string[][]> {
    return this.chartTable
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent?.trim() ?? '')),
      );
  }

  /** Whether the page scrolls sideways (it must not, at any width). */
  async scrollWidth(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth);
  }

  // ---- Straight to the API from the page (its cookie, the CSRF token from /api/auth/me) ----

  /** Creates an active pilot in the CLP of the given seat, as the signed-in user; returns its id. */
  async createPilot(seatCode: string, title: string): Promise<number> {
    return this.page.evaluate(
      async ({ seatCode, title }) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const clps = (await (await fetch('/api/clps?region=E12000001&limit=650')).json()) as {
          items: { id: number; seat: { code: string } }[];
        };
        const clp = clps.items.find((c) => c.seat.code === seatCode);
        if (!clp) throw new Error(`no CLP for ${seatCode}`);
        const res = await fetch('/api/pilots', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: JSON.stringify({
            clpId: clp.id,
            title,
            issue: 'Bus route cut from the estate',
            category: 'transport',
            kind: 'community_organising',
            status: 'active',
            startsOn: '2026-01-05',
          }),
        });
        if (res.status !== 201) throw new Error(`POST /api/pilots: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { id: number }).id;
      },
      { seatCode, title },
    );
  }

  /** Every activity the server holds for the pilot (what is in the database, not what the page shows). */
  async stored(pilotId: number): Promise<{ total: number; items: ListedActivity[] }> {
    return this.page.evaluate(async (id) => {
      const res = await fetch(`/api/pilots/${id}/activities?limit=200`);
      if (!res.ok) throw new Error(`GET activities: ${res.status}`);
      return (await res.json()) as { total: number; items: ListedActivity[] };
    }, pilotId);
  }

  /** A write to the API as another tab or person would send it (cookie and CSRF token); the status. */
  async send(method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<number> {
    return this.page.evaluate(
      async ({ method, path, body }) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const res = await fetch(path, {
          method,
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: body === undefined ? null : JSON.stringify(body),
        });
        return res.status;
      },
      { method, path, body },
    );
  }

  /** The recorded activity showing this type. */
  row(type: string): Locator {
    return this.recorded.filter({ hasText: type });
  }

  editForm(type: string): Locator {
    return this.list.getByRole('form', { name: new RegExp(`^Edit ${type} on `) });
  }

  // ---- The import ----

  get importFile(): Locator {
    return this.importSection.getByLabel('CSV file', { exact: true });
  }

  get checkFile(): Locator {
    return this.importSection.getByRole('button', { name: 'Check the file' });
  }

  get importStatus(): Locator {
    return this.importSection.getByRole('status');
  }

  get importErrors(): Locator {
    return this.importSection.getByRole('table', { name: 'Rows to fix before anything is imported' });
  }

  importButton(n: number): Locator {
    return this.importSection.getByRole('button', {
      name: `Import ${n} ${n === 1 ? 'activity' : 'activities'}`,
    });
  }

  /** Chooses a CSV file made in the test and asks for the preview. */
  async chooseCsv(name: string, csv: string): Promise<void> {
    await this.importFile.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await this.checkFile.click();
  }
}
