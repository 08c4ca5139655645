import type { Locator, Page } from 'playwright-core';

/** The page a set-password link opens: new password, confirmation, and what the server said. */
export class SetPasswordPage {
  readonly newPassword: Locator;
  readonly confirm: Locator;
  readonly submit: Locator;
  readonly alerts: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.newPassword = page.getByLabel('New password', { exact: true });
    this.confirm = page.getByLabel('Confirm new password');
    this.submit = page.getByRole('button', { name: 'Set password' });
    this.alerts = page.getByRole('main').getByRole('alert');
    this.done = page.getByText('Your password is set.');
  }

  /** Opens a link the admin page gave out, on this test's server (the link's path and fragment). */
  async open(link: string): Promise<this> {
    const url = new URL(link);
    await this.page.goto(`${url.pathname}${url.hash}`);
    await this.newPassword.waitFor();
    return this;
  }

  async setPassword(password: string, confirm = password): Promise<void> {
    await this.newPassword.fill(password);
    await this.confirm.fill(confirm);
    await this.submit.click();
  }

  /** Whether keyboard focus is on the new-password input. */
  async newPasswordHasFocus(): Promise<boolean> {
    return this.newPassword.evaluate((el) => el === document.activeElement);
  }
}
