import type { TSeatListResponse } from '@groundwork/server/contracts';
import { describe, expect, inject, it } from 'vitest';
import type { SeatMapPage } from './pages/SeatMapPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { TargetPanel } from './pages/TargetPanel.ts';
import { api } from './support/api.ts';
import { parseCsv } from './support/csv.ts';
import { useSeatMapPage } from './support/fixture.ts';
import { userWithRole } from './support/users.ts';

const poll = { timeout: 20_000, interval: 100 };
const NORTH_EAST = 'E12000001';
// Seats other browser tests change: Hartlepool (targets), Blyth and Ashington (the organiser's CLP).
const TAKEN = new Set(['E14001272', 'E14001107']);

const seats = (n: number) => `${n} ${n === 1 ? 'seat' : 'seats'}`;

/** The seat list as the page's own session gets it (the layers it may see). */
function listFromPage(page: SeatMapPage, query: string): Promise<TSeatListResponse> {
  return page.page.evaluate(async (q) => {
    const res = await fetch(`/api/seats?${q}`);
    if (!res.ok) throw new Error(`/api/seats?${q}: ${res.status}`);
    return (await res.json()) as TSeatListResponse;
  }, query);
}

describe('seat layers in the explorer', () => {
  const seatMap = useSeatMapPage();
  const users = inject('e2eUsers');

  async function signInAsStaff(query: string) {
    const page = await seatMap().open(query);
    const signIn = new SignInPage(page.page);
    const staff = userWithRole(users, 'regional_staff');
    await signIn.signIn(staff.email, staff.password);
    await signIn.dialog.waitFor({ state: 'hidden' });
    // The seat list, fetched again for the signed-in user, says they see targets.
    await expect.poll(() => page.measureOption('Target status').isEnabled(), poll).toBe(true);
    return { page, panel: new TargetPanel(page.page) };
  }

  it('shows a red-wall override set on the card in the map outline and the legend count, without reload', async () => {
    // A North East seat that is not red wall by the computed rule, and no other test touches.
    const candidates = await api.seats(`boundarySet=2024&region=${NORTH_EAST}&redWall=false&sort=-name`);
    const seat = candidates.items.find((s) => !TAKEN.has(s.code));
    if (!seat) throw new Error('no North East seat to override');

    const { page, panel } = await signInAsStaff('boundarySet=2024&measure=winner');
    const before = await panel.getFromPage(seat.code);
    // A reused database may hold an earlier run's override: flip whatever is in force now.
    const redWall = !before.redWall;

    await page.searchFor(seat.name);
    await expect.poll(() => page.cardTitle.textContent(), poll).toBe(seat.name);
    await expect.poll(() => page.focusedSeat(), poll).toBe(seat.code);
    await expect.poll(() => page.mapStatus.textContent(), poll).toBe('650 seats shown');
    const countBefore = await page.legendRedWallCount();
    const pixelsBefore = await page.redWallOutlinePixels();
    expect(pixelsBefore).toBeGreaterThanOrEqual(0);

    const reason = `Local organisers' knowledge; e2e ${Date.now()}`;
    await panel.overrideRedWall(redWall, reason);
    await panel.form.waitFor({ state: 'detached' });
    await expect.poll(() => panel.redWallFact.textContent(), poll).toContain('set by staff');
    expect(await panel.redWallFact.textContent()).toContain(reason);

    // The list is fetched again with the effective flag: legend count and outline follow at once.
    await expect.poll(() => page.legendRedWallCount(), poll).toBe(countBefore + (redWall ? 1 : -1));
    if (redWall) {
      await page.legend.getByText(/^Red-wall seats shown/).click();
      await page.legend.getByRole('button', { name: seat.name, exact: true }).waitFor();
      await expect.poll(() => page.redWallOutlinePixels(), poll).toBeGreaterThan(pixelsBefore + 300);
    } else {
      await expect.poll(() => page.redWallOutlinePixels(), poll).toBeLessThan(pixelsBefore - 300);
    }
    // The red-wall filter works on the same effective flag.
    await page.redWall.selectOption(String(redWall));
    await page.region.selectOption(NORTH_EAST);
    await expect.poll(() => page.table.locator(`tr[data-code="${seat.code}"]`).count(), poll).toBe(1);
    await page.screenshot('seat-layers-red-wall-override');
  });

  it('narrows the table with the target and tier filters, and the CSV link carries them', async () => {
    const { page, panel } = await signInAsStaff('boundarySet=2024');
    // At least one Defend, tier 2 seat in the staff member's region, set as the API allows them.
    const all = await listFromPage(page, `boundarySet=2024&region=${NORTH_EAST}&sort=name`);
    const seat = all.items.filter((s) => !TAKEN.has(s.code))[1];
    if (!seat) throw new Error('no North East seat to target');
    const { version } = await panel.getFromPage(seat.code);
    const put = await panel.putFromPage(seat.code, { status: 'DEFEND', tier: 2, rationale: '', version });
    expect(put).toBe(200);

    await page.targetFilter.selectOption('DEFEND');
    const defend = await listFromPage(page, 'boundarySet=2024&target=DEFEND&sort=name');
    expect(defend.total).toBeGreaterThan(0);
    expect(defend.total).toBeLessThan(650);
    await expect.poll(() => page.tableCount.textContent(), poll).toBe(seats(defend.total));
    await expect.poll(() => page.csvLink.getAttribute('href'), poll).toContain('target=DEFEND');
    expect(await page.page.getByText('without the target filter').count()).toBe(0);

    await page.tierFilter.selectOption('2');
    const tier2 = await listFromPage(page, 'boundarySet=2024&target=DEFEND&tier=2&sort=name');
    expect(tier2.items.map((s) => s.code)).toContain(seat.code);
    await expect.poll(() => page.tableCount.textContent(), poll).toBe(seats(tier2.total));
    const href = (await page.csvLink.getAttribute('href')) ?? '';
    expect(new URL(href, 'http://x').searchParams.get('target')).toBe('DEFEND');
    expect(new URL(href, 'http://x').searchParams.get('tier')).toBe('2');
    expect(new URL(page.page.url()).searchParams.get('tier')).toBe('2');

    // The table shows the target to those who may see it; the CSV lists exactly the rows shown.
    const row = page.table.locator(`tr[data-code="${seat.code}"]`);
    await expect.poll(() => row.textContent(), poll).toContain('Defend, tier 2');
    const { text } = await page.downloadCsv();
    const [header, ...rows] = parseCsv(text);
    const status = (header ?? []).indexOf('target_status');
    expect(status).toBeGreaterThanOrEqual(0);
    expect(rows).toHaveLength(tier2.total);
    expect(new Set(rows.map((r) => r[status]))).toEqual(new Set(['DEFEND']));
  });

  it('disables the target measure and filters for the public while targets are private', async () => {
    const page = seatMap();
    const setting = await fetch(`${inject('baseUrl')}/api/settings/targets-public`);
    expect(await setting.json()).toMatchObject({ public: false });

    // A shared link asking for targets: the list is fetched without them, and says why.
    await page.open('boundarySet=2024&measure=target&target=WIN&sort=-target');
    await expect.poll(() => page.tableCount.textContent(), poll).toBe('650 seats');
    await expect
      .poll(() => page.measureOption('Target status').textContent(), poll)
      .toBe('Target status (sign in)');
    expect(await page.measureOption('Target status').isDisabled()).toBe(true);
    await expect.poll(() => page.legendTitle.textContent(), poll).toBe('Winning party');
    expect(await page.targetFilter.isDisabled()).toBe(true);
    expect(await page.tierFilter.isDisabled()).toBe(true);
    expect(await page.page.getByText('Sign in to see seat targets.').count()).toBe(1);
    expect(await page.table.getByRole('columnheader', { name: /^Target/ }).count()).toBe(0);
    const href = (await page.csvLink.getAttribute('href')) ?? '';
    expect(href).not.toContain('target=');
    expect(href).toContain('sort=name');

    // On the 2010 boundaries targets do not exist, for anyone.
    await page.boundaries.selectOption('2010');
    await expect
      .poll(() => page.measureOption('Target status').textContent(), poll)
      .toBe('Target status (2024 only)');
    await page.screenshot('seat-layers-signed-out');
  });
});
