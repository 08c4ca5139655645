import fs from 'node:fs/promises';
import type { TSelection } from '@groundwork/server/contracts';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiSession } from './pages/PilotBoard.ts';
import { SelectionBoardPage } from './pages/SelectionBoard.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { useSeatMapPage } from './support/fixture.ts';
import { userWithRole } from './support/users.ts';

const poll = { timeout: 20_000, interval: 100 };
const BLYTH_AND_ASHINGTON = 'E14001107';
const NORTH_EAST = 'E12000001';
const VIEWPORTS = [
  { name: 'a 1440 px desktop', width: 1440, height: 900, phone: false },
  { name: 'a 360 px phone', width: 360, height: 740, phone: true },
] as const;

describe('selections on the seat map and the national board (issue 9)', () => {
  const seatMap = useSeatMapPage();
  const users = inject('e2eUsers');
  const staff = userWithRole(users, 'regional_staff');
  const names = [`Quentin Notlocal ${Date.now()}`, `Rhiannon Faraway ${Date.now()}`];
  let selection: TSelection;

  beforeAll(async () => {
    // Blyth and Ashington's selection officer draws a shortlist of two, neither living locally: the
    // locality rule (half the shortlist local) is broken. Other files' selections here are older.
    const officer = userWithRole(users, 'selection_officer');
    const session = await ApiSession.signIn(officer.email, officer.password);
    const clp = await session.ownClp();
    selection = await session.createSelection({ clpId: clp.id, electionType: 'general', stage: 'shortlist' });
    for (const name of names) {
      selection = await session.addCandidacy(selection.id, {
        stage: 'shortlisted',
        livesLocally: false,
        candidate: { name, workingClass: true },
      });
    }
    expect(selection.compliance.rules.find((r) => r.rule === 'localShare')?.state).toBe('broken');
  });

  it.each(VIEWPORTS)(
    'regional staff find the broken selection on $name',
    async ({ width, height, phone }) => {
      const page = seatMap();
      await page.page.setViewportSize({ width, height });
      await page.open('boundarySet=2024');
      const signIn = new SignInPage(page.page);
      await signIn.signIn(staff.email, staff.password);
      await signIn.dialog.waitFor({ state: 'hidden' });
      const fits = async () => page.page.evaluate(() => document.documentElement.scrollWidth);

      // Coloured by compliance, the seat falls in the broken class, counted in the legend.
      await page.open(`boundarySet=2024&measure=selection-compliance&seat=${BLYTH_AND_ASHINGTON}`);
      await expect.poll(() => page.map.getAttribute('data-measure'), poll).toBe('selection-compliance');
      await expect.poll(() => page.legendTitle.textContent(), poll).toMatch(/^Selection rules/);
      const broken = page.legend.locator('.legend__item').filter({
        has: page.page.locator('.legend__label', { hasText: /^Rules broken$/ }),
      });
      await expect
        .poll(async () => Number(await broken.locator('.legend__count').textContent()), poll)
        .toBeGreaterThanOrEqual(1);

      // The seat's card says the stage and the state in words, and links to the selection.
      const section = page.card.getByRole('region', { name: 'Selection', exact: true });
      const link = section.getByRole('link', { name: 'Open the selection' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`/selections/${selection.id}`);
      expect(await section.textContent()).toContain('Stage: Shortlist');
      expect(await section.textContent()).toContain('Rules broken');
      expect(await section.textContent()).toContain('1 rule broken');
      expect(await page.page.content()).not.toContain(names[0]);
      expect(await fits()).toBeLessThanOrEqual(width);
      await page.page.screenshot({ path: `/tmp/shots/selection-map-${width}.png` });

      // The table (below the map) has the seat among those breaking a rule, in words.
      if (!phone) {
        await page.open(
          `boundarySet=2024&measure=selection-compliance&selectionCompliance=broken&region=${NORTH_EAST}`,
        );
        const seatRow = page.tableRows.filter({ hasText: 'Blyth and Ashington' });
        await seatRow.waitFor();
        const header = await page.table.locator('thead th').allTextContents();
        const cells = await seatRow.locator('th, td').allTextContents();
        expect(cells[header.findIndex((h) => h.startsWith('Selection rules'))]).toBe('Rules broken');
        expect(cells[header.findIndex((h) => h.startsWith('Selection stage'))]).toBe('Shortlist');
      }

      // The national board counts it in the North East's row: the locality rule broken at least once.
      const board = await new SelectionBoardPage(page.page).open();
      const row = board.row(NORTH_EAST);
      await row.waitFor();
      expect(await row.locator('th').textContent()).toBe('North East');
      const locality = board.cell(NORTH_EAST, 'Local shortlist');
      expect(Number(await locality.getAttribute('data-broken'))).toBeGreaterThanOrEqual(1);
      expect(await locality.textContent()).toMatch(/\d+ of \d+ kept \(\d+%\)\d+ broken/);
      expect(await board.summary.textContent()).toMatch(/break at least one/);
      // The same figures as CSV, one line per group and rule, with no names.
      const [download] = await Promise.all([page.page.waitForEvent('download'), board.csvButton.click()]);
      expect(download.suggestedFilename()).toBe('selections-board.csv');
      const csv = await fs.readFile(await download.path(), 'utf8');
      expect(csv.split('\n')[0]).toBe(
        'grouping,group_code,group,rule,selections,kept,at_risk,broken,not_applied,kept_pct',
      );
      expect(csv).toMatch(new RegExp(`^region,${NORTH_EAST},North East,localShare,`, 'm'));
      for (const name of names) expect(csv).not.toContain(name);
      expect(await fits()).toBeLessThanOrEqual(width);
      await page.page.screenshot({ path: `/tmp/shots/selection-board-${width}.png`, fullPage: true });

      // Narrowed to selections at the shortlist stage (the filter goes into the URL), it still counts.
      await board.stage.selectOption('shortlist');
      await expect.poll(() => page.page.url(), poll).toContain('stage=shortlist');
      await expect
        .poll(async () => Number(await locality.getAttribute('data-broken')), poll)
        .toBeGreaterThanOrEqual(1);
    },
  );
});
