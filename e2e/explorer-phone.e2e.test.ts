import { describe, expect, inject, it } from 'vitest';
import { AdminPage } from './pages/AdminPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { RegionalBoardPage, TargetPanel } from './pages/TargetPanel.ts';
import { api } from './support/api.ts';
import { useSeatMapPage } from './support/fixture.ts';
import { userWithRole } from './support/users.ts';

const poll = { timeout: 20_000, interval: 100 };
const PHONES = [
  { name: 'a 390×844 phone', width: 390, height: 844 },
  { name: 'a 360×740 phone', width: 360, height: 740 },
] as const;
const BLYTH_AND_ASHINGTON = 'E14001107';

describe('the explorer on a phone', () => {
  const seatMap = useSeatMapPage();
  const users = inject('e2eUsers');

  it.each(PHONES)('fits $name: header, map first, filters in a drawer', async ({ width, height }) => {
    const page = seatMap();
    const northEast = (await api.regions()).find((r) => r.code === 'E12000001');
    if (!northEast) throw new Error('no North East region');
    const count = northEast.seats['2024'];
    await page.page.setViewportSize({ width, height });
    await page.open();
    await expect.poll(() => page.drawn(), poll).toMatchObject({ count: 650 });
    expect(await page.fitsWidth()).toEqual({ scrollWidth: width, innerWidth: width });

    // Sign in is on screen; the page links are behind Menu, and on screen once it is opened.
    const signIn = new SignInPage(page.page);
    const signInBox = await signIn.signInButton.boundingBox();
    expect(signInBox && signInBox.x >= 0 && signInBox.x + signInBox.width <= width).toBe(true);
    const menu = signIn.header.getByRole('button', { name: 'Menu' });
    const admin = page.page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' });
    expect(await admin.isVisible()).toBe(false);
    await menu.click();
    await admin.waitFor();
    const adminBox = await admin.boundingBox();
    expect(adminBox && adminBox.x >= 0 && adminBox.x + adminBox.width <= width).toBe(true);
    await page.page.keyboard.press('Escape');
    await admin.waitFor({ state: 'hidden' });
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);

    // The map comes first, within the first screen; the filters wait in the drawer.
    const mapBox = await page.mapContainer.boundingBox();
    expect(mapBox && mapBox.y < height * 0.4 && mapBox.height > height / 2).toBe(true);
    expect(await page.region.isVisible()).toBe(false);

    await page.filtersButton.click();
    await page.filtersDrawer.waitFor();
    expect(await page.filtersDrawer.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.region.selectOption(northEast.code);
    await page.page.keyboard.press('Escape');
    await page.filtersDrawer.waitFor({ state: 'hidden' });
    expect(await page.filtersButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => page.filtersButton.textContent(), poll).toBe('Filters (1)');
    await expect
      .poll(() => page.mapStatus.textContent(), poll)
      .toBe(`650 seats shown · ${count} match the filters`);
    expect(await page.fitsWidth()).toEqual({ scrollWidth: width, innerWidth: width });
    await page.screenshot(`phone-${width}-map`);
  });

  it('fits every width from a small phone to a laptop, signed in with a long role', async () => {
    const page = seatMap();
    const signIn = await new SignInPage(page.page).open('/');
    const staff = userWithRole(users, 'regional_staff');
    await signIn.signIn(staff.email, staff.password);
    await signIn.accountButton.waitFor();
    for (const width of [1280, 1024, 900, 820, 768, 600, 414, 360]) {
      await page.page.setViewportSize({ width, height: 800 });
      await expect.poll(() => page.fitsWidth(), poll).toEqual({ scrollWidth: width, innerWidth: width });
      const box = await signIn.accountButton.boundingBox();
      expect(box && box.x + box.width <= width, `account button at ${width} px`).toBe(true);
      await page.screenshot(`width-${width}-signed-in`);
    }
  });

  it('shows the seat card in view after a search by ONS code', async () => {
    const page = seatMap();
    await page.page.setViewportSize({ width: 390, height: 844 });
    await page.open();
    await expect.poll(() => page.drawn(), poll).toMatchObject({ count: 650 });

    await page.search.fill(BLYTH_AND_ASHINGTON);
    const option = page.page.getByRole('listbox', { name: 'Matching seats' }).getByRole('option').first();
    await expect.poll(() => option.textContent(), poll).toBe(`Blyth and Ashington ${BLYTH_AND_ASHINGTON}`);
    await page.search.press('Enter');
    await expect.poll(() => page.cardTitle.textContent(), poll).toBe('Blyth and Ashington');
    // The card's title is on screen without the user scrolling to it.
    await expect
      .poll(async () => {
        const box = await page.cardTitle.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= 844;
      }, poll)
      .toBe(true);
    expect(await page.fitsWidth()).toEqual({ scrollWidth: 390, innerWidth: 390 });
    await page.screenshot('phone-390-card');
  });

  it('fits the regional board and the admin page at 360 px, wide tables scrolling in their own box', async () => {
    const page = seatMap();
    await page.page.setViewportSize({ width: 360, height: 740 });
    const signIn = await new SignInPage(page.page).open('/board');
    const admin = userWithRole(users, 'admin');
    await signIn.signIn(admin.email, admin.password);
    await signIn.accountButton.waitFor();

    // A target with a long rationale, so the board's table is wider than the phone.
    const seat = (await api.seats('boundarySet=2024&region=E12000001&q=Sunderland%20Central')).items[0];
    if (!seat) throw new Error('no Sunderland Central in the 2024 data');
    const rationale = 'A long rationale that no phone could show on one line: '.repeat(3);
    const status = await new TargetPanel(page.page).putFromPage(seat.code, {
      status: 'HOLD',
      tier: 3,
      rationale,
      version: 0,
    });
    expect([200, 409]).toContain(status); // 409: set already by an earlier run on the same database

    const board = new RegionalBoardPage(page.page);
    await board.region.selectOption('E12000001');
    await board.row(seat.code).waitFor();
    expect(await page.fitsWidth()).toEqual({ scrollWidth: 360, innerWidth: 360 });
    const scroller = board.table.locator('xpath=..');
    expect(await scroller.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
    await page.screenshot('phone-360-board');

    const adminPage = await new AdminPage(page.page).open();
    await adminPage.usersTable.waitFor();
    expect(await page.fitsWidth()).toEqual({ scrollWidth: 360, innerWidth: 360 });
    await page.page.getByRole('button', { name: 'Menu' }).waitFor();
    await page.screenshot('phone-360-admin', true);
  });
});
