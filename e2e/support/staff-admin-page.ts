import type { Page } from '@playwright/test';

// The staff accounts page (/admin/users), one's own profile (/admin/profile) and the sign-in page
// (/login), by role and label.

export class SignInPage {
  constructor(readonly page: Page) {}

  goto() {
    return this.page.goto('/login');
  }
  get email() {
    return this.page.getByLabel('Email');
  }
  get password() {
    return this.page.getByLabel('Password');
  }
  get signInButton() {
    return this.page.getByRole('button', { name: 'Sign in' });
  }
  /** Fills the form and presses "Sign in" (on the sign-in page the caller is already on). */
  async submit(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.signInButton.click();
  }
  /** Opens /login and signs in. */
  async signIn(email: string, password: string) {
    await this.goto();
    await this.submit(email, password);
  }
}

export class StaffAccountsPage {
  constructor(readonly page: Page) {}

  goto() {
    return this.page.goto('/admin/users');
  }
  get name() {
    return this.page.getByLabel('Name', { exact: true });
  }
  get email() {
    return this.page.getByLabel('Email', { exact: true });
  }
  get role() {
    return this.page.getByLabel('Role', { exact: true });
  }
  get password() {
    return this.page.getByLabel('Password', { exact: true });
  }
  get createButton() {
    return this.page.getByRole('button', { name: 'Create account' });
  }
  async create(account: { name: string; email: string; role: string; password: string }) {
    await this.name.fill(account.name);
    await this.email.fill(account.email);
    await this.role.selectOption(account.role);
    await this.password.fill(account.password);
    await this.createButton.click();
  }
  text(words: string) {
    return this.page.getByText(words);
  }
  /** The accounts table's cell holding this text (e.g. an email). */
  cell(text: string) {
    return this.page.getByRole('cell', { name: text });
  }
  /** An admin sets a new password on someone's row. */
  async resetPassword(name: string, password: string) {
    await this.page.getByLabel(`New password for ${name}`, { exact: true }).fill(password);
    await this.page.getByRole('button', { name: `Reset password for ${name}` }).click();
  }
  /** An admin gives someone another role from their row. */
  async changeRole(name: string, role: string) {
    await this.page.getByLabel(`Role for ${name}`, { exact: true }).selectOption(role);
    await this.page.getByRole('button', { name: `Save role for ${name}` }).click();
  }
}

export class ProfilePage {
  constructor(readonly page: Page) {}

  goto() {
    return this.page.goto('/admin/profile');
  }
  get name() {
    return this.page.getByLabel('Name', { exact: true });
  }
  get bio() {
    return this.page.getByLabel('Bio');
  }
  get newPassword() {
    return this.page.getByLabel('New password');
  }
  get currentPassword() {
    return this.page.getByLabel('Current password');
  }
  get signOutEverywhereButton() {
    return this.page.getByRole('button', { name: 'Sign out everywhere' });
  }
  /** Changes one's own password on the profile page (already open). */
  async changePassword(current: string, next: string) {
    await this.currentPassword.fill(current);
    await this.newPassword.fill(next);
    await this.saveButton.click();
  }
  get saveButton() {
    return this.page.getByRole('button', { name: 'Save profile' });
  }
  /** The link to one's own author page, which reads "/authors/<slug>". */
  get authorPageLink() {
    return this.page.getByRole('link', { name: /^\/authors\// });
  }
  text(words: string) {
    return this.page.getByText(words);
  }
}
