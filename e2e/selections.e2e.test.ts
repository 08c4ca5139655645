import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { pageWidth, shotPath } from './pages/PilotPages.ts';
import { SelectionDetail, SelectionTracker, type Applicant } from './pages/SelectionPages.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { useSeatMapPage } from './support/fixture.ts';
import { userWithRole } from './support/users.ts';

const poll = { timeout: 20_000, interval: 100 };
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1440, height: 900 };
const SEAT = 'Blyth and Ashington';
const LOCALITY_REASON = '1 of 4 shortlisted live locally; the rule needs 50%.';

async function noSidewaysScroll(page: Page, width: number) {
  await expect.poll(async () => (await pageWidth(page)).scrollWidth, poll).toBeLessThanOrEqual(width);
}

describe('candidate selections (issue 9)', () => {
  const seatMap = useSeatMapPage();
  const users = inject('e2eUsers');

  it("an officer runs a selection to the end on a phone; the locality rule breaks; a member sees it without applicants' details", async () => {
    const page = seatMap().page;
    await page.setViewportSize(PHONE);
    const signIn = await new SignInPage(page).open('/selections');
    const officer = userWithRole(users, 'selection_officer');
    await signIn.signIn(officer.email, officer.password);
    await signIn.dialog.waitFor({ state: 'hidden' });

    // Start a general-election selection for the officer's seat.
    const tracker = new SelectionTracker(page);
    await expect.poll(() => tracker.heading.textContent(), poll).toBe('Candidate selections');
    await tracker.start('General election');
    await page.waitForURL(/\/selections\/\d+$/);
    const detail = new SelectionDetail(page);
    const id = detail.idFromUrl();
    await expect.poll(() => detail.heading.textContent(), poll).toBe(`${SEAT}: General election`);
    expect(await detail.currentStage.textContent()).toContain('Timetable set');
    expect(await detail.currentStage.textContent()).toContain('Current stage');

    // Dates the calendar feed will carry.
    await detail.setDate('Timetable set', 'Actual', '2026-11-20');
    await detail.setDate('Hustings', 'Planned', '2027-03-01');
    await detail.setDate("Members' ballot", 'Planned', '2027-03-15');
    await detail.datesForm.getByRole('button', { name: 'Save dates' }).click();
    await expect
      .poll(() => detail.timeline.locator('[data-stage="hustings"]').textContent(), poll)
      .toContain('Planned 1 Mar 2027');

    await detail.moveTo('Applications open');
    const suffix = Date.now();
    const applicants: Applicant[] = [
      {
        name: `Morwenna Fictitious ${suffix}`,
        occupation: `Lighthouse keeper ${suffix}`,
        livesLocally: true,
      },
      { name: `Tobias Madeup ${suffix}`, occupation: `Glassblower ${suffix}`, livesLocally: false },
      { name: `Priya Pretend ${suffix}`, occupation: `Tram driver ${suffix}`, livesLocally: false },
      { name: `Declan Notreal ${suffix}`, occupation: `Cartographer ${suffix}`, livesLocally: false },
    ];
    for (const a of applicants) await detail.addApplicant(a);
    await noSidewaysScroll(page, PHONE.width);
    await page.screenshot({ path: shotPath('selection-applicants-360'), fullPage: true });

    await detail.moveTo('Longlist');
    await detail.moveTo('Shortlist');
    for (const a of applicants) await detail.setCandidacyStage(a.name, 'Shortlisted');
    await detail.moveTo('Hustings');
    await detail.moveTo("Members' ballot");

    // The ballot: a round that does not add up is refused, with the message on the cell.
    await detail.ballot.getByRole('button', { name: 'Enter the ballot rounds' }).click();
    const votes = ['31', '24', '17', '9'];
    for (const [i, a] of applicants.entries()) {
      await detail.ballotForm.getByLabel(`Round 1 votes for ${a.name}`).fill(votes[i]!);
    }
    const exhausted = detail.ballotForm.getByLabel('Round 1 exhausted ballots');
    await exhausted.fill('3');
    await detail.ballotForm.getByRole('button', { name: 'Save ballot' }).click();
    await expect.poll(() => exhausted.getAttribute('aria-invalid'), poll).toBe('true');
    expect(await detail.ballotForm.getByRole('alert').textContent()).toContain(
      'Round 1, exhausted: No ballot can be exhausted in round 1',
    );
    await noSidewaysScroll(page, PHONE.width);
    await exhausted.fill('0');
    await detail.ballotForm.getByRole('button', { name: 'Save ballot' }).click();
    await detail.ballotForm.waitFor({ state: 'detached' });
    expect(await detail.ballot.getByRole('table').textContent()).toContain('31');

    await detail.setCandidacyStage(applicants[0]!.name, 'Selected');
    await detail.moveTo('Selected');

    // Only 1 of the 4 shortlisted lives locally: the locality rule is broken, and says why on focus.
    const locality = detail.ruleBadge('localShare');
    await expect.poll(() => locality.getAttribute('data-state'), poll).toBe('broken');
    expect(await locality.textContent()).toContain('Broken');
    expect(await locality.textContent()).toContain('✕');
    expect(await detail.compliance.locator('[data-rule="localShare"]').textContent()).toContain(
      LOCALITY_REASON,
    );
    const tip = await detail.tooltipOf(locality);
    expect(await tip.isVisible()).toBe(false);
    await locality.focus();
    await expect.poll(() => tip.isVisible(), poll).toBe(true);
    expect(await tip.textContent()).toBe(LOCALITY_REASON);
    // On a phone the whole reason is on the screen, not cut off at its right edge (found trying the app).
    const box = (await tip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await noSidewaysScroll(page, PHONE.width);
    await page.screenshot({ path: shotPath('selection-officer-broken-360'), fullPage: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible(), poll).toBe(false);

    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: shotPath('selection-officer-1440'), fullPage: true });
    await noSidewaysScroll(page, DESKTOP.width);

    // The member: the same selection, its stages and the broken rule, and nothing personal.
    await signIn.signOut();
    await signIn.signInButton.waitFor();
    const member = userWithRole(users, 'member');
    await signIn.signIn(member.email, member.password);
    await signIn.dialog.waitFor({ state: 'hidden' });

    const fetched = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/selections/${id}`);
    await detail.open(id);
    const json = await (await fetched).text();
    await expect.poll(() => detail.heading.textContent(), poll).toBe(`${SEAT}: General election`);
    expect(await detail.currentStage.textContent()).toContain('Selected');
    expect(await detail.timeline.locator('li').count()).toBeGreaterThanOrEqual(8);
    await expect.poll(() => detail.ruleBadge('localShare').getAttribute('data-state'), poll).toBe('broken');
    expect(await detail.article.getByRole('form').count()).toBe(0);
    const html = await page.content();
    for (const a of applicants) {
      for (const secret of [a.name, a.occupation]) {
        expect(html).not.toContain(secret);
        expect(json).not.toContain(secret);
      }
    }
    await page.screenshot({ path: shotPath('selection-member-1440'), fullPage: true });
    await page.setViewportSize(PHONE);
    await noSidewaysScroll(page, PHONE.width);
    await page.screenshot({ path: shotPath('selection-member-360'), fullPage: true });

    // The member's tracker: their CLP by default, the selection's card, and the CLP's calendar feed.
    const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/selections');
    await tracker.open();
    const listJson = await (await listed).text();
    await tracker.card(id).waitFor();
    expect(
      await tracker.card(id).locator('[data-rule="localShare"] .cbadge').getAttribute('data-state'),
    ).toBe('broken');
    for (const a of applicants) expect(listJson).not.toContain(a.name);
    await noSidewaysScroll(page, PHONE.width);
    await page.screenshot({ path: shotPath('selection-tracker-360'), fullPage: true });

    const href = await tracker.calendarLink.getAttribute('href');
    expect(href).toMatch(/^\/api\/selections\/calendar\.ics\?clp=\d+$/);
    const feed = await page.request.get(href!);
    expect(feed.status()).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const ours = new Map(events.filter((e) => e.uid.startsWith(`selection-${id}-`)).map((e) => [e.uid, e]));
    expect([...ours.keys()].sort()).toEqual([
      `selection-${id}-hustings@groundwork`,
      `selection-${id}-members_ballot@groundwork`,
      `selection-${id}-timetable_set@groundwork`,
    ]);
    const hustings = ours.get(`selection-${id}-hustings@groundwork`)!;
    expect(hustings.summary).toContain(`${SEAT}: Hustings`);
    expect(hustings.startDate.toString()).toBe('2027-03-01');
  }, 180_000);

  it('tells an officer when someone else moved the stage first, shows where it is now, and saves on a second try', async () => {
    const page = seatMap().page;
    await page.setViewportSize(PHONE);
    const signIn = await new SignInPage(page).open('/selections');
    const officer = userWithRole(users, 'selection_officer');
    await signIn.signIn(officer.email, officer.password);
    await signIn.dialog.waitFor({ state: 'hidden' });

    const tracker = new SelectionTracker(page);
    // Choosing the region lists its selections, and the calendar feed follows the choice.
    await tracker.scope.selectOption({ label: 'North East' });
    await expect
      .poll(() => tracker.calendarLink.getAttribute('href'), poll)
      .toBe('/api/selections/calendar.ics?region=E12000001');
    expect(new URL(page.url()).search).toBe('?region=E12000001');

    await tracker.start('By-election');
    await page.waitForURL(/\/selections\/\d+$/);
    const detail = new SelectionDetail(page);
    const id = detail.idFromUrl();
    await expect.poll(() => detail.currentStage.textContent(), poll).toContain('Timetable set');

    expect(await detail.moveFromElsewhere(id, 'longlist')).toBe(200);
    await detail.stageForm.getByLabel('Stage', { exact: true }).selectOption({ label: 'Applications open' });
    await detail.stageForm.getByRole('button', { name: 'Save stage' }).click();
    const conflict = detail.stageForm.locator('.selection-conflict');
    await expect.poll(() => conflict.textContent(), poll).toContain('Someone else changed this selection');
    expect(await conflict.textContent()).toContain('Longlist');
    await expect.poll(() => conflict.evaluate((el) => el === document.activeElement), poll).toBe(true);
    // The page shows their version, and keeps the officer's choice to save again.
    expect(await detail.currentStage.textContent()).toContain('Longlist');
    expect(await detail.stageForm.getByLabel('Stage', { exact: true }).inputValue()).toBe(
      'applications_open',
    );
    await noSidewaysScroll(page, PHONE.width);
    await page.screenshot({ path: shotPath('selection-conflict-360'), fullPage: true });

    await detail.stageForm.getByRole('button', { name: 'Save stage' }).click();
    await detail.currentStage.filter({ hasText: 'Applications open' }).waitFor();
    expect(await conflict.count()).toBe(0);
  });

  it('records a council selection with its ward, a nomination, consent, an imposition and a rule override', async () => {
    const page = seatMap().page;
    await page.setViewportSize(PHONE);
    const signIn = await new SignInPage(page).open('/selections');
    const officer = userWithRole(users, 'selection_officer');
    await signIn.signIn(officer.email, officer.password);
    await signIn.dialog.waitFor({ state: 'hidden' });

    const tracker = new SelectionTracker(page);
    const ward = `Cowpen ward ${Date.now()}`;
    await tracker.startButton.click();
    await tracker.startForm.getByLabel('Election type').selectOption({ label: 'Council' });
    await tracker.startForm.getByLabel('Ward name').fill(ward);
    await tracker.startForm.getByRole('button', { name: 'Start the selection' }).click();
    await page.waitForURL(/\/selections\/\d+$/);
    const detail = new SelectionDetail(page);
    await expect.poll(() => detail.heading.textContent(), poll).toBe(`${ward}: Council`);

    const name = `Hester Imaginary ${Date.now()}`;
    await detail.addApplicant({ name, occupation: 'Ferry engineer', livesLocally: true });
    const item = detail.candidacy(name);
    await item.getByRole('button', { name: `Change stage or nominations of ${name}` }).click();
    const form = item.getByRole('form', { name: `Candidacy of ${name}` });
    await form.getByRole('button', { name: 'Add a nomination' }).click();
    const nomination = form.getByRole('group', { name: 'Nomination 1' });
    await nomination.getByLabel('Nominated by').selectOption({ label: 'Trade union' });
    await nomination.getByLabel('Its name').fill('Unite North East');
    // Withdrawn needs the last stage reached: said on the field before anything is sent.
    await form.getByLabel('Stage reached', { exact: true }).selectOption({ label: 'Withdrawn' });
    await form.getByRole('button', { name: 'Save candidacy' }).click();
    const after = form.getByLabel('Last stage reached before withdrawing');
    await expect.poll(() => after.getAttribute('aria-invalid'), poll).toBe('true');
    await form.getByLabel('Stage reached', { exact: true }).selectOption({ label: 'Applied' });
    await form.getByRole('button', { name: 'Save candidacy' }).click();
    await expect
      .poll(() => item.getByRole('list', { name: `Nominations of ${name}` }).textContent(), poll)
      .toBe('Unite North East (Trade union)');

    await item.locator('summary', { hasText: 'Consent to publish' }).click();
    // Before consent the officer is told what members really see: not the name (found trying the app).
    expect(await item.locator('.selection-consent').textContent()).toContain(
      'members and the public see this applicant as “Candidate 1”',
    );
    const consent = item.getByRole('form', { name: `Record consent of ${name}` });
    await consent.getByLabel('Occupation').check();
    await consent.getByLabel('How consent was given').fill('Signed form, 2 December');
    await consent.getByRole('button', { name: 'Record consent' }).click();
    await expect
      .poll(() => item.locator('.selection-consent__list').textContent(), poll)
      .toContain('Name, Occupation — “Signed form, 2 December”');
    await item.getByRole('button', { name: 'Withdraw this consent' }).click();
    await expect
      .poll(() => item.locator('.selection-consent__list').textContent(), poll)
      .toContain('(withdrawn');

    // An imposition needs its source: refused on the field, then recorded and judged.
    const imposition = page.getByRole('form', { name: 'Imposition' });
    await imposition.getByLabel('The shortlist or candidate was imposed without local input').check();
    await imposition.getByRole('button', { name: 'Save imposition' }).click();
    const source = imposition.getByLabel('Source');
    await expect.poll(() => source.getAttribute('aria-invalid'), poll).toBe('true');
    await source.fill('https://example.org/nec-letter');
    await imposition.getByRole('button', { name: 'Save imposition' }).click();
    await expect.poll(() => detail.ruleBadge('localInput').getAttribute('data-state'), poll).toBe('broken');
    expect(await detail.compliance.locator('[data-rule="localInput"]').textContent()).toContain(
      'source: https://example.org/nec-letter',
    );

    const override = page.getByRole('form', { name: 'Override a rule' });
    await override.getByLabel('Rule').selectOption({ label: 'Shortlisted candidates living locally' });
    await override.getByLabel('Share needed (%)').fill('30');
    await override.getByLabel('Reason').fill('A ward split by the river; agreed with the region');
    await override.getByRole('button', { name: 'Save override' }).click();
    await expect
      .poll(() => detail.compliance.locator('[data-rule="localShare"]').textContent(), poll)
      .toContain('Changed for this selection: “A ward split by the river; agreed with the region”');
    await noSidewaysScroll(page, PHONE.width);
    await page.screenshot({ path: shotPath('selection-officer-forms-360'), fullPage: true });
  });
});
