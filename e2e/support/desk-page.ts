import type { Locator, Page } from '@playwright/test';

/**
 * The moderation desk (/admin/comments) and a commenter's tools, as the community spec uses them, by
 * role and label. (The dashboard's queue health is on /admin: `queueHealth`.)
 */
export class DeskPage {
  constructor(readonly page: Page) {}

  /** The desk with these query parameters, e.g. "view=reported" or "status=approved&article=12". */
  goto(query: string) {
    return this.page.goto(`/admin/comments?${query}`);
  }

  /** A reply's row on the desk, by its author's name. */
  row(name: string) {
    return this.page.getByRole('article', { name: `Reply by ${name}` });
  }
  /** A notice after an action (role=status) containing this text. */
  status(text?: string) {
    const status = this.page.getByRole('status');
    return text === undefined ? status : status.filter({ hasText: text });
  }
  /** A refusal (role=alert) containing this text (Next's route announcer is an alert too). */
  alert(text: string) {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  // ---- a row's buttons and links -----------------------------------------------------------
  approveButton(row: Locator) {
    return row.getByRole('button', { name: 'Approve', exact: true });
  }
  dismissReportsButton(row: Locator) {
    return row.getByRole('button', { name: 'Dismiss reports' });
  }
  removeThreadButton(row: Locator) {
    return row.getByRole('button', { name: 'Remove this whole thread' });
  }
  commenterToolsLink(row: Locator) {
    return row.getByRole('link', { name: 'Commenter tools' });
  }
  get undoButton() {
    return this.page.getByRole('button', { name: 'Undo' });
  }

  // ---- a commenter's tools -------------------------------------------------------------------
  get sanctionKind() {
    return this.page.getByLabel('Sanction', { exact: true });
  }
  get sanctionReason() {
    return this.page.getByLabel('Reason');
  }
  get applySanctionButton() {
    return this.page.getByRole('button', { name: 'Apply sanction' });
  }
  /** The link to the commenter's replies with this status, e.g. ("1 pending"). */
  countLink(text: string) {
    return this.page.getByRole('link', { name: text });
  }
  get removeCommenterRepliesButton() {
    return this.page.getByRole('button', { name: 'Remove this commenter’s replies' });
  }
  get eraseCommenterButton() {
    return this.page.getByRole('button', { name: 'Erase this commenter’s data' });
  }
  get confirmErase() {
    return this.page.getByLabel('I understand erasing cannot be undone');
  }

  // ---- the dashboard (/admin) -----------------------------------------------------------------
  get queueHealth() {
    return this.page.getByRole('region', { name: 'Queue health' });
  }
}
