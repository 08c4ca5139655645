import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/** Where the pages' screenshots go, to be looked at by a person (and kept out of the repository). */
export function shotPath(name: string): string {
  fs.mkdirSync('/tmp/shots', { recursive: true });
  return `/tmp/shots/${name}.png`;
}

/** Whether the page is no wider than the window: nothing to scroll sideways on a phone. */
export async function pageWidth(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** Whether the element has the keyboard focus (not dropped to the page's body). */
export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** The element's height on screen, in CSS pixels: a tap target needs 44. */
export async function heightOf(locator: Locator): Promise<number> {
  return (await locator.boundingBox())?.height ?? 0;
}

/** /pilots: the organiser's list (or a CLP's), with its filters and "Start a pilot". */
export class PilotListPage {
  readonly heading: Locator;
  readonly startButton: Locator;
  readonly cards: Locator;
  readonly csvLink: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 2 });
    this.startButton = page.getByRole('link', { name: 'Start a pilot' });
    this.cards = page.locator('.pilot-card');
    this.csvLink = page.getByRole('link', { name: 'Download CSV' });
    this.status = page.getByLabel('Status', { exact: true });
  }

  async open(query = ''): Promise<this> {
    await this.page.goto(`/pilots${query ? `?${query}` : ''}`);
    return this;
  }

  card(title: string): Locator {
    return this.cards.filter({ hasText: title });
  }
}

/** The pilot form, on /pilots/new or the pilot page's Edit. */
export class PilotFormPage {
  readonly form: Locator;
  readonly title: Locator;
  readonly issue: Locator;
  readonly category: Locator;
  readonly kind: Locator;
  readonly startsOn: Locator;
  readonly goals: Locator;
  readonly map: Locator;
  readonly readyMap: Locator;
  readonly location: Locator;
  readonly locationError: Locator;
  readonly chosenPoint: Locator;
  readonly latitude: Locator;
  readonly longitude: Locator;
  readonly organiser: Locator;
  readonly partners: Locator;
  readonly save: Locator;
  readonly conflict: Locator;
  readonly saveOverTheirs: Locator;

  constructor(
    readonly page: Page,
    name: 'New pilot' | 'Edit pilot',
  ) {
    this.form = page.getByRole('form', { name });
    this.title = this.form.getByLabel('Title', { exact: true });
    this.issue = this.form.getByLabel('The local issue');
    this.category = this.form.getByLabel('Category', { exact: true });
    this.kind = this.form.getByLabel('Kind', { exact: true });
    this.startsOn = this.form.getByLabel('Starts', { exact: true });
    this.goals = this.form.getByLabel('Goals (optional)');
    this.location = this.form.getByRole('group', { name: 'Location (optional)' });
    this.map = this.location.locator('.location-map');
    this.readyMap = this.location
      .locator('.location-picker__map[data-ready="true"] .leaflet-overlay-pane path')
      .first();
    this.locationError = this.location.locator('.field__error');
    this.chosenPoint = this.location.locator('.location-picker__chosen');
    this.latitude = this.location.getByLabel('Latitude');
    this.longitude = this.location.getByLabel('Longitude');
    this.organiser = this.form.getByLabel('Responsible organiser');
    this.partners = this.form.getByRole('group', { name: 'Partners (optional)' });
    this.save = this.form.getByRole('button', { name: name === 'New pilot' ? 'Save pilot' : 'Save changes' });
    this.conflict = this.form.locator('.pilot-conflict');
    this.saveOverTheirs = this.conflict.getByRole('button', { name: 'Save my changes over theirs' });
  }

  /** Waits for the seat's outline to be drawn, then taps the map's middle: inside the seat by design. */
  async tapInsideSeat(): Promise<void> {
    await this.readyMap.waitFor();
    await this.map.click();
  }

  /** Taps near the map's bottom-left corner (west of the seat, inland; the zoom buttons are top left). */
  async tapOutsideSeat(): Promise<void> {
    await this.readyMap.waitFor();
    const box = await this.map.boundingBox();
    if (!box) throw new Error('the location map is not on screen');
    await this.map.click({ position: { x: 8, y: box.height - 8 } });
  }

  /** Adds a partner that does not exist yet, from the search box's words, as a community group. */
  async addNewPartner(search: string, name: string): Promise<void> {
    await this.partners.getByLabel('Find a union branch or community group').fill(search);
    await this.partners.getByText(`No partner matches “${search}”`).waitFor();
    await this.partners.getByRole('button', { name: 'Add a new partner' }).click();
    await this.partners.getByLabel('Partner name').fill(name);
    await this.partners.getByRole('button', { name: 'Add partner' }).click();
    await this.partners.getByRole('list', { name: 'Chosen partners' }).getByText(name).waitFor();
  }

  /** The error (if any) shown under the first field of that label. */
  errorUnder(label: string): Locator {
    return this.form
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field__error');
  }
}

/** /pilots/<id>. */
export class PilotDetailPage {
  readonly article: Locator;
  readonly heading: Locator;
  readonly status: Locator;
  readonly location: Locator;
  readonly totals: Locator;
  readonly editButton: Locator;

  constructor(readonly page: Page) {
    this.article = page.locator('article.pilot-page');
    this.heading = this.article.getByRole('heading', { level: 2 });
    this.status = this.article.locator('.pilot-page__status .pilot-status');
    this.location = this.article.getByTestId('pilot-location');
    this.totals = this.article.getByRole('region', { name: 'Totals' });
    this.editButton = this.article.getByRole('button', { name: 'Edit', exact: true });
  }

  async open(id: number): Promise<this> {
    await this.page.goto(`/pilots/${id}`);
    return this;
  }

  idFromUrl(): number {
    const m = /\/pilots\/(\d+)$/.exec(new URL(this.page.url()).pathname);
    if (!m) throw new Error(`not on a pilot page: ${this.page.url()}`);
    return Number(m[1]);
  }

  /** Makes a pilot in the user's own CLP straight through the API, from the page (cookie, CSRF token). */
  async createFromPage(title: string): Promise<number> {
    return this.page.evaluate(async (title) => {
      const me = (await (await fetch('/api/auth/me')).json()) as {
        csrfToken: string;
        grants: { role: string; clpId: number | null }[];
      };
      const clpId = me.grants.find((g) => g.role === 'organiser')?.clpId;
      const res = await fetch('/api/pilots', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({
          clpId,
          title,
          issue: 'Fly-tipping on the back lanes.',
          category: 'environment',
          kind: 'community_organising',
          startsOn: '2026-09-01',
        }),
      });
      if (res.status !== 201) throw new Error(`POST /api/pilots: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: number }).id;
    }, title);
  }

  /**
   * Someone else's edit, sent from the page with the session's cookie and CSRF token: the pilot as the
   * server has it, with a new title, saved at its current version. Returns the status code.
   */
  async renameFromElsewhere(id: number, title: string): Promise<number> {
    return this.page.evaluate(
      async ({ id, title }) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const p = (await (await fetch(`/api/pilots/${id}`)).json()) as Record<string, unknown> & {
          organiser?: { id: number } | null;
          partners: { id: number }[];
        };
        const body = {
          title,
          issue: p.issue,
          category: p.category,
          kind: p.kind,
          status: p.status,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          goals: p.goals,
          ...(p.organiser ? { organiserId: p.organiser.id } : {}),
          location: p.location,
          partnerIds: p.partners.map((x) => x.id),
          outcome: p.outcome,
          evidenceLinks: p.evidenceLinks,
          lessons: p.lessons,
          version: p.version,
        };
        const res = await fetch(`/api/pilots/${id}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: JSON.stringify(body),
        });
        return res.status;
      },
      { id, title },
    );
  }
}
