import fs from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** The admin page: users table and search, the user panel, its dialogs, and the exports section. */
export class AdminPage {
  readonly heading: Locator;
  readonly denied: Locator;
  readonly search: Locator;
  readonly usersTable: Locator;
  readonly newUserButton: Locator;
  readonly newUserDialog: Locator;
  readonly panel: Locator;
  readonly roles: Locator;
  readonly roleSelect: Locator;
  readonly regionSelect: Locator;
  readonly giveRoleButton: Locator;
  readonly linkButton: Locator;
  readonly linkDialog: Locator;
  readonly revokeDialog: Locator;
  readonly disableButton: Locator;
  readonly enableButton: Locator;
  readonly disableDialog: Locator;
  readonly disableReason: Locator;
  readonly history: Locator;
  readonly exportPurpose: Locator;
  readonly exportButton: Locator;
  readonly exportStatus: Locator;
  readonly exportRecord: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Users and roles' });
    this.denied = page.locator('.admin-denied').getByRole('alert');
    this.search = page.getByLabel('Search users');
    this.usersTable = page.getByRole('table', { name: /^Users/ });
    this.newUserButton = page.getByRole('button', { name: 'New user', exact: true });
    this.newUserDialog = page.getByRole('dialog', { name: 'New user' });
    this.panel = page.locator('section.admin-panel');
    this.roles = this.panel.locator('.admin-grants > li');
    this.roleSelect = this.panel.getByLabel('Role', { exact: true });
    this.regionSelect = this.panel.getByLabel('Region', { exact: true });
    this.giveRoleButton = this.panel.getByRole('button', { name: 'Give role' });
    this.linkButton = this.panel.getByRole('button', { name: 'Create set-password link' });
    this.linkDialog = page.getByRole('dialog', { name: 'Set-password link' });
    this.revokeDialog = page.getByRole('dialog', { name: 'Revoke role?' });
    this.disableButton = this.panel.getByRole('button', { name: 'Disable account' });
    this.enableButton = this.panel.getByRole('button', { name: 'Enable account' });
    this.disableDialog = page.getByRole('dialog', { name: 'Disable account?' });
    this.disableReason = this.disableDialog.getByLabel('Why are you disabling this account?');
    this.history = this.panel.locator('details.admin-history', { hasText: 'Account history' });
    const exports = page.locator('section[aria-labelledby="admin-exports-title"]');
    this.exportPurpose = exports.getByLabel('Why do you need the users list?');
    this.exportButton = exports.getByRole('button', { name: 'Export users (CSV)' });
    this.exportStatus = exports.locator('.admin-export-form [role="status"]');
    this.exportRecord = exports.getByRole('table', { name: 'Export record' });
  }

  async open(): Promise<this> {
    await this.page.goto('/admin');
    return this;
  }

  async createUser(name: string, email: string): Promise<void> {
    await this.newUserButton.click();
    await this.newUserDialog.getByLabel('Name').fill(name);
    await this.newUserDialog.getByLabel('Email address').fill(email);
    await this.newUserDialog.getByRole('button', { name: 'Create user' }).click();
    await this.newUserDialog.waitFor({ state: 'hidden' });
  }

  /** Gives the panel's user a role, choosing a region by its name when there is one. */
  async giveRole(roleLabel: string, regionName?: string): Promise<void> {
    await this.roleSelect.selectOption({ label: roleLabel });
    if (regionName) await this.regionSelect.selectOption({ label: regionName });
    await this.giveRoleButton.click();
  }

  role(text: string): Locator {
    return this.roles.filter({ hasText: text });
  }

  /** The text of each role row in the panel, e.g. "Regional staff · North East Active from …". */
  async roleTexts(): Promise<string[]> {
    return (await this.roles.locator('.admin-grant__main').allTextContents()).map((t) => t.trim());
  }

  async issuePasswordLink(): Promise<string> {
    await this.linkButton.click();
    const input = this.linkDialog.getByRole('textbox');
    await input.waitFor();
    return input.inputValue();
  }

  /** The users table's row for an email address. */
  userRow(email: string): Locator {
    return this.usersTable.locator('tbody tr').filter({ hasText: email });
  }

  /** Opens the panel user's Disable dialog, gives the reason and confirms (the dialog closes on success). */
  async disableUser(reason: string): Promise<void> {
    await this.disableButton.click();
    await this.disableDialog.getByLabel('Why are you disabling this account?').fill(reason);
    await this.disableDialog.getByRole('button', { name: 'Disable account' }).click();
    await this.disableDialog.waitFor({ state: 'hidden' });
  }

  /** The text of everything that describes a control (its aria-describedby), joined by spaces. */
  async description(control: Locator): Promise<string> {
    return control.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  }

  /** The user's id and version as the server has them now (another admin's view). */
  async serverUser(email: string): Promise<{ id: number; version: number; disabled: boolean }> {
    return this.page.evaluate(async (q) => {
      const res = await fetch(`/api/admin/users?q=${encodeURIComponent(q)}`);
      const body = (await res.json()) as {
        items: { id: number; email: string; version: number; disabled: boolean }[];
      };
      const user = body.items.find((u) => u.email === q);
      if (!user) throw new Error(`no user ${q}`);
      return { id: user.id, version: user.version, disabled: user.disabled };
    }, email);
  }

  /**
   * Disables or enables an account straight through the API, as another admin would while this page
   * shows the account as it was (the panel does not know). Returns the status.
   */
  async changeBehindThePanel(email: string, action: 'disable' | 'enable'): Promise<number> {
    const user = await this.serverUser(email);
    return this.page.evaluate(
      async ({ id, version, action }) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const res = await fetch(`/api/admin/users/${id}/${action}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: JSON.stringify(
            action === 'disable' ? { version, reason: 'Changed by another admin' } : { version },
          ),
        });
        return res.status;
      },
      { id: user.id, version: user.version, action },
    );
  }

  /** Searches for a user by email and opens their panel. */
  async openUser(email: string, name: string): Promise<void> {
    await this.search.fill(email);
    await this.usersTable.getByRole('button', { name, exact: true }).click();
    await this.panel.getByRole('heading', { name, exact: true }).waitFor();
  }

  /** States a purpose, exports the users list and returns the downloaded file's name and text. */
  async exportUsers(purpose: string): Promise<{ name: string; text: string }> {
    await this.exportPurpose.fill(purpose);
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    const file = await download.path();
    return { name: download.suggestedFilename(), text: await fs.readFile(file, 'utf8') };
  }
}
