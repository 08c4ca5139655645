import { describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/SignInPage.ts';
import { RegionalBoardPage } from './pages/TargetPanel.ts';
import { api, closeTo, hexToRgb } from './support/api.ts';
import { useSeatMapPage } from './support/fixture.ts';
import { userWithRole } from './support/users.ts';

const poll = { timeout: 20_000, interval: 100 };
const NORTH_EAST = 'E12000001';
const SELECTED = { halo: hexToRgb('#14161a'), line: hexToRgb('#ffb000') };

describe('moving around the explorer', () => {
  const seatMap = useSeatMapPage();
  const users = inject('e2eUsers');

  it('steps Back and Forward through the seats and filters chosen', async () => {
    const page = seatMap();
    const search = (q: string) => api.seats(`boundarySet=2024&q=${encodeURIComponent(q)}`);
    const [hartlepool, chingford] = await Promise.all([search('Hartlepool'), search('Chingford')]);
    const first = hartlepool.items[0];
    const second = chingford.items[0];
    if (!first || !second) throw new Error('the 2024 data lacks Hartlepool or Chingford');
    const url = () => new URL(page.page.url()).searchParams;

    await page.open('boundarySet=2024');
    await expect.poll(() => page.drawn(), poll).toMatchObject({ count: 650 });
    await page.searchFor(first.name);
    await expect.poll(() => page.card.getAttribute('data-seat'), poll).toBe(first.code);
    await page.region.selectOption(NORTH_EAST);
    await expect.poll(() => url().get('region'), poll).toBe(NORTH_EAST);
    await page.searchFor(second.name);
    await expect.poll(() => page.card.getAttribute('data-seat'), poll).toBe(second.code);

    await page.page.goBack();
    await expect.poll(() => page.card.getAttribute('data-seat'), poll).toBe(first.code);
    await expect.poll(() => page.region.inputValue(), poll).toBe(NORTH_EAST);
    // The map brings the restored seat back into view: its outline is around the map's centre again.
    const outlineAround = async () =>
      (
        await Promise.all(
          (['right', 'left', 'up', 'down'] as const).map(async (towards) =>
            (await page.scanFromCentre(towards)).some((p) => (p.outline[3] ?? 0) > 0),
          ),
        )
      ).every(Boolean);
    await expect.poll(outlineAround, poll).toBe(true);
    await page.page.goBack();
    await expect.poll(() => page.region.inputValue(), poll).toBe('');
    expect(await page.card.getAttribute('data-seat')).toBe(first.code);
    await page.page.goBack();
    await expect.poll(() => page.card.count(), poll).toBe(0);
    expect(url().get('seat')).toBeNull();
    await page.page.goForward();
    await expect.poll(() => page.card.getAttribute('data-seat'), poll).toBe(first.code);
  });

  it('adds one history entry for a swing band typed, not one per keystroke', async () => {
    const page = seatMap();
    const url = () => new URL(page.page.url()).searchParams;
    await page.open('boundarySet=2024');
    await expect.poll(() => page.drawn(), poll).toMatchObject({ count: 650 });
    // Typing "12.5" in the swing band is one history entry, not four.
    const entries = () => page.page.evaluate(() => window.history.length);
    const before = await entries();
    await page.page.getByLabel('From', { exact: true }).pressSequentially('12.5', { delay: 60 });
    await expect.poll(() => url().get('minSwing'), poll).toBe('12.5');
    expect(await entries()).toBe(before + 1);

    await page.page.goBack();
    await expect.poll(() => url().get('minSwing'), poll).toBeNull();
    await expect.poll(() => page.page.getByLabel('From', { exact: true }).inputValue(), poll).toBe('');
  });

  it('brings the card into view for a seat chosen far down the table, and closing it leaves the search shut', async () => {
    // Reported: on a desktop the card opened above the viewport after scrolling the table; and closing a
    // card chosen by search put focus back in the search box, which reopened its list over the controls.
    const page = seatMap();
    await page.open('boundarySet=2024');
    await expect.poll(() => page.drawn(), poll).toMatchObject({ count: 650 });
    const row = page.page.locator('.seat-table tbody tr').nth(40);
    await row.scrollIntoViewIfNeeded();
    const code = await row.getAttribute('data-code');
    await row.locator('th button').click();
    await expect.poll(() => page.card.getAttribute('data-seat'), poll).toBe(code);
    const inView = () =>
      page.card.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      });
    await expect.poll(inView, poll).toBe(true);

    await page.searchFor('Hexham');
    await expect.poll(() => page.cardTitle.textContent(), poll).toBe('Hexham');
    await page.page.getByRole('button', { name: 'Close seat card' }).click();
    await expect.poll(() => page.card.count(), poll).toBe(0);
    const search = page.page.getByRole('combobox', { name: 'Find a seat' });
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await search.getAttribute('aria-expanded')).toBe('false');
  });

  it('finds a seat by its ONS code', async () => {
    const page = seatMap();
    await page.open('boundarySet=2024');
    await page.searchFor('e14001107');
    await expect.poll(() => page.cardTitle.textContent(), poll).toBe('Blyth and Ashington');
    expect(await page.card.getAttribute('data-seat')).toBe('E14001107');
  });

  it('shows a not-found page for an unknown path, and keeps other pages out of the map’s first load', async () => {
    const page = seatMap();
    const scripts: string[] = [];
    page.page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.open();
    await expect.poll(() => page.drawn(), poll).toMatchObject({ count: 650 });
    expect(scripts.filter((s) => /AdminPage|RegionalBoard|SetPasswordPage|NotFoundPage/.test(s))).toEqual([]);

    await page.page.goto('/nope');
    const heading = page.page.getByRole('heading', { name: 'There is no page here' });
    await heading.waitFor();
    expect(await page.page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.map.count()).toBe(0);
    expect(await page.page.title()).toBe('Page not found · Groundwork');
    await page.page.getByRole('link', { name: 'Go to the seat map' }).click();
    await expect.poll(() => page.drawn(), poll).toMatchObject({ count: 650 });
  });

  it("opens the regional board on the organiser's CLP region; an admin picks one", async () => {
    const page = seatMap();
    const signIn = await new SignInPage(page.page).open('/board');
    const organiser = userWithRole(users, 'organiser'); // Blyth and Ashington CLP, in the North East
    await signIn.signIn(organiser.email, organiser.password);
    const board = new RegionalBoardPage(page.page);
    await expect.poll(() => board.region.inputValue(), poll).toBe(NORTH_EAST);
    await expect.poll(() => new URL(page.page.url()).searchParams.get('region'), poll).toBe(NORTH_EAST);

    await signIn.signOut();
    await signIn.signInButton.waitFor();
    await page.page.goto('/board');
    const admin = userWithRole(users, 'admin');
    await signIn.signIn(admin.email, admin.password);
    await signIn.accountButton.waitFor();
    await expect.poll(() => page.page.getByText('Choose a region to see its targets.').count(), poll).toBe(1);
    expect(await board.region.inputValue()).toBe('');
    await board.region.selectOption('E12000007');
    await expect.poll(() => new URL(page.page.url()).searchParams.get('region'), poll).toBe('E12000007');
  });

  it('outlines the selected seat in amber on a dark halo, whatever its party colour', async () => {
    const page = seatMap();
    const parties = await api.parties();
    await page.open('boundarySet=2024&measure=winner');
    await expect.poll(() => page.drawn(), poll).toMatchObject({ count: 650 });

    for (const party of ['Lab', 'Con', 'LD', 'RUK', 'SNP', 'Green', 'PC']) {
      const seat = (await api.seats(`boundarySet=2024&winner=${party}&sort=-electorate&limit=1`)).items[0];
      const colour = parties.find((p) => p.code === party)?.colour;
      if (!seat || !colour) throw new Error(`no ${party} seat in the 2024 data`);
      await page.searchFor(seat.name);
      await expect.poll(() => page.focusedSeat(), poll).toBe(seat.code);
      await expect.poll(() => page.mapContainer.getAttribute('data-seat-selected'), poll).toBe(seat.code);

      // From the seat's centre outwards: the party's fill, then across its edge the outline, dark halo
      // and amber line. (One direction may run along the boundary rather than across it.)
      const crossings = await Promise.all(
        (['right', 'left', 'up', 'down'] as const).map(async (towards) => {
          const scan = await page.scanFromCentre(towards);
          const edge = scan.findIndex((p) => (p.outline[3] ?? 0) > 0);
          const band = scan.slice(edge, edge + 12).filter((p) => p.outline[3] === 255);
          return {
            fill: edge > 2 && closeTo(scan[edge - 2]?.seats ?? [], hexToRgb(colour), 8),
            halo: band.some((p) => closeTo(p.outline, SELECTED.halo, 24)),
            line: band.some((p) => closeTo(p.outline, SELECTED.line, 24)),
          };
        }),
      );
      expect(crossings, `${party}: ${seat.name}`).toContainEqual({ fill: true, halo: true, line: true });
    }
    await page.screenshot('selected-outline');
  });

  it('chooses a seat on the map by keyboard, from the skip link; Escape closes the card', async () => {
    const page = seatMap();
    await page.open('boundarySet=2024');
    await expect.poll(() => page.drawn(), poll).toMatchObject({ count: 650 });
    const keys = page.page.keyboard;

    await keys.press('Tab');
    expect(await page.focused()).toMatchObject({ tag: 'a', label: 'Skip to the seat map' });
    await keys.press('Enter');
    expect((await page.focused()).id).toBe('seat-map');
    expect(await page.mapContainer.getAttribute('role')).toBe('application');
    expect(await page.mapContainer.getAttribute('aria-label')).toBe('Map of 650 seats, boundaries');

    await keys.press('ArrowRight'); // lands on the seat in the middle of the view
    await expect
      .poll(() => page.mapContainer.getAttribute('data-keyboard-seat'), poll)
      .toMatch(/^[ENSW]14\d{6}$/);
    const start = await page.mapContainer.getAttribute('data-keyboard-seat');
    await keys.press('ArrowRight');
    await expect.poll(() => page.mapContainer.getAttribute('data-keyboard-seat'), poll).not.toBe(start);
    const code = (await page.mapContainer.getAttribute('data-keyboard-seat')) ?? '';
    const name = (await api.seats(`boundarySet=2024&limit=650`)).items.find((s) => s.code === code)?.name;
    if (!name) throw new Error(`no seat ${code}`);
    await expect.poll(() => page.mapAnnouncement.textContent(), poll).toMatch(/: /);
    expect((await page.mapAnnouncement.textContent())?.startsWith(`${name}: `)).toBe(true);
    await page.screenshot('keyboard-seat');

    await keys.press('Enter');
    await expect.poll(() => page.card.getAttribute('data-seat'), poll).toBe(code);
    await expect.poll(() => page.mapContainer.getAttribute('data-seat-selected'), poll).toBe(code);
    expect((await page.focused()).id).toBe('seat-map');
    await keys.press('Escape');
    await expect.poll(() => page.card.count(), poll).toBe(0);
    expect((await page.focused()).id).toBe('seat-map');

    // From the search: Escape in the card closes it and puts focus back in the search box.
    await page.searchFor('Hartlepool');
    await expect.poll(() => page.cardTitle.textContent(), poll).toBe('Hartlepool');
    await page.card.getByRole('button', { name: 'Close seat card' }).focus();
    await keys.press('Escape');
    await expect.poll(() => page.card.count(), poll).toBe(0);
    expect(await page.search.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
