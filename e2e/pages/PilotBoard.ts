import type { Locator, Page } from 'playwright-core';
import {
  ZAuthState,
  ZPilot,
  ZRegionBoard,
  ZSelection,
  type TCreateActivityRequest,
  type TCreateCandidacyRequest,
  type TCreateSelectionRequest,
  type TSelection,
  type TCreatePilotRequest,
  type TPilot,
  type TRegionBoard,
} from '@groundwork/server/contracts';
import { inject } from 'vitest';

/** The pilot board page (/pilots/board): filters, the regional or national board, the vote comparison. */
export class PilotBoardPage {
  readonly region: Locator;
  readonly status: Locator;
  readonly activityFrom: Locator;
  readonly activityTo: Locator;
  readonly goalText: Locator;
  readonly underWayNote: Locator;
  readonly activity: Locator;
  readonly pilotsTable: Locator;
  readonly goalMeter: Locator;
  readonly csvLink: Locator;
  readonly seatsWithoutPilot: Locator;
  readonly voteEffect: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByLabel('Region', { exact: true });
    this.status = page.getByLabel('Status', { exact: true });
    this.activityFrom = page.getByLabel('Activity from', { exact: true });
    this.activityTo = page.getByLabel('Activity to', { exact: true });
    this.goalText = page.getByTestId('goal-text');
    this.underWayNote = page.getByTestId('under-way-note');
    this.activity = page.getByRole('region', { name: 'Activity over time' });
    this.pilotsTable = page.locator('.pilot-board__table');
    this.goalMeter = page.locator('.goal-meter meter');
    this.csvLink = page.getByRole('link', { name: 'Download CSV' });
    this.seatsWithoutPilot = page.getByRole('region', { name: /with no pilot/ });
    this.voteEffect = page.getByRole('region', { name: 'What the pilots did to the vote' });
  }

  async open(query = ''): Promise<this> {
    await this.page.goto(`/pilots/board${query ? `?${query}` : ''}`);
    return this;
  }

  /** A pilot's row on a regional board. */
  pilotRow(id: number): Locator {
    return this.page.locator(`tr[data-pilot="${id}"]`);
  }

  /** A pilot's figure by its column (each cell names it, as a phone shows it). */
  pilotCell(id: number, column: string): Locator {
    return this.pilotRow(id).locator(`td[data-label="${column}"]`);
  }

  /** The error shown under a filter, found through the field's aria-describedby. */
  async errorOf(field: Locator): Promise<string | null> {
    const ids = (await field.getAttribute('aria-describedby')) ?? '';
    const id = ids.split(' ').find((i) => i.endsWith('-error'));
    return id ? this.page.locator(`[id="${id}"]`).textContent() : null;
  }

  /** A region's row on the national board. */
  regionRow(code: string): Locator {
    return this.page.locator(`tr[data-region="${code}"]`);
  }

  /** The board shown: a region code, or "national". */
  async shown(): Promise<string | null> {
    return this.page.locator('.pilot-board__body').getAttribute('data-region');
  }
}

/** A session of the API from the test itself (not the page), to make data as another user would. */
export class ApiSession {
  private constructor(
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async signIn(email: string, password: string): Promise<ApiSession> {
    const res = await fetch(`${inject('baseUrl')}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .join('; ');
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return new ApiSession(cookie, csrfToken);
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${inject('baseUrl')}${path}`, {
      method,
      headers: {
        Cookie: this.cookie,
        'X-CSRF-Token': this.csrf,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  async createPilot(body: TCreatePilotRequest): Promise<TPilot> {
    return ZPilot.parse(await this.call('POST', '/api/pilots', body));
  }

  /** Logs an activity as the organiser's phone would (a fresh idempotency key). */
  async logActivity(pilotId: number, body: Omit<TCreateActivityRequest, 'idempotencyKey'>): Promise<void> {
    await this.call('POST', `/api/pilots/${pilotId}/activities`, {
      idempotencyKey: crypto.randomUUID(),
      ...body,
    });
  }

  /** Starts a selection as the CLP's selection officer would (sittingMember and stages may be left out). */
  async createSelection(
    body: Omit<TCreateSelectionRequest, 'sittingMember' | 'stages'> & Partial<TCreateSelectionRequest>,
  ): Promise<TSelection> {
    return ZSelection.parse(await this.call('POST', '/api/selections', body));
  }

  async addCandidacy(selectionId: number, body: TCreateCandidacyRequest): Promise<TSelection> {
    return ZSelection.parse(await this.call('POST', `/api/selections/${selectionId}/candidacies`, body));
  }

  async regionBoard(region: string): Promise<TRegionBoard> {
    return ZRegionBoard.parse(await this.call('GET', `/api/pilot-boards/region?region=${region}`));
  }

  /** The CLP of the signed-in user's first CLP-scoped grant (an organiser's own CLP). */
  async ownClp(): Promise<{ id: number; name: string }> {
    const me = ZAuthState.parse(await this.call('GET', '/api/auth/me'));
    const clp = me.grants.find((g) => g.clp)?.clp;
    if (!clp) throw new Error('the user holds no CLP role');
    return clp;
  }
}
