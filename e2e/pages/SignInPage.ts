import type { Locator, Page } from 'playwright-core';

/** The header's account end (Sign in, or who is signed in and their menu) and the account dialogs. */
export class SignInPage {
  readonly header: Locator;
  readonly signInButton: Locator;
  readonly dialog: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly dialogAlert: Locator;
  readonly accountButton: Locator;
  readonly accountMenu: Locator;
  readonly signOutItem: Locator;
  readonly changePasswordItem: Locator;
  readonly passwordDialog: Locator;
  /** Said in the header when the server ended the session (e.g. an admin disabled the account). */
  readonly signedOutNotice: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner');
    this.signInButton = this.header.getByRole('button', { name: 'Sign in', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Sign in' });
    this.email = this.dialog.getByLabel('Email address');
    this.password = this.dialog.getByLabel('Password', { exact: true });
    this.submit = this.dialog.getByRole('button', { name: 'Sign in', exact: true });
    this.dialogAlert = this.dialog.getByRole('alert');
    this.accountButton = this.header.locator('.account button[aria-expanded]');
    this.accountMenu = this.header.getByRole('list', { name: 'Account' });
    this.signOutItem = this.accountMenu.getByRole('button', { name: 'Sign out' });
    this.changePasswordItem = this.accountMenu.getByRole('button', { name: 'Change password' });
    this.passwordDialog = page.getByRole('dialog', { name: 'Change password' });
    this.signedOutNotice = this.header.locator('.account__notice');
  }

  async open(path = '/'): Promise<this> {
    await this.page.goto(path);
    return this;
  }

  /** Opens the dialog from the header and submits it with the mouse and keyboard, as a person would. */
  async signIn(email: string, password: string): Promise<void> {
    await this.signInButton.click();
    await this.email.fill(email);
    await this.password.fill(password);
    await this.password.press('Enter');
  }

  /** Opens Change password from the account menu and fills both fields (without submitting). */
  async fillChangePassword(current: string, next: string): Promise<void> {
    await this.accountButton.click();
    await this.changePasswordItem.click();
    await this.passwordDialog.getByLabel('Current password').fill(current);
    await this.passwordDialog.getByLabel('New password').fill(next);
  }

  async submitChangePassword(): Promise<void> {
    await this.passwordDialog.getByRole('button', { name: 'Change password' }).click();
  }

  /** Whether keyboard focus is on this element. */
  async hasFocus(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => el === document.activeElement);
  }

  async signOut(): Promise<void> {
    await this.accountButton.click();
    await this.signOutItem.click();
  }

  /** The header's text, for checking who it says is signed in. */
  async headerText(): Promise<string> {
    return (await this.header.textContent()) ?? '';
  }

  /** What the page's own fetch of /api/auth/me answers (its cookies, its origin). */
  async meStatus(): Promise<number> {
    return this.page.evaluate(async () => (await fetch('/api/auth/me')).status);
  }

  /** Text of the focused element, to follow keyboard focus. */
  async focusedText(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  }
}
