import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { ActivityLog } from './pages/ActivityLog.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { useSeatMapPage } from './support/fixture.ts';
import { userWithRole } from './support/users.ts';

const poll = { timeout: 20_000, interval: 100 };
const SEAT = 'E14001107'; // Blyth and Ashington: the e2e organiser's CLP
const HEADER =
  'date,type,participants,conversations,new_members,new_union_members,new_leaders,petition_signatures,notes';

/** Screenshots of the parts this file is about, for a person to look at (not compared). */
async function shot(log: ActivityLog, name: string) {
  fs.mkdirSync('/tmp/shots', { recursive: true });
  await log.section.screenshot({ path: `/tmp/shots/${name}-log.png` });
  await log.page.locator('.activity-chart').screenshot({ path: `/tmp/shots/${name}-chart.png` });
  await log.importSection.screenshot({ path: `/tmp/shots/${name}-import.png` });
}

describe('logging pilot activity on a phone', () => {
  const seatMap = useSeatMapPage();
  const users = inject('e2eUsers');

  /** Signs the organiser in, makes a pilot in their CLP and opens it at 360 × 740. */
  async function organiserOnPilot(title: string) {
    const { page } = seatMap();
    await page.setViewportSize({ width: 360, height: 740 });
    const signIn = new SignInPage(page);
    await signIn.open('/pilots');
    const organiser = userWithRole(users, 'organiser');
    await signIn.signIn(organiser.email, organiser.password);
    await signIn.dialog.waitFor({ state: 'hidden' });
    const log = new ActivityLog(page);
    const pilotId = await log.createPilot(SEAT, `${title} ${Date.now()}`);
    await log.open(pilotId);
    return { log, pilotId };
  }

  it('logs online and offline, sends what waited exactly once, and shows it in the totals and chart', async () => {
    const { log, pilotId } = await organiserOnPilot('Save the 35 bus');
    const today = await log.date.inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await log.count('Conversations').getAttribute('inputmode')).toBe('numeric');
    await expect.poll(() => log.total('activities').textContent(), poll).toBe('0');

    // Online: saved at once, totals and the chart's table follow.
    await log.log({ counts: { Conversations: '40', 'New party members': '2' }, notes: 'Block A and B' });
    await expect.poll(() => log.queueStatus.textContent(), poll).toContain('Activity saved.');
    await expect.poll(() => log.total('conversations').textContent(), poll).toBe('40');
    await log.chartTableToggle.click();
    await expect.poll(() => log.chartRows(), poll).toEqual([[expect.any(String), '1', '40', '2', '0']]);
    expect(await log.recorded.count()).toBe(1);
    // The form starts afresh for the next one.
    expect(await log.count('Conversations').inputValue()).toBe('');
    expect(await log.scrollWidth()).toBeLessThanOrEqual(360);

    // Offline: two activities wait on the device, said in words.
    await log.page.context().setOffline(true);
    await log.section.getByText('Offline.').waitFor();
    await log.log({ type: 'Stall', counts: { Conversations: '12' } });
    await expect.poll(() => log.count('Conversations').inputValue(), poll).toBe('');
    await log.log({ type: 'One-to-one', counts: { Conversations: '1', 'New local leaders': '1' } });
    await expect.poll(() => log.waiting.count(), poll).toBe(2);
    expect(await log.waiting.nth(0).textContent()).toContain('Waiting to send');
    expect(await log.waiting.nth(1).textContent()).toContain('Waiting to send');
    await expect.poll(() => log.queueStatus.textContent(), poll).toContain('2 activities waiting to send.');
    expect(await log.scrollWidth()).toBeLessThanOrEqual(360);
    await shot(log, 'activity-offline-360');

    // Back online: both are sent, in the list and in the totals; the server holds three rows, not more.
    await log.page.context().setOffline(false);
    await expect.poll(() => log.waiting.count(), poll).toBe(0);
    await expect.poll(() => log.recorded.count(), poll).toBe(3);
    await expect.poll(() => log.total('conversations').textContent(), poll).toBe('53');
    expect(await log.total('activities').textContent()).toBe('3');
    const stored = await log.stored(pilotId);
    expect(stored.total).toBe(3);
    expect(new Set(stored.items.map((a) => a.idempotencyKey)).size).toBe(3);

    // A send that reached the server but whose answer was lost: kept, sent again with its key, one row.
    let dropped = 0;
    await log.page.route(`**/api/pilots/${pilotId}/activities`, async (route) => {
      if (route.request().method() !== 'POST' || dropped > 0) return route.fallback();
      dropped += 1;
      await route.fetch(); // the server makes the row…
      await route.abort('connectionreset'); // …and the phone never hears back
    });
    await log.log({ type: 'Public meeting', counts: { 'People taking part': '25' } });
    await expect.poll(() => log.waiting.count(), poll).toBe(1);
    await log.sendNow.click();
    await expect.poll(() => log.waiting.count(), poll).toBe(0);
    await expect.poll(() => log.total('participants').textContent(), poll).toBe('25');
    expect((await log.stored(pilotId)).total).toBe(4);
    await expect.poll(() => log.recorded.count(), poll).toBe(4);

    // A send that fails outright stays on the device through a reload and goes when the page opens again.
    await log.page.unrouteAll();
    await log.page.route(`**/api/pilots/${pilotId}/activities`, (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback(),
    );
    await log.log({ type: 'Social', counts: { 'People taking part': '8' } });
    await expect.poll(() => log.waiting.count(), poll).toBe(1);
    await log.page.unrouteAll();
    await log.page.reload();
    await expect.poll(() => log.total('participants').textContent(), poll).toBe('33');
    await expect.poll(() => log.waiting.count(), poll).toBe(0);
    expect((await log.stored(pilotId)).total).toBe(5);
    expect(await log.scrollWidth()).toBeLessThanOrEqual(360);
    await shot(log, 'activity-online-360');
    await log.page.setViewportSize({ width: 1440, height: 900 });
    await shot(log, 'activity-1440');
  });

  it('edits and deletes with the version read, and says when someone else changed the activity', async () => {
    const { log, pilotId } = await organiserOnPilot('Library hours');
    await log.log({ type: 'Stall', counts: { Conversations: '12' } });
    await expect.poll(() => log.recorded.count(), poll).toBe(1);
    const [stall] = (await log.stored(pilotId)).items;
    if (!stall) throw new Error('the activity was not stored');

    // Someone else changes it after this page read it.
    const base = `/api/pilots/${pilotId}/activities/${stall.id}`;
    const theirs = { occurredOn: '2026-11-30', type: 'stall', conversations: 20, version: 1 };
    expect(await log.send('PUT', base, theirs)).toBe(200);

    await log
      .row('Stall')
      .getByRole('button', { name: /^Edit / })
      .click();
    const form = log.editForm('Stall');
    await form.getByLabel('Conversations', { exact: true }).fill('15');
    await form.getByRole('button', { name: 'Save changes' }).click();
    const alert = log.row('Stall').getByRole('alert');
    await expect.poll(() => alert.textContent(), poll).toContain('Someone else changed this activity');
    expect(await alert.textContent()).toContain('Conversations20');

    // Saving again, knowingly, replaces their values with these.
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => log.total('conversations').textContent(), poll).toBe('15');
    expect(await log.row('Stall').textContent()).toContain('Conversations15');
    // Focus stays with the saved row, not dropped to the page.
    await expect.poll(() => log.focused(log.row('Stall')), poll).toBe(true);

    log.page.once('dialog', (d) => void d.accept());
    await log
      .row('Stall')
      .getByRole('button', { name: /^Delete / })
      .click();
    await expect.poll(() => log.recorded.count(), poll).toBe(0);
    await expect.poll(() => log.focused(log.listHeading), poll).toBe(true);
    await expect.poll(() => log.total('activities').textContent(), poll).toBe('0');
    expect((await log.stored(pilotId)).total).toBe(0);
  });

  it('imports a CSV file only when every row is right, naming the line at fault', async () => {
    const { log, pilotId } = await organiserOnPilot('Warm homes');
    const rows = (bad: boolean) =>
      [
        HEADER,
        '2026-02-02,door_knocking,5,30,1,0,0,,Estate',
        `2026-02-09,Stall,3,${bad ? '-4' : '14'},0,0,0,120,`,
        '2026-02-16,public_meeting,40,,3,1,2,,',
      ].join('\n');

    await log.chooseCsv('bad.csv', rows(true));
    await log.importErrors.waitFor();
    const firstError = await log.importErrors.locator('tbody tr').first().textContent();
    expect(firstError).toContain('3');
    expect(firstError).toMatch(/conversations/);
    // The parts of the summary add up to the rows read; focus is on it, not dropped to the page.
    expect(await log.importStatus.textContent()).toBe('3 rows read: 2 ready, 1 with a problem.');
    expect(await log.focused(log.importStatus)).toBe(true);
    expect(await log.importButton(3).count()).toBe(0);
    expect((await log.stored(pilotId)).total).toBe(0);
    expect(await log.scrollWidth()).toBeLessThanOrEqual(360);
    await shot(log, 'activity-import-errors-360');

    // The first apply reaches the server but its answer is lost; applying the file again adds nothing twice.
    let lost = 0;
    const isApply = (url: URL) =>
      url.pathname.endsWith('/activities/import') && url.search.includes('apply=true');
    await log.page.route(isApply, async (route) => {
      if (lost > 0) return route.fallback();
      lost += 1;
      await route.fetch(); // the server imports the rows…
      await route.abort('connectionreset'); // …and the page never hears back
    });
    await log.chooseCsv('good.csv', rows(false));
    await log.importButton(3).click();
    await log.importSection.getByRole('alert').waitFor();
    expect((await log.stored(pilotId)).total).toBe(3);
    await log.checkFile.click();
    await log.importButton(3).click();
    await expect
      .poll(() => log.importStatus.textContent(), poll)
      .toContain('This file was already imported (3 activities); nothing was added.');
    await log.page.unrouteAll();
    expect((await log.stored(pilotId)).total).toBe(3);
    await expect.poll(() => log.total('conversations').textContent(), poll).toBe('44');
    await expect.poll(() => log.recorded.count(), poll).toBe(3);
  });
});
