import { describe, expect, inject, it } from 'vitest';
import { AdminPage } from './pages/AdminPage.ts';
import { parseCsv } from './support/csv.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { useSeatMapPage } from './support/fixture.ts';
import { userWithRole } from './support/users.ts';

const poll = { timeout: 15_000, interval: 100 };

describe('the admin page', () => {
  const seatMap = useSeatMapPage();
  const users = inject('e2eUsers');

  /** Signs the e2e admin in on /admin and waits for the page. */
  async function openAsAdmin() {
    const admin = userWithRole(users, 'admin');
    const signIn = await new SignInPage(seatMap().page).open('/admin');
    await signIn.signIn(admin.email, admin.password);
    await signIn.dialog.waitFor({ state: 'hidden' });
    const page = new AdminPage(seatMap().page);
    await page.heading.waitFor();
    return { admin, page };
  }

  /** Creates a user with a unique email through the page and waits for their panel; returns the email. */
  async function withNewUser(page: AdminPage, name: string, prefix: string): Promise<string> {
    const email = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.groundwork.test`;
    await page.createUser(name, email);
    await page.panel.getByRole('heading', { name }).waitFor();
    return email;
  }

  it('creates a user, gives and revokes a regional role, and issues a set-password link', async () => {
    const { page } = await openAsAdmin();

    const email = `new-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.groundwork.test`;
    await page.createUser('Nia Newcomer', email);
    // The new user is searched for and opened, with focus on their panel.
    await expect.poll(() => page.search.inputValue(), poll).toBe(email);
    await page.panel.getByRole('heading', { name: 'Nia Newcomer' }).waitFor();
    await expect
      .poll(() => page.usersTable.locator('tbody tr').allTextContents(), poll)
      .toEqual([expect.stringContaining(email)]);
    expect(await page.panel.textContent()).toContain('No roles yet.');

    await page.giveRole('Regional staff', 'North East');
    await expect
      .poll(() => page.roleTexts(), poll)
      .toEqual([expect.stringMatching(/Regional staff · North East\s*Active/)]);
    await expect
      .poll(() => page.usersTable.locator('tbody tr').first().textContent(), poll)
      .toContain('Regional staff · North East');

    const url = await page.issuePasswordLink();
    expect(url).toContain('/set-password#token=');
    expect(await page.linkDialog.textContent()).toContain('privately');
    await page.linkDialog.getByRole('button', { name: 'Done' }).click();
    await page.linkDialog.waitFor({ state: 'hidden' });

    await page
      .role('Regional staff · North East')
      .getByRole('button', { name: /^Revoke/ })
      .click();
    await page.revokeDialog.getByRole('button', { name: 'Revoke role' }).click();
    await page.revokeDialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.roleTexts(), poll)
      .toEqual([expect.stringMatching(/Regional staff · North East\s*Revoked/)]);
    expect(
      await page
        .role('North East')
        .getByRole('button', { name: /^Revoke/ })
        .count(),
    ).toBe(0);
    await expect
      .poll(() => page.usersTable.locator('tbody tr').first().textContent(), poll)
      .toContain('None');

    // The grant's history shows it was created and then revoked.
    await page.role('North East').locator('summary').click();
    await expect
      .poll(() => page.role('North East').locator('.admin-history__list > li').count(), poll)
      .toBeGreaterThanOrEqual(2);
    await seatMap().screenshot('admin-user-panel');
  });

  it('disables a user, who shows as disabled in the list, and enables them again', async () => {
    const { page } = await openAsAdmin();

    const email = await withNewUser(page, 'Lee Leaver', 'leaver');
    expect(await page.userRow(email).textContent()).not.toContain('Disabled');

    // A reason is required: the dialog says so in place and stays open.
    await page.disableButton.click();
    await page.disableDialog.getByRole('button', { name: 'Disable account' }).click();
    await expect
      .poll(() => page.disableDialog.getByRole('alert').textContent(), poll)
      .toContain('Say why the account is disabled');
    await page.disableDialog.getByRole('button', { name: 'Cancel' }).click();
    await page.disableDialog.waitFor({ state: 'hidden' });

    // By keyboard: the reason, then Enter on the confirming button.
    await page.disableButton.focus();
    await seatMap().page.keyboard.press('Enter');
    await page.disableDialog.getByLabel('Why are you disabling this account?').waitFor();
    await seatMap().page.keyboard.type('Moved away from the area');
    await page.disableDialog.getByRole('button', { name: 'Disable account' }).focus();
    await seatMap().page.keyboard.press('Enter');
    await page.disableDialog.waitFor({ state: 'hidden' });

    await expect.poll(() => page.userRow(email).textContent(), poll).toContain('Disabled');
    await page.enableButton.waitFor();
    expect(await page.panel.textContent()).toContain('Lee Leaver cannot sign in');
    // Focus lands on the button that undoes it.
    await expect
      .poll(() => seatMap().page.evaluate(() => document.activeElement?.textContent), poll)
      .toBe('Enable account');
    await page.panel.getByText('Account history').click();
    await expect
      .poll(() => page.panel.locator('.admin-history__list').first().textContent(), poll)
      .toContain('Moved away from the area');
    await seatMap().screenshot('admin-user-disabled');

    // Fits a phone: the panel and its actions at 360 px.
    await seatMap().page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => seatMap().fitsWidth(), poll).toEqual({ scrollWidth: 360, innerWidth: 360 });

    await page.enableButton.click();
    await page.disableButton.waitFor();
    await expect.poll(() => page.userRow(email).textContent(), poll).not.toContain('Disabled');
  });

  it('counts the reason, wraps a long one at 360 px, says "Account disabled" and offers no link', async () => {
    const { page } = await openAsAdmin();
    await withNewUser(page, 'Lou Longreason', 'long');

    // The limit is said up front, with a count that follows the typing, both read out with the field.
    await page.disableButton.click();
    await page.disableReason.waitFor();
    expect(await page.description(page.disableReason)).toMatch(/Up to 500 characters.*0 of 500 characters/);
    await page.disableDialog.getByRole('button', { name: 'Disable account' }).click();
    await expect
      .poll(() => page.disableDialog.getByRole('alert').allTextContents(), poll)
      .toEqual(['Say why the account is disabled']);
    // A reason typed clears "Say why…" at once, before any new submit.
    await page.disableReason.pressSequentially('M');
    await expect.poll(() => page.disableDialog.getByRole('alert').count(), poll).toBe(0);

    const reason = `https://groundwork.example/${'x'.repeat(373)}`;
    expect(reason).toHaveLength(400);
    await page.disableReason.fill(reason);
    await expect.poll(() => page.description(page.disableReason), poll).toContain('400 of 500 characters');
    await page.disableDialog.getByRole('button', { name: 'Disable account' }).click();
    await page.disableDialog.waitFor({ state: 'hidden' });
    await page.enableButton.waitFor();

    // No set-password link for a disabled account: the button is off and says why.
    expect(await page.linkButton.isDisabled()).toBe(true);
    expect(await page.description(page.linkButton)).toContain(
      'This account is disabled: enable it before creating a set-password link',
    );

    await page.history.locator('summary').click();
    await expect
      .poll(() => page.history.locator('.admin-history__list').textContent(), poll)
      .toContain('Account disabled: ');
    const history = (await page.history.textContent()) ?? '';
    expect(history).toContain(reason);
    expect(history).not.toContain('disabledAt');

    // A phone: the unbroken reason wraps instead of pushing the page sideways.
    await seatMap().page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(async () => (await seatMap().fitsWidth()).scrollWidth, poll).toBeLessThanOrEqual(360);
    await seatMap().screenshot('admin-history-long-reason-phone', true);
  });

  it('tells the admin when someone else changed the account first, and drops messages gone stale', async () => {
    const { page } = await openAsAdmin();
    const email = await withNewUser(page, 'Sam Stale', 'stale');
    const conflict = page.panel.locator('.admin-note--conflict');

    // Another admin disables the account while this panel still shows it active: disabling answers 409.
    expect(await page.changeBehindThePanel(email, 'disable')).toBe(200);
    await page.disableButton.click();
    await page.disableReason.fill('Moved away');
    await page.disableDialog.getByRole('button', { name: 'Disable account' }).click();
    await page.disableDialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => conflict.textContent(), poll)
      .toMatch(/^Someone else changed this account just now; here is what it is now: disabled since /);
    expect(await conflict.getAttribute('role')).toBe('alert');
    await page.enableButton.waitFor();

    // And enables it again while the panel shows it disabled: enabling answers 409 too.
    expect(await page.changeBehindThePanel(email, 'enable')).toBe(200);
    await page.enableButton.click();
    await expect
      .poll(() => conflict.textContent(), poll)
      .toContain('here is what it is now: active, able to sign in');
    await page.disableButton.waitFor();

    // Disabled again behind the panel: the link is refused, the panel catches up and says why there is
    // none; once enabled here, no message about the disabled account is left beside the buttons.
    expect(await page.changeBehindThePanel(email, 'disable')).toBe(200);
    await page.linkButton.click();
    await page.enableButton.waitFor();
    await expect.poll(() => page.linkButton.isDisabled(), poll).toBe(true);
    await page.enableButton.click();
    await page.disableButton.waitFor();
    await expect.poll(() => page.linkButton.isDisabled(), poll).toBe(false);
    expect(await page.panel.locator('.admin-panel__actions').getByRole('alert').allTextContents()).toEqual(
      [],
    );
    expect((await page.serverUser(email)).disabled).toBe(false);
  });

  it('makes seat targets public and signed-in only again', async () => {
    const admin = userWithRole(users, 'admin');
    const signIn = await new SignInPage(seatMap().page).open('/admin');
    await signIn.signIn(admin.email, admin.password);
    await signIn.dialog.waitFor({ state: 'hidden' });
    const box = seatMap().page.getByLabel('Show seat targets to everyone, not only to signed-in users');
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    const serverSays = () =>
      seatMap().page.evaluate(
        async () =>
          ((await (await fetch('/api/settings/targets-public')).json()) as { public: boolean }).public,
      );
    await box.click();
    await expect.poll(serverSays, poll).toBe(true);
    await seatMap().page.getByText('Targets are public').waitFor();
    // One setting per line, each box beside its own words (reported: the two ran together as one line).
    const details = seatMap().page.getByLabel('Also publish rationale, sources and names');
    const [first, second] = await Promise.all([box.boundingBox(), details.boundingBox()]);
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
    expect(Math.abs(second!.x - first!.x)).toBeLessThan(2);

    // Reported: with status and tier public but not the details, the public board failed to load and
    // offered a CSV that could not download. The public is told the board needs signing in.
    const anonymous = await seatMap().page.context().browser()!.newContext();
    try {
      const board = await anonymous.newPage();
      await board.goto(`${inject('baseUrl')}/board?region=E12000001`);
      await board.getByText('Sign in to see the regional targets with their rationale').waitFor();
      expect(await board.getByText('Download CSV').count()).toBe(0);
      expect(await board.getByRole('alert').count()).toBe(0);
    } finally {
      await anonymous.close();
    }
    await box.click();
    await expect.poll(serverSays, poll).toBe(false);
    await seatMap().page.getByText('visible to signed-in users only').waitFor();
  });

  it('exports the users list as a download, recorded with its purpose', async () => {
    const { admin, page } = await openAsAdmin();

    const purpose = `E2E: check the officers before the AGM ${Date.now()}`;
    const { name, text } = await page.exportUsers(purpose);
    expect(name).toMatch(/^groundwork-users-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['id', 'email', 'name', 'disabled', 'roles']);
    expect(rows.find((r) => r[1] === admin.email)?.[4]).toBe('admin:national');
    await expect.poll(() => page.exportStatus.textContent(), poll).toContain(`Downloaded ${name}`);
    // The record lists it first, with the purpose as typed.
    await expect
      .poll(() => page.exportRecord.locator('tbody tr').first().textContent(), poll)
      .toContain(purpose);
    expect(await page.exportPurpose.inputValue()).toBe('');
  });

  it('keeps the last admin: revoking their own admin role is refused with the reason', async () => {
    const { admin, page } = await openAsAdmin();

    await page.openUser(admin.email, admin.name);
    await page
      .role('Admin')
      .getByRole('button', { name: /^Revoke/ })
      .click();
    await page.revokeDialog.getByRole('button', { name: 'Revoke role' }).click();
    await expect
      .poll(() => page.revokeDialog.getByRole('alert').textContent(), poll)
      .toContain('Groundwork needs at least one admin: make someone else an admin first');
    await page.revokeDialog.getByRole('button', { name: 'Cancel' }).click();
    await page.revokeDialog.waitFor({ state: 'hidden' });
    expect(await page.roleTexts()).toEqual([expect.stringMatching(/^Admin\s*Active/)]);
  });

  it('tells regional staff the page is for admins, without asking the admin API', async () => {
    const staff = userWithRole(users, 'regional_staff');
    const signIn = await new SignInPage(seatMap().page).open('/admin');
    const adminCalls: string[] = [];
    seatMap().page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/admin')) adminCalls.push(r.url());
    });
    const page = new AdminPage(seatMap().page);
    await expect.poll(() => page.denied.textContent(), poll).toContain('Sign in as an admin');

    await signIn.signIn(staff.email, staff.password);
    await signIn.dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.denied.textContent(), poll).toContain('Only admins can manage users');
    expect(await page.heading.count()).toBe(0);
    expect(adminCalls).toEqual([]);
  });
});
