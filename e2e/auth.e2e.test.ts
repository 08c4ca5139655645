import { describe, expect, inject, it } from 'vitest';
import { SignInPage } from './pages/SignInPage.ts';
import { useSeatMapPage } from './support/fixture.ts';
import { userWithRole } from './support/users.ts';

const poll = { timeout: 15_000, interval: 100 };

describe('signing in and out', () => {
  const seatMap = useSeatMapPage();
  const users = inject('e2eUsers');
  const signInPage = () => new SignInPage(seatMap().page);

  it('signs regional staff in, names their role and region, and keeps them signed in on reload', async () => {
    const page = await signInPage().open();
    const user = userWithRole(users, 'regional_staff');
    await expect.poll(() => page.meStatus()).toBe(401);

    await page.signIn(user.email, user.password);
    await page.dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.headerText(), poll).toContain('Regional staff · North East');
    expect(await page.headerText()).toContain(user.name);
    expect(await page.signInButton.count()).toBe(0);

    await page.page.reload();
    await expect.poll(() => page.headerText(), poll).toContain('Regional staff · North East');
    expect(await page.signInButton.count()).toBe(0);
    expect(await page.meStatus()).toBe(200);
    await page.accountButton.click();
    await page.signOutItem.waitFor();
    await seatMap().screenshot('signed-in-account-menu');
  });

  it("shows the server's message for a wrong password and stays signed out", async () => {
    const page = await signInPage().open();
    const user = userWithRole(users, 'admin');

    await page.signIn(user.email, 'not the password at all');
    await expect
      .poll(() => page.dialogAlert.textContent(), poll)
      .toContain('Wrong email address or password');
    expect(await page.dialog.isVisible()).toBe(true);
    expect(await page.meStatus()).toBe(401);

    await page.page.keyboard.press('Escape');
    await page.dialog.waitFor({ state: 'hidden' });
    await page.signInButton.waitFor();
    expect(await page.headerText()).not.toContain(user.name);
  });

  it('signs in and out with the keyboard alone, and the API agrees it is signed out', async () => {
    const page = await signInPage().open();
    const user = userWithRole(users, 'organiser');
    const keys = page.page.keyboard;

    await page.signInButton.focus();
    await keys.press('Enter');
    await page.email.waitFor();
    await keys.type(user.email);
    await keys.press('Tab');
    await keys.type(user.password);
    await keys.press('Enter');
    // Focus lands on the account button that replaced Sign in.
    await expect.poll(() => page.focusedText(), poll).toContain(user.name);
    expect(await page.headerText()).toMatch(/Organiser · Blyth and Ashington CLP/);

    await keys.press('Enter');
    await page.changePasswordItem.waitFor();
    await keys.press('Tab');
    await keys.press('Tab');
    expect(await page.focusedText()).toBe('Sign out');
    await keys.press('Enter');

    await page.signInButton.waitFor();
    await expect.poll(() => page.focusedText(), poll).toBe('Sign in');
    expect(await page.meStatus()).toBe(401);
    await page.page.reload();
    await page.signInButton.waitFor();
  });

  it('shows a wrong current password next to its field when changing the password', async () => {
    const page = await signInPage().open();
    const user = userWithRole(users, 'organiser');
    await page.signIn(user.email, user.password);
    await page.accountButton.waitFor();

    await page.accountButton.click();
    await page.changePasswordItem.click();
    await page.passwordDialog.getByLabel('Current password').fill('this is not it, sorry');
    await page.passwordDialog.getByLabel('New password').fill('short');
    await page.passwordDialog.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => page.passwordDialog.getByRole('alert').allTextContents(), poll)
      .toEqual(['Use at least 12 characters']);

    await page.passwordDialog.getByLabel('New password').fill('a much longer new password');
    await page.passwordDialog.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => page.passwordDialog.getByRole('alert').allTextContents(), poll)
      .toEqual(['The current password is wrong']);
    const current = page.passwordDialog.getByLabel('Current password');
    expect(await current.getAttribute('aria-invalid')).toBe('true');

    // The right current password, and a new one that is too easy to guess: the server's reason shows under
    // the new password, and the password stays as it was (other tests sign in with it).
    await current.fill(user.password);
    await page.passwordDialog.getByLabel('New password').fill('password1234');
    await page.passwordDialog.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => page.passwordDialog.getByRole('alert').allTextContents(), poll)
      .toEqual(['This is a common password with a few changes']);
    expect(await page.passwordDialog.getByLabel('New password').getAttribute('aria-invalid')).toBe('true');
    expect(await current.getAttribute('aria-invalid')).toBeNull();
  });

  it('explains a set-password link without a token, and passes on why a bad token was refused', async () => {
    const page = await signInPage().open('/set-password');
    await expect.poll(() => page.page.getByRole('alert').textContent(), poll).toContain('no token');

    await page.open('/set-password#token=not-a-real-token');
    await page.page.reload(); // the goto above only changed the fragment, which does not reload the page
    await page.page.getByLabel('New password', { exact: true }).fill('a brand new password');
    await page.page.getByLabel('Confirm new password').fill('a brand new password');
    await page.page.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => page.page.getByRole('alert').textContent(), poll).toContain('ask an admin');
  });
});
