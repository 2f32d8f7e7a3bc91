import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { staffPage } from './staff';

export type Queue = 'pending' | 'approved' | 'spam' | 'trash';

/** The desk's address for a queue or view, narrowed as the filter form would. */
export type DeskQuery = { status?: Queue; view?: 'reported'; email?: string; article?: number };

/**
 * The moderation desk (/admin/comments) and its rows, found by role and label (the product contract's names):
 * row buttons "Approve", "Unapprove", "Spam", "Trash", "Restore", "Reply", "Edit".
 */
export class DeskPage {
  constructor(readonly page: Page) {}

  /** Opens the desk and waits until the keyboard shortcuts are wired (keys pressed earlier would be lost). */
  async open(query: DeskQuery = {}) {
    const search = new URLSearchParams();
    if (query.view) search.set('view', query.view);
    if (query.status) search.set('status', query.status);
    if (query.article) search.set('article', String(query.article));
    if (query.email) search.set('email', query.email);
    await this.page.goto(`/admin/comments?${search.toString()}`);
    await expect(this.shortcutsLive).toHaveCount(1);
  }

  /** One status queue filtered to one commenter, so other tests' replies never get in the way. */
  openQueue(status: Queue, email: string) {
    return this.open({ status, email });
  }

  get shortcutsLive() {
    return this.page.locator('html[data-desk-shortcuts="on"]');
  }
  /** The Comments link in the admin menu (with the pending count as a badge). */
  get menuLink() {
    return this.page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: /Comments/ });
  }
  get shortcutsHelp() {
    return this.page.getByText('j / k');
  }

  // ---- rows ------------------------------------------------------------------------------
  get rows() {
    return this.page.getByRole('article');
  }
  row(authorName: string) {
    return this.page.getByRole('article', { name: `Reply by ${authorName}` });
  }
  /** A row's button by its exact name ("Approve", "Spam", "Reply", "Dismiss reports", …). */
  button(row: Locator, name: string) {
    return row.getByRole('button', { name, exact: true });
  }
  articleLink(row: Locator, title: string) {
    return row.getByRole('link', { name: title });
  }
  /** The row's "Remove thread…" disclosure: it holds the confirmation and the "Remove this whole thread" button. */
  removeThreadDisclosure(row: Locator) {
    return row.getByText('Remove thread…', { exact: true });
  }
  /** Removes a row's whole thread as a person would: open the disclosure, then confirm. */
  async removeThread(row: Locator) {
    await this.removeThreadDisclosure(row).click();
    await this.button(row, 'Remove this whole thread').click();
  }
  /** The text a reply rule matched, marked in the row. */
  marked(row: Locator) {
    return row.locator('mark');
  }
  /** Opens the row's folded "History of this reply" and returns its lines. */
  async history(row: Locator) {
    await row.getByText(/History of this reply/).click();
    return row.getByRole('listitem');
  }
  replyField(row: Locator, authorName: string) {
    return row.getByLabel(`Your reply to ${authorName}`);
  }
  get postStaffReply() {
    return this.page.getByRole('button', { name: 'Post staff reply' });
  }
  editField(row: Locator) {
    return row.getByLabel('Reply text');
  }
  saveText(row: Locator) {
    return row.getByRole('button', { name: 'Save text' });
  }

  // ---- the bulk bar, notices and the audit trail -----------------------------------------
  get selectAll() {
    return this.page.getByLabel('Select all on this page');
  }
  /** The bulk bar's "<Decision> selected" button. */
  bulk(label: string) {
    return this.page.getByRole('button', { name: `${label} selected` });
  }
  /** The notice after an action (role=status), by a piece of its text. */
  notice(text: string) {
    return this.page.getByRole('status').filter({ hasText: text });
  }
  get undo() {
    return this.page.getByRole('button', { name: 'Undo' });
  }
  get auditTrail() {
    return this.page.getByRole('region', { name: 'Recent decisions' }).or(this.page.locator('section[aria-labelledby="audit-heading"]'));
  }
  /** The desk with raw query parameters, e.g. "view=reported" (no wait for the shortcuts). */
  goto(query: string) {
    return this.page.goto(`/admin/comments?${query}`);
  }
  /** A refusal (role=alert) containing this text (Next's route announcer is an alert too). */
  alert(text: string) {
    return this.page.getByRole('alert').filter({ hasText: text });
  }
  /** Any notice (role=status). */
  get anyNotice() {
    return this.page.getByRole('status');
  }
  commenterToolsLink(row: Locator) {
    return row.getByRole('link', { name: 'Commenter tools' });
  }

  // ---- a commenter's tools (/admin/comments/commenter) ---------------------------------------
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

/** A staff member signed in on the desk (their own browser context). */
export async function deskAs(browser: Browser, email: string): Promise<DeskPage> {
  return new DeskPage(await staffPage(browser, email));
}
