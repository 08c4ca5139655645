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
}
