import type { Locator, Page } from 'playwright-core';

/** /selections: the tracker, its "where" choice, calendar link and "Start a selection". */
export class SelectionTracker {
  readonly heading: Locator;
  readonly startButton: Locator;
  readonly startForm: Locator;
  readonly scope: Locator;
  readonly calendarLink: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 2 });
    this.startButton = page.getByRole('button', { name: 'Start a selection' });
    this.startForm = page.getByRole('form', { name: 'Start a selection' });
    this.scope = page.getByLabel('Show selections in');
    this.calendarLink = page.getByRole('link', { name: 'Add to your calendar' });
    this.cards = page.locator('.selection-card');
  }

  async open(query = ''): Promise<this> {
    await this.page.goto(`/selections${query ? `?${query}` : ''}`);
    return this;
  }

  card(id: number): Locator {
    return this.page.locator(`.selection-card[data-selection="${id}"]`);
  }

  /** Fills "Start a selection" and submits it; the page then moves to the new selection. */
  async start(electionType: string): Promise<void> {
    await this.startButton.click();
    await this.startForm.getByLabel('Election type').selectOption({ label: electionType });
    await this.startForm.getByRole('button', { name: 'Start the selection' }).click();
  }
}

export interface Applicant {
  name: string;
  occupation: string;
  livesLocally: boolean;
}

/** /selections/<id>: the public face, and the officer's forms when they may edit. */
export class SelectionDetail {
  readonly article: Locator;
  readonly heading: Locator;
  readonly timeline: Locator;
  readonly currentStage: Locator;
  readonly stageForm: Locator;
  readonly datesForm: Locator;
  readonly compliance: Locator;
  readonly applicants: Locator;
  readonly ballot: Locator;
  readonly ballotForm: Locator;

  constructor(readonly page: Page) {
    this.article = page.locator('article.selection-page');
    this.heading = this.article.getByRole('heading', { level: 2 });
    this.timeline = this.article.getByRole('list', { name: 'Stages of this selection' });
    this.currentStage = this.timeline.locator('[aria-current="step"]');
    this.stageForm = this.article.getByRole('form', { name: 'Move the stage' });
    this.datesForm = this.article.getByRole('form', { name: 'Stage dates' });
    this.compliance = this.article.getByRole('region', { name: 'Rules' });
    this.applicants = this.article.getByRole('region', { name: 'Applicants' });
    this.ballot = this.article.getByRole('region', { name: 'Members’ ballot' });
    this.ballotForm = this.article.getByRole('form', { name: 'Ballot rounds' });
  }

  async open(id: number): Promise<this> {
    await this.page.goto(`/selections/${id}`);
    return this;
  }

  idFromUrl(): number {
    const m = /\/selections\/(\d+)$/.exec(new URL(this.page.url()).pathname);
    if (!m) throw new Error(`not a selection page: ${this.page.url()}`);
    return Number(m[1]);
  }

  /** Chooses the stage by its label and saves; resolves once the timeline shows it as current. */
  async moveTo(stage: string): Promise<void> {
    await this.stageForm.getByLabel('Stage', { exact: true }).selectOption({ label: stage });
    await this.stageForm.getByRole('button', { name: 'Save stage' }).click();
    await this.currentStage.filter({ hasText: stage }).waitFor();
  }

  /** Opens "Set the stage dates" and sets one stage's planned or actual date (YYYY-MM-DD). */
  async setDate(stage: string, which: 'Planned' | 'Actual', day: string): Promise<void> {
    if (!(await this.datesForm.isVisible())) await this.article.getByText('Set the stage dates').click();
    await this.datesForm.getByRole('group', { name: stage }).getByLabel(which).fill(day);
  }

  async addApplicant(a: Applicant): Promise<void> {
    await this.applicants.getByRole('button', { name: 'Add an applicant' }).click();
    const form = this.article.getByRole('form', { name: 'Add an applicant' });
    await form.getByLabel('Name', { exact: true }).fill(a.name);
    await form.getByLabel('Occupation', { exact: true }).fill(a.occupation);
    await form.getByLabel('Lives locally').selectOption(a.livesLocally ? 'yes' : 'no');
    await form.getByRole('button', { name: 'Add applicant' }).click();
    await this.candidacy(a.name).waitFor();
  }

  candidacy(label: string): Locator {
    return this.applicants.locator('.candidacy', {
      has: this.page.getByRole('heading', { name: label, exact: true }),
    });
  }

  /** Changes one candidacy's stage with its editor; resolves once the list says the new stage. */
  async setCandidacyStage(label: string, stage: string): Promise<void> {
    const item = this.candidacy(label);
    await item.getByRole('button', { name: `Change stage or nominations of ${label}` }).click();
    const form = item.getByRole('form', { name: `Candidacy of ${label}` });
    await form.getByLabel('Stage reached', { exact: true }).selectOption({ label: stage });
    await form.getByRole('button', { name: 'Save candidacy' }).click();
    await item.locator('.candidacy__stage', { hasText: stage }).waitFor();
  }

  /** The rule's badge in the compliance panel (data-rule is the rule key, e.g. localShare). */
  ruleBadge(rule: string): Locator {
    return this.compliance.locator(`[data-rule="${rule}"] .cbadge`);
  }

  /** Another officer's change, sent with this session behind the page's back: the page's copy goes stale. */
  async moveFromElsewhere(id: number, stage: string): Promise<number> {
    return this.page.evaluate(
      async ({ id, stage }) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const s = (await (await fetch(`/api/selections/${id}`)).json()) as { version: number };
        const res = await fetch(`/api/selections/${id}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: JSON.stringify({ version: s.version, stage }),
        });
        return res.status;
      },
      { id, stage },
    );
  }

  /** The tooltip a badge is described by. */
  async tooltipOf(badge: Locator): Promise<Locator> {
    const id = await badge.getAttribute('aria-describedby');
    if (!id) throw new Error('the badge has no description');
    return this.page.locator(`[id="${id}"]`);
  }
}
