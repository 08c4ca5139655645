import { describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/SignInPage.ts';
import { RegionalBoardPage, TargetPanel } from './pages/TargetPanel.ts';
import { closeTo, cssRgb } from './support/api.ts';
import { useSeatMapPage } from './support/fixture.ts';
import { userWithRole } from './support/users.ts';

const poll = { timeout: 20_000, interval: 100 };
const HARTLEPOOL = 'E14001272'; // North East, 2024 boundaries; no other e2e file touches it

describe('seat targets', () => {
  const seatMap = useSeatMapPage();
  const users = inject('e2eUsers');

  async function signInAsStaff() {
    const page = await seatMap().open('boundarySet=2024');
    const signIn = new SignInPage(page.page);
    const staff = userWithRole(users, 'regional_staff');
    await signIn.signIn(staff.email, staff.password);
    await signIn.dialog.waitFor({ state: 'hidden' });
    return { page, staff, panel: new TargetPanel(page.page) };
  }

  it('lets regional staff set a target in their region, shows it, its history and on the map', async () => {
    const { page, staff, panel } = await signInAsStaff();
    await page.searchFor('Hartlepool');
    await expect.poll(() => page.cardTitle.textContent(), poll).toBe('Hartlepool');
    expect(await page.card.getAttribute('data-seat')).toBe(HARTLEPOOL);

    const rationale = `Marginal against Reform; e2e ${Date.now()}`;
    await panel.setTarget('DEFEND', '1', rationale);
    await panel.form.waitFor({ state: 'detached' });
    await expect.poll(() => panel.status.textContent(), poll).toBe('Defend, tier 1');
    expect(await panel.section.textContent()).toContain(rationale);
    expect(await panel.setBy.textContent()).toContain(`Set by ${staff.name}`);

    await panel.openHistory();
    await panel.historyEntries.first().waitFor();
    const latest = (await panel.historyEntries.first().textContent()) ?? '';
    expect(latest).toContain(staff.name);
    expect(latest).toContain(`→ ${rationale}`);

    await page.measure.selectOption({ label: 'Target status' });
    await expect.poll(() => page.legendTitle.textContent(), poll).toMatch(/^Target status/);
    await expect.poll(() => page.map.getAttribute('data-measure')).toBe('target');
    const defend1 = page.legend.locator('.legend__item', { hasText: 'Defend, tier 1' });
    await expect
      .poll(async () => Number(await defend1.locator('.legend__count').textContent()), poll)
      .toBeGreaterThanOrEqual(1);
    // The search centred the map on Hartlepool: it is painted in the legend's Defend, tier 1 colour.
    const swatch = cssRgb(
      await page.legendSwatch('Defend, tier 1').evaluate((el) => getComputedStyle(el).backgroundColor),
    );
    await expect.poll(() => page.pixelAtMapCentre(), poll).toSatisfy((px: number[]) => closeTo(px, swatch));
    await page.screenshot('targets-defend-hartlepool');

    // The regional board opens on the staff member's own region and lists the seat with its CSV.
    const board = await new RegionalBoardPage(page.page).open();
    await expect.poll(() => board.region.inputValue(), poll).toBe('E12000001');
    await expect.poll(() => board.row(HARTLEPOOL).textContent(), poll).toContain(rationale);
    expect(await board.row(HARTLEPOOL).textContent()).toContain('Defend');
    expect(await board.csvLink.getAttribute('href')).toBe('/api/targets/board.csv?region=E12000001');
    expect(await board.csvText()).toContain('Hartlepool');
    await page.screenshot('targets-regional-board');
  });

  it('offers no editing outside their region, and the server refuses it too', async () => {
    const { page, panel } = await signInAsStaff();
    await page.searchFor('Chingford');
    await expect.poll(() => page.cardTitle.textContent(), poll).toMatch(/^Chingford/);
    const code = await page.card.getAttribute('data-seat');
    if (!code) throw new Error('the seat card names no seat');

    await panel.setBy.waitFor();
    expect(await panel.editButton.count()).toBe(0);
    const status = await panel.putFromPage(code, { status: 'WIN', tier: 1, rationale: '', version: 0 });
    expect(status).toBe(403);
  });
});
