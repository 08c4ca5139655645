import { describe, expect, inject, it } from 'vitest';
import { AdminPage } from './pages/AdminPage.ts';
import { SetPasswordPage } from './pages/SetPasswordPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { newContext } from './support/browser.ts';
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
    // The button was disabled during the request: focus goes to the field in error, not to the page.
    await expect.poll(() => page.hasFocus(current), poll).toBe(true);

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
    // The real causes, not only a badly copied link; focus on the message (the button was disabled).
    const alert = page.page.getByRole('main').getByRole('alert');
    await expect
      .poll(() => alert.textContent(), poll)
      .toBe(
        'This link is no longer valid: it may have been used already, replaced by a newer one, or cancelled. Check it was copied whole, or ask an admin for a new one.',
      );
    expect(await page.hasFocus(alert)).toBe(true);
  });

  it('puts focus on the new password the server refused, on the set-password page and in Change password', async () => {
    // A password of one character repeated is refused before the dictionaries are consulted.
    const refused = 'zzzzzzzzzzzz';
    const admin = userWithRole(users, 'admin');
    const signIn = await signInPage().open('/admin');
    await signIn.signIn(admin.email, admin.password);
    await signIn.dialog.waitFor({ state: 'hidden' });
    const adminPage = new AdminPage(seatMap().page);
    await adminPage.heading.waitFor();
    const email = `link-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.groundwork.test`;
    await adminPage.createUser('Lin Link', email);
    await adminPage.panel.getByRole('heading', { name: 'Lin Link' }).waitFor();
    const link = await adminPage.issuePasswordLink();
    await adminPage.linkDialog.getByRole('button', { name: 'Done' }).click();
    await signIn.signOut();
    await signIn.signInButton.waitFor();

    // The submit button is disabled during the request, which dropped focus to the page (BODY).
    const setPassword = await new SetPasswordPage(seatMap().page).open(link);
    await setPassword.setPassword(refused);
    await expect
      .poll(() => setPassword.alerts.allTextContents(), poll)
      .toEqual(['A password of one character repeated is easy to guess']);
    await expect.poll(() => setPassword.newPasswordHasFocus(), poll).toBe(true);

    const organiser = userWithRole(users, 'organiser');
    const page = await signInPage().open();
    await page.signIn(organiser.email, organiser.password);
    await page.accountButton.waitFor();
    await page.fillChangePassword(organiser.password, refused);
    await page.submitChangePassword();
    const newPassword = page.passwordDialog.getByLabel('New password');
    await expect
      .poll(() => page.passwordDialog.getByRole('alert').allTextContents(), poll)
      .toEqual(['A password of one character repeated is easy to guess']);
    await expect.poll(() => page.hasFocus(newPassword), poll).toBe(true);
  });

  it('signs out at once an open session whose account an admin disabled, and says so', async () => {
    const admin = userWithRole(users, 'admin');
    const member = userWithRole(users, 'regional_staff');
    // The admin works in a browser profile of their own; the member in the test's page.
    const adminContext = await newContext(seatMap().page.context().browser()!, inject('baseUrl'));
    let adminPage: AdminPage | undefined;
    try {
      const page = await signInPage().open('/board');
      await page.signIn(member.email, member.password);
      await page.dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => page.headerText(), poll).toContain(member.name);
      await page.fillChangePassword(member.password, 'another strong passphrase 58');

      const adminTab = await adminContext.newPage();
      const adminSignIn = await new SignInPage(adminTab).open('/admin');
      await adminSignIn.signIn(admin.email, admin.password);
      await adminSignIn.dialog.waitFor({ state: 'hidden' });
      adminPage = new AdminPage(adminTab);
      await adminPage.heading.waitFor();
      await adminPage.openUser(member.email, member.name);
      await adminPage.disableUser('Left the area');
      await adminPage.enableButton.waitFor();

      // The member's next action is refused (401): the page stops showing them as signed in at once.
      await page.submitChangePassword();
      await page.signInButton.waitFor();
      expect(await page.headerText()).not.toContain(member.name);
      expect(await page.passwordDialog.count()).toBe(0);
      await expect.poll(() => page.signedOutNotice.textContent(), poll).toContain('You have been signed out');
      expect(await page.signedOutNotice.getAttribute('role')).toBe('alert');
      await expect.poll(() => page.focusedText(), poll).toBe('Sign in');
      expect(await page.meStatus()).toBe(401);
      await seatMap().screenshot('signed-out-after-disable');
    } finally {
      // The other browser tests sign in as this user: enable the account again whatever happened.
      if (adminPage) expect(await adminPage.changeBehindThePanel(member.email, 'enable')).toBe(200);
      await adminContext.close();
    }
  });
});
