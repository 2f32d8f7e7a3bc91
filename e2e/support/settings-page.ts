import type { Locator, Page } from '@playwright/test';

/** The reply rules and settings page (/admin/settings, admins only), by role and label. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  goto() {
    return this.page.goto('/admin/settings');
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Reply rules and settings' });
  }
  get moderationWords() {
    return this.page.getByLabel('Moderation words (hold)');
  }
  get disallowedIps() {
    return this.page.getByLabel('Disallowed IP addresses (spam)');
  }
  get maxDepth() {
    return this.page.getByLabel('Deepest reply level');
  }
  get saveButton() {
    return this.page.getByRole('button', { name: 'Save settings' });
  }
  get tryButton() {
    return this.page.getByRole('button', { name: 'Try these rules' });
  }
  /** The form's answer (role=status) containing this text. */
  status(text: string) {
    return this.page.getByRole('status').filter({ hasText: text });
  }
  /** The answer to "Try these rules". */
  get trialSummary() {
    return this.status('Of the last');
  }
  /** The replies the tried rules would decide differently. */
  get changes() {
    return this.page.getByRole('region', { name: 'Replies that would change' });
  }
  /** One of those replies, by its author's name. */
  change(name: string) {
    return this.changes.getByRole('listitem').filter({ hasText: name });
  }
  /** The "saved → tried" outcome of a listed reply, e.g. ('approved', 'held'). */
  outcome(change: Locator, from: string, to: string) {
    return change.getByLabel(`${from} under the saved rules, ${to} under these`);
  }

  /** The text of everything a field's aria-describedby names (its hint and any error). */
  async describedText(field: Locator): Promise<string> {
    const ids = (await field.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? [];
    const texts = await Promise.all(ids.map((id) => this.page.locator(`[id="${id}"]`).innerText()));
    return texts.join(' ');
  }
}
