import { describe, expect, inject, it } from 'vitest';
import { ActivityLog } from './pages/ActivityLog.ts';
import {
  PilotDetailPage,
  PilotFormPage,
  PilotListPage,
  heightOf,
  isFocused,
  pageWidth,
  shotPath,
} from './pages/PilotPages.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { useSeatMapPage } from './support/fixture.ts';
import { userWithRole } from './support/users.ts';

const poll = { timeout: 20_000, interval: 100 };
const PHONE = { width: 360, height: 740 };
const SEAT = 'Blyth and Ashington'; // the organiser's CLP seat (E14001107)

describe('an organiser on a phone', () => {
  const seatMap = useSeatMapPage();
  const users = inject('e2eUsers');

  async function signInOnPhone() {
    const page = seatMap().page;
    await page.setViewportSize(PHONE);
    const signIn = await new SignInPage(page).open('/pilots');
    const organiser = userWithRole(users, 'organiser');
    await signIn.signIn(organiser.email, organiser.password);
    await signIn.dialog.waitFor({ state: 'hidden' });
    return { page, organiser };
  }

  async function noSidewaysScroll(page: SignInPage['page']) {
    await expect.poll(async () => (await pageWidth(page)).scrollWidth, poll).toBeLessThanOrEqual(PHONE.width);
  }

  it('starts a pilot by tapping its place on the map (a point outside is refused), then logs activity with and without signal', async () => {
    const { page, organiser } = await signInOnPhone();
    const list = new PilotListPage(page);
    await expect.poll(() => list.heading.textContent(), poll).toBe('My pilots');
    await noSidewaysScroll(page);
    await page.screenshot({ path: shotPath('pp-pilots-list-360'), fullPage: true });

    await list.startButton.click();
    await page.waitForURL('**/pilots/new');
    const form = new PilotFormPage(page, 'New pilot');
    const title = `Save the 308 bus, e2e ${Date.now()}`;
    // An empty save marks the title; typing one clears its error at once, not at the next save.
    await form.save.click();
    await expect.poll(() => form.errorUnder('Title').count(), poll).toBe(1);
    await form.title.fill(title);
    await expect.poll(() => form.errorUnder('Title').count(), poll).toBe(0);
    expect(await form.errorUnder('Category').count()).toBe(1);
    // "Me" is the organiser: not listed a second time under their name.
    await expect.poll(() => form.organiser.locator('option').count(), poll).toBeGreaterThan(0);
    expect(await form.organiser.locator('option').allTextContents()).not.toContain(organiser.name);
    await form.issue.fill('The county council wants to cut the evening 308 bus from Blyth to Ashington.');
    await form.category.selectOption('transport');
    await form.kind.selectOption('community_organising');
    await form.goals.fill('Keep the evening buses running.');
    // A partner made inline is chosen, and the search no longer says nothing matches.
    const union = `Unite e2e ${Date.now()}`;
    await form.addNewPartner(union, union);
    expect(await form.partners.getByText('No partner matches').count()).toBe(0);
    expect(await form.partners.getByLabel('Find a union branch or community group').inputValue()).toBe('');

    // Outside the outline first: said at once on the phone, then the server names the seat it is in.
    await form.tapOutsideSeat();
    await expect.poll(() => form.chosenPoint.textContent(), poll).toMatch(/^Marked at/);
    await expect
      .poll(() => form.locationError.textContent(), poll)
      .toBe(`That point is outside ${SEAT}; tap inside the outline`);
    await form.save.click();
    await expect.poll(() => form.locationError.textContent(), poll).toContain(`not in ${SEAT}`);
    expect(page.url()).toMatch(/\/pilots\/new$/);
    await noSidewaysScroll(page);
    await page.screenshot({ path: shotPath('pp-pilot-new-outside-360'), fullPage: true });

    await form.tapInsideSeat();
    await expect.poll(() => form.locationError.count(), poll).toBe(0);
    await form.save.click();
    await page.waitForURL(/\/pilots\/\d+$/);
    const pilot = new PilotDetailPage(page);
    await expect.poll(() => pilot.heading.textContent(), poll).toBe(title);
    expect(await pilot.location.textContent()).toContain(`in ${SEAT}`);
    expect(await pilot.status.textContent()).toBe('Planned');
    await pilot.totals.waitFor();
    await noSidewaysScroll(page);
    await page.screenshot({ path: shotPath('pp-pilot-page-360'), fullPage: true });

    // The issue's whole flow on the phone: on the new pilot, one activity with signal and one without;
    // the second waits on the device, goes once the signal is back, and both reach the totals and chart.
    const log = new ActivityLog(page);
    await log.log({ counts: { Conversations: '20' } });
    await expect.poll(() => log.total('conversations').textContent(), poll).toBe('20');
    await page.context().setOffline(true);
    await log.section.getByText('Offline.').waitFor();
    await log.log({ type: 'Stall', counts: { Conversations: '5' } });
    await expect.poll(() => log.waiting.count(), poll).toBe(1);
    expect(await log.total('activities').textContent()).toBe('1');
    await page.context().setOffline(false);
    await expect.poll(() => log.waiting.count(), poll).toBe(0);
    await expect.poll(() => log.total('conversations').textContent(), poll).toBe('25');
    expect(await log.total('activities').textContent()).toBe('2');
    await log.chartTableToggle.click();
    await expect.poll(() => log.chartRows(), poll).toEqual([[expect.any(String), '2', '25', '0', '0']]);
    await noSidewaysScroll(page);

    // The CLP's page lists it under the CLP's name; so does the organiser's own list.
    const clpLink = page.getByRole('link', { name: 'Blyth and Ashington CLP: pilots' });
    expect(await heightOf(clpLink)).toBeGreaterThanOrEqual(44);
    expect(await heightOf(pilot.location.getByRole('link'))).toBeGreaterThanOrEqual(44);
    await clpLink.click();
    await page.waitForURL(/\/pilots\?clp=\d+$/);
    await expect.poll(() => list.heading.textContent(), poll).toBe('Blyth and Ashington CLP: pilots');
    await expect.poll(() => list.card(title).count(), poll).toBe(1);
    await list.open();
    await expect.poll(() => list.card(title).count(), poll).toBe(1);
    expect(await list.card(title).textContent()).toContain('Planned');
    expect(await list.csvLink.getAttribute('href')).toBe('/api/pilots.csv?mine=true');
    await noSidewaysScroll(page);
    await page.screenshot({ path: shotPath('pp-pilots-list-cards-360'), fullPage: true });
  });

  it('keeps the edits and shows the other version when someone else saved first', async () => {
    const { page } = await signInOnPhone();
    await new PilotListPage(page).startButton.click();
    await page.waitForURL('**/pilots/new');
    const form = new PilotFormPage(page, 'New pilot');
    const title = `Warm spaces, e2e ${Date.now()}`;
    await form.title.fill(title);
    await form.issue.fill('Libraries closing early in winter.');
    await form.category.selectOption('local_services');
    await form.kind.selectOption('community_organising');
    await form.save.click();
    await page.waitForURL(/\/pilots\/\d+$/);

    const pilot = new PilotDetailPage(page);
    const id = pilot.idFromUrl();
    await pilot.editButton.click();
    const edit = new PilotFormPage(page, 'Edit pilot');
    await edit.title.fill(`${title} (mine)`);
    expect(await pilot.renameFromElsewhere(id, `${title} (theirs)`)).toBe(200);

    await edit.save.click();
    await expect.poll(() => edit.conflict.textContent(), poll).toContain('Someone else changed this pilot');
    // Far above the Save button on a phone: focus (and the view) go to the message.
    await expect.poll(() => isFocused(edit.conflict), poll).toBe(true);
    expect(await edit.conflict.textContent()).toContain(`${title} (theirs)`);
    expect(await edit.title.inputValue()).toBe(`${title} (mine)`);
    await noSidewaysScroll(page);
    await page.screenshot({ path: shotPath('pp-pilot-conflict-360'), fullPage: true });

    await edit.saveOverTheirs.click();
    await expect.poll(() => pilot.heading.textContent(), poll).toBe(`${title} (mine)`);
  });

  it('shows a pilot on a desktop screen', async () => {
    const { page } = await signInOnPhone();
    await new PilotListPage(page).startButton.click();
    await page.waitForURL('**/pilots/new');
    const form = new PilotFormPage(page, 'New pilot');
    const title = `Union drive at the port, e2e ${Date.now()}`;
    await form.title.fill(title);
    await form.issue.fill('Port workers on zero-hours contracts.');
    await form.category.selectOption('jobs_and_pay');
    await form.kind.selectOption('union_recruitment');
    await form.location.getByRole('button', { name: "Use the seat's centre" }).click();
    await form.save.click();
    await page.waitForURL(/\/pilots\/\d+$/);

    await page.setViewportSize({ width: 1440, height: 900 });
    const pilot = new PilotDetailPage(page);
    await expect.poll(() => pilot.heading.textContent(), poll).toBe(title);
    expect(await pilot.location.textContent()).toContain(`in ${SEAT}`);
    expect(await pilot.totals.getByText('Conversations').count()).toBe(1);
    await page.screenshot({ path: shotPath('pp-pilot-page-1440'), fullPage: true });
    await expect.poll(async () => (await pageWidth(page)).scrollWidth, poll).toBeLessThanOrEqual(1440);
  });

  it('records how a pilot ended, talks about it, and starts it again elsewhere', async () => {
    const { page } = await signInOnPhone();
    const pilot = new PilotDetailPage(page);
    const title = `Clean lanes, e2e ${Date.now()}`;
    const id = await pilot.createFromPage(title);
    await pilot.open(id);
    await expect.poll(() => pilot.heading.textContent(), poll).toBe(title);

    await pilot.editButton.click();
    const edit = new PilotFormPage(page, 'Edit pilot');
    await edit.form.getByLabel('Status', { exact: true }).selectOption('won');
    await edit.save.click();
    await expect.poll(() => pilot.status.textContent(), poll).toBe('Won');
    const statuses = pilot.article.getByRole('region', { name: 'Status changes' });
    expect(await statuses.textContent()).toContain('Won');

    // Ended: the outcome is offered first.
    const outcome = pilot.article.getByRole('region', { name: 'Outcome and lessons' });
    await outcome.getByRole('button', { name: 'Record the outcome' }).click();
    await outcome
      .getByLabel('What was won or lost')
      .fill('The council cleared the lanes and added two bins.');
    // A line that is not a link is named whole.
    await outcome.getByLabel('Evidence links').fill('bbc news article');
    await outcome.getByRole('button', { name: 'Save outcome' }).click();
    await expect
      .poll(() => outcome.getByRole('alert').first().textContent(), poll)
      .toBe('“bbc news article” is not a web link (http or https)');
    await outcome.getByLabel('Evidence links').fill('https://example.org/council-minutes');
    await outcome.getByLabel('Lessons learned').fill('Photos at the council meeting made the case.');
    await outcome.getByRole('button', { name: 'Save outcome' }).click();
    await outcome.getByRole('button', { name: 'Edit the outcome' }).waitFor();
    expect(await outcome.textContent()).toContain('added two bins');
    expect(await outcome.getByRole('link', { name: 'https://example.org/council-minutes' }).count()).toBe(1);

    const comments = pilot.article.getByRole('region', { name: 'Comments' });
    await comments.getByLabel('Your comment').fill('Well done — share the photos at the regional meeting.');
    await comments.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => comments.locator('.pilot-comments').textContent(), poll).toContain('Well done');
    // The history in the page's words: labels and days, no ids or raw codes.
    await pilot.article.locator('details.pilot-history summary').click();
    const history = pilot.article.locator('.pilot-history__list');
    await expect.poll(() => history.textContent(), poll).toContain('Status: Planned → Won');
    const said = (await history.textContent()) ?? '';
    expect(said).toContain('Category: Environment');
    expect(said).toMatch(/Starts: 1 Sept? 2026/);
    expect(said).not.toMatch(/clpId|community_organising|2026-09-01|— → —/);
    await noSidewaysScroll(page);
    await page.screenshot({ path: shotPath('pp-pilot-ended-360'), fullPage: true });

    await pilot.article.getByRole('button', { name: 'Run this pilot here' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run this pilot here' });
    await dialog.getByLabel('Title').fill(`${title} again`);
    await noSidewaysScroll(page);
    await dialog.getByRole('button', { name: 'Start the new pilot' }).click();
    await page.waitForURL((url) => /\/pilots\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${id}`));
    await expect.poll(() => pilot.heading.textContent(), poll).toBe(`${title} again`);
    expect(await pilot.status.textContent()).toBe('Planned');
    await pilot.article.getByRole('link', { name: title, exact: true }).click();
    await page.waitForURL(`**/pilots/${id}`);
    const copies = pilot.article.getByRole('region', { name: 'Run elsewhere' });
    await expect.poll(() => copies.textContent(), poll).toContain(`${title} again`);
  });
});
