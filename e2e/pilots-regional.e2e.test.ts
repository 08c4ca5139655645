import type { TPilot } from '@groundwork/server/contracts';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiSession, PilotBoardPage } from './pages/PilotBoard.ts';
import type { SeatMapPage } from './pages/SeatMapPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { useSeatMapPage } from './support/fixture.ts';
import { userWithRole } from './support/users.ts';

const poll = { timeout: 20_000, interval: 100 };
const BLYTH_AND_ASHINGTON = 'E14001107';
const NORTH_EAST = 'E12000001';
/** Ashington town centre, inside Blyth and Ashington, and a place 1.3 km south (one cluster at seat zoom). */
const ASHINGTON = { lat: 55.1814, lng: -1.5683 };
const ASHINGTON_SOUTH = { lat: 55.1694, lng: -1.5683 };
const VIEWPORTS = [
  { name: 'a 1440 px desktop', width: 1440, height: 900, phone: false },
  { name: 'a 360 px phone', width: 360, height: 740, phone: true },
] as const;

/** The pilot's marker, zooming into clusters (by keyboard or tap) until it stands alone. */
async function revealMarker(page: SeatMapPage, pilot: TPilot, keyboard: boolean) {
  const marker = page.page.locator(`.pilot-marker[data-pilot="${pilot.id}"]`);
  const cluster = page.page.locator('.pilot-cluster');
  for (let i = 0; i < 8 && !(await marker.isVisible()); i += 1) {
    await expect.poll(async () => (await marker.isVisible()) || (await cluster.count()) > 0, poll).toBe(true);
    if (await marker.isVisible()) break;
    const first = await cluster.first().elementHandle();
    if (!first) continue;
    if (keyboard) {
      await first.focus();
      await page.page.keyboard.press('Enter');
    } else {
      await first.click();
    }
    // The cluster splits as the map zooms in (it leaves the page), or opens out at the closest zoom.
    await expect.poll(async () => (await marker.isVisible()) || !(await first.isVisible()), poll).toBe(true);
  }
  await marker.waitFor();
  return marker;
}

describe('pilots for regional staff', () => {
  const seatMap = useSeatMapPage();
  const users = inject('e2eUsers');
  const staff = userWithRole(users, 'regional_staff');
  let pilot: TPilot;

  beforeAll(async () => {
    // An organiser of Blyth and Ashington's CLP starts a running pilot with a place in the seat.
    const organiser = userWithRole(users, 'organiser');
    const session = await ApiSession.signIn(organiser.email, organiser.password);
    const clp = await session.ownClp();
    pilot = await session.createPilot({
      clpId: clp.id,
      title: `Save the Ashington bus routes ${Date.now()}`,
      issue: 'The 35 bus is being cut and people cannot get to the hospital.',
      category: 'transport',
      kind: 'community_organising',
      status: 'active',
      startsOn: new Date().toISOString().slice(0, 10),
      goals: 'Keep the route running.',
      location: ASHINGTON,
      partnerIds: [],
    });
    // Tonight's door-knocking session, logged from the organiser's phone.
    await session.logActivity(pilot.id, {
      occurredOn: new Date().toISOString().slice(0, 10),
      type: 'door_knocking',
      participants: 6,
      conversations: 42,
      newMembers: 2,
    });
    // A closed pilot beside it: on the map the two cluster, and it does not count towards the goal.
    await session.createPilot({
      clpId: clp.id,
      title: `Tenants' repairs campaign ${Date.now()}`,
      issue: 'Damp flats left unrepaired by the landlord.',
      category: 'housing',
      kind: 'community_organising',
      status: 'closed',
      startsOn: '2026-01-05',
      goals: 'Get the repairs done.',
      location: ASHINGTON_SOUTH,
      partnerIds: [],
    });
  });

  it.each(VIEWPORTS)('see it on the boards and the map on $name', async ({ width, height, phone }) => {
    const page = seatMap();
    await page.page.setViewportSize({ width, height });
    await page.open('boundarySet=2024');
    const signIn = new SignInPage(page.page);
    await signIn.signIn(staff.email, staff.password);
    await signIn.dialog.waitFor({ state: 'hidden' });
    const fits = async () => page.page.evaluate(() => document.documentElement.scrollWidth);

    // The regional board opens on the staff member's own region and counts it against the goal.
    const expected = await (await ApiSession.signIn(staff.email, staff.password)).regionBoard(NORTH_EAST);
    expect(expected.counts.running).toBeGreaterThanOrEqual(1);
    const board = await new PilotBoardPage(page.page).open();
    await expect.poll(() => board.shown(), poll).toBe(NORTH_EAST);
    expect(await board.region.inputValue()).toBe(NORTH_EAST);
    const { running } = expected.counts;
    const to = expected.goal - running;
    await expect
      .poll(() => board.goalText.textContent(), poll)
      .toBe(
        to > 0
          ? `${running} of ${expected.goal} pilots under way — ${to} to go`
          : `${running} ${running === 1 ? 'pilot' : 'pilots'} under way — the goal of ${expected.goal} is met`,
      );
    // Alone in the region (this file run by itself), it is "1 of 3 pilots under way — 2 to go".
    expect(await board.goalText.textContent()).toMatch(/pilots? under way/);
    expect(await board.underWayNote.textContent()).toContain('Under way means planned, active or paused.');
    expect(await board.goalMeter.getAttribute('value')).toBe(String(Math.min(expected.counts.running, 3)));
    const row = board.pilotRow(pilot.id);
    await row.waitFor();
    expect(await row.textContent()).toContain(pilot.title);
    expect(await row.textContent()).toContain('Active');
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['1', '6', '42', '2']));
    const chart = page.page.getByRole('figure', { name: 'Activity of the pilots in North East, by month' });
    // The month's figures are the region's (other tests' pilots in the North East count too), as the API has them.
    const thisMonth = expected.months.find((m) => m.month === new Date().toISOString().slice(0, 7))!;
    expect(thisMonth.conversations).toBeGreaterThanOrEqual(42);
    expect(await chart.locator('table').textContent()).toContain(
      thisMonth.conversations.toLocaleString('en-GB'),
    );
    expect(await row.getByRole('link', { name: pilot.title }).getAttribute('href')).toBe(
      `/pilots/${pilot.id}`,
    );
    expect(await board.seatsWithoutPilot.locator(`[data-seat="${BLYTH_AND_ASHINGTON}"]`).count()).toBe(0);
    expect(await board.csvLink.getAttribute('href')).toBe(
      `/api/pilot-boards/region.csv?region=${NORTH_EAST}`,
    );
    expect(await fits()).toBeLessThanOrEqual(width);
    // The key figures are on screen at any width: on a phone each pilot is a card of "label: value" lines.
    for (const column of ['Activities', 'Conversations', 'New members']) {
      const box = await board.pilotCell(pilot.id, column).boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(width);
    }
    if (phone) {
      const cell = board.pilotCell(pilot.id, 'Conversations');
      expect(await cell.textContent()).toBe('42');
      expect(await cell.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Conversations"');
    }
    await page.page.screenshot({ path: `/tmp/shots/pilot-board-region-${width}.png`, fullPage: true });
    // Staff are offered their own region and the national board, not regions they may not open.
    const offered = await board.region
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(['all', NORTH_EAST]);

    // A filter narrows the pilots table, never the goal count or the seats with no pilot.
    const goalText = await board.goalText.textContent();
    await board.status.selectOption('won');
    await board.pilotRow(pilot.id).waitFor({ state: 'detached' });
    expect(await board.goalText.textContent()).toBe(goalText);
    expect(await board.seatsWithoutPilot.locator(`[data-seat="${BLYTH_AND_ASHINGTON}"]`).count()).toBe(0);
    await board.status.selectOption('');
    // From tomorrow the pilot is still running, with nothing logged yet in that period.
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await board.activityFrom.fill(tomorrow);
    await expect
      .poll(() => board.pilotCell(pilot.id, 'Last activity').textContent(), poll)
      .toBe('No activity in this period');
    expect(await board.activity.textContent()).toContain('No activity in this period.');
    expect(await board.goalText.textContent()).toBe(goalText);
    // A period that ends before it starts is refused in words, on the field.
    await board.activityTo.fill(today);
    await expect
      .poll(() => board.errorOf(board.activityFrom), poll)
      .toBe('Activity from must be on or before Activity to');
    expect(await board.activityFrom.getAttribute('aria-invalid')).toBe('true');
    expect(await fits()).toBeLessThanOrEqual(width);
    await page.page.screenshot({ path: `/tmp/shots/pilot-board-period-${width}.png`, fullPage: true });
    await board.activityTo.fill('');
    await board.activityFrom.fill('');
    await board.pilotRow(pilot.id).waitFor();

    // The national board lists the region with its pilots.
    await board.region.selectOption('all');
    await expect.poll(() => board.shown(), poll).toBe('national');
    expect(page.page.url()).toContain('region=all');
    const regionRow = board.regionRow(NORTH_EAST);
    await regionRow.waitFor();
    expect(await regionRow.textContent()).toContain('North East');
    expect(Number(await regionRow.locator('td').first().textContent())).toBeGreaterThanOrEqual(1);
    await board.voteEffect.waitFor();
    expect(await fits()).toBeLessThanOrEqual(width);
    await page.page.screenshot({ path: `/tmp/shots/pilot-board-national-${width}.png`, fullPage: true });

    // On the map, the seat is classed as having a running pilot, in the legend and in the table.
    await page.open(`boundarySet=2024&measure=pilots&seat=${BLYTH_AND_ASHINGTON}`);
    await expect.poll(() => page.map.getAttribute('data-measure'), poll).toBe('pilots');
    await expect.poll(() => page.legendTitle.textContent(), poll).toMatch(/^Pilots/);
    const runningCount = async () => {
      let n = 0;
      for (const label of ['1 pilot, running', '2 or more pilots, one or more running']) {
        const item = page.legend.locator('.legend__item').filter({
          has: page.page.locator('.legend__label', { hasText: new RegExp(`^${label}$`) }),
        });
        n += Number(await item.locator('.legend__count').textContent());
      }
      return n;
    };
    await expect.poll(runningCount, poll).toBeGreaterThanOrEqual(1);

    // The seat's card lists the pilot, linking to it.
    const section = page.card.getByRole('region', { name: 'Pilots' });
    const link = section.getByRole('link', { name: pilot.title });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/pilots/${pilot.id}`);
    expect(await section.textContent()).toContain('Active');

    // A marker (after any cluster is opened) shows the pilot's card.
    await page.page.locator('.pilot-cluster, .pilot-marker').first().waitFor();
    await page.page.screenshot({ path: `/tmp/shots/pilot-cluster-${width}.png` });
    const marker = await revealMarker(page, pilot, !phone);
    expect(await marker.getAttribute('aria-label')).toBe(`Pilot: ${pilot.title} (Active)`);
    if (phone) {
      await page.dragIntoClearView(marker);
      await marker.click();
    } else {
      await marker.focus();
      await page.page.keyboard.press('Enter');
    }
    const popup = page.page.locator(`.pilot-popup[data-pilot="${pilot.id}"]`);
    await popup.waitFor();
    const card = (await popup.textContent()) ?? '';
    expect(card).toContain(pilot.title);
    expect(card).toContain('Active');
    expect(card).toContain(pilot.clp.name);
    expect(await popup.getByRole('link', { name: 'Open pilot' }).getAttribute('href')).toBe(
      `/pilots/${pilot.id}`,
    );
    expect(await fits()).toBeLessThanOrEqual(width);
    await page.page.screenshot({ path: `/tmp/shots/pilot-map-${width}.png` });

    // The table (below the map) gives the seat's pilot counts.
    if (!phone) {
      await page.open(`boundarySet=2024&measure=pilots&pilots=running&region=${NORTH_EAST}`);
      const seatRow = page.tableRows.filter({ hasText: 'Blyth and Ashington' });
      await seatRow.waitFor();
      const header = await page.table.locator('thead th').allTextContents();
      const cells = await seatRow.locator('th, td').allTextContents();
      const pilotsAt = header.findIndex((h) => h.startsWith('Pilots'));
      const activityAt = header.findIndex((h) => h.startsWith('Activities, 90 days'));
      expect(Number(cells[pilotsAt])).toBeGreaterThanOrEqual(2);
      expect(Number(cells[activityAt])).toBeGreaterThanOrEqual(1);

      // Coloured by organising activity, the seat is in the 1–4 class.
      await page.measure.selectOption({ label: 'Organising activity' });
      await expect.poll(() => page.map.getAttribute('data-measure'), poll).toBe('pilot-activity');
      const oneToFour = page.legend.locator('.legend__item', { hasText: '1–4' }).locator('.legend__count');
      await expect.poll(async () => Number(await oneToFour.textContent()), poll).toBeGreaterThanOrEqual(1);
    }
  });

  it('tells regional staff which boards they may see when a link names another region', async () => {
    const page = seatMap();
    const signIn = await new SignInPage(page.page).open('/pilots/board?region=E12000007');
    await signIn.signIn(staff.email, staff.password);
    await signIn.dialog.waitFor({ state: 'hidden' });
    const board = new PilotBoardPage(page.page);
    const message = page.page
      .getByRole('alert')
      .filter({ hasText: 'You can see the board of North East and the national board' });
    await message.waitFor();
    expect(await message.textContent()).not.toMatch(/reference|roles/i);
    expect(await page.page.locator('.pilot-board__body').count()).toBe(0);
    await board.region.selectOption(NORTH_EAST);
    await expect.poll(() => board.shown(), poll).toBe(NORTH_EAST);
    expect(await message.count()).toBe(0);
  });

  it('lets an admin change the goal per region, refusing what is not 1 to 50', async () => {
    const page = seatMap();
    const admin = userWithRole(users, 'admin');
    const signIn = await new SignInPage(page.page).open('/pilots/board');
    await signIn.signIn(admin.email, admin.password);
    await signIn.dialog.waitFor({ state: 'hidden' });
    const board = new PilotBoardPage(page.page);
    await expect.poll(() => board.shown(), poll).toBe('national');
    const goal = page.page.getByLabel('Pilots per region (goal)');
    const save = page.page.getByRole('button', { name: 'Save goal' });
    const before = await goal.inputValue();

    await goal.fill('51');
    await save.click();
    const error = page.page.getByRole('alert').filter({ hasText: 'whole number of pilots from 1 to 50' });
    await error.waitFor();
    expect(await goal.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await goal.getAttribute('aria-invalid')).toBe('true');

    // Saving the goal it already has changes nothing for the other tests, and says it is saved.
    await goal.fill(before);
    await save.click();
    await page.page
      .getByRole('status')
      .filter({ hasText: `Saved: ${before} pilots per region.` })
      .waitFor();
    expect(await error.count()).toBe(0);
    expect(await board.regionRow(NORTH_EAST).locator('td').nth(2).textContent()).toBe(before);
  });
});
