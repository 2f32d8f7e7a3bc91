import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { DEFAULT_REPLY_SETTINGS } from '../../lib/replies/settings';

export const AWAITING_MODERATION = 'Your comment is awaiting moderation.';
/** The rules treat a JavaScript submission quicker than this after hydration as a bot. */
const MIN_SECONDS_TO_SUBMIT = DEFAULT_REPLY_SETTINGS.minSecondsToSubmit;

export type ReplyInput = { comment: string; name: string; email: string; website?: string };

/**
 * The article page (/articles/[slug]) and its reply form, found by role and label (names the page must keep).
 * `javaScript` says whether the page's context runs scripts (it decides how a post is paced and awaited).
 */
export class ArticlePage {
  constructor(
    readonly page: Page,
    readonly javaScript = true,
  ) {}

  async goto(slug: string): Promise<Response | null> {
    const response = await this.page.goto(`/articles/${slug}`);
    await this.hydrated();
    return response;
  }

  // ---- the article -----------------------------------------------------------------------
  get headline() {
    return this.page.getByRole('heading', { level: 1 });
  }
  /** The article element holding the story (the first `article` on the page; comments are nested deeper). */
  get story() {
    return this.page.getByRole('main').locator('article').first();
  }
  get byline() {
    return this.story.locator('p').filter({ hasText: /^By / }).first();
  }
  get coverCaption() {
    return this.story.locator('figure figcaption');
  }
  get tagsNav() {
    return this.page.getByRole('navigation', { name: 'Tags' });
  }
  /** Body paragraphs: every paragraph of the rendered Markdown before the tags and comments. */
  bodyParagraphs(): Promise<string[]> {
    return this.story
      .locator(':scope > div p')
      .filter({ hasNot: this.page.locator('time') })
      .allInnerTexts()
      .then((texts) => texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean));
  }

  // ---- comments --------------------------------------------------------------------------
  get commentsHeading() {
    return this.page.getByRole('heading', { level: 2, name: /^(No comments yet|\d+ comments?)$/ });
  }
  async commentCount(): Promise<number> {
    const text = (await this.commentsHeading.innerText()).trim();
    if (text === 'No comments yet') return 0;
    return Number(/^(\d+) comments?$/.exec(text)?.[1] ?? NaN);
  }
  get comments() {
    return this.page.getByRole('article', { name: /^Comment by / });
  }
  commentBy(name: string) {
    return this.page.getByRole('article', { name: `Comment by ${name}`, exact: true });
  }
  /** One comment, by its author and a piece of its text. */
  comment(name: string, text: string) {
    return this.commentBy(name).filter({ hasText: text });
  }
  /** The direct replies to a comment: articles in the list right under its own list item. */
  repliesTo(comment: Locator) {
    return comment.locator('xpath=..').locator(':scope > ol > li > article');
  }
  replyLink(comment: Locator) {
    return comment.getByRole('link', { name: /^Reply to / });
  }
  awaitingModeration(comment: Locator) {
    return comment.getByText(AWAITING_MODERATION, { exact: true });
  }

  // ---- the reply form --------------------------------------------------------------------
  get leaveAReply() {
    return this.page.getByRole('heading', { name: 'Leave a Reply' });
  }
  get commentField() {
    return this.page.getByLabel('Comment', { exact: true });
  }
  get nameField() {
    return this.page.getByLabel('Name', { exact: true });
  }
  get emailField() {
    return this.page.getByLabel('Email', { exact: true });
  }
  get websiteField() {
    return this.page.getByLabel('Website', { exact: true });
  }
  get postButton() {
    return this.page.getByRole('button', { name: 'Post Comment' });
  }
  /**
   * The reply form on screen. (After a client-side navigation the router may keep the previous page
   * in the document, hidden: role and label locators skip it; CSS ones must ask for `:visible`. The
   * header's search box is a form too.)
   */
  get form() {
    return this.page.locator('form:visible:not([role="search"])');
  }
  /** The hidden field people never see: only a bot fills it. */
  get honeypotField() {
    return this.form.locator('input[name="company"]');
  }
  /** The form's message box (role=status). */
  get formMessage() {
    return this.form.getByRole('status');
  }
  get replyingTo() {
    return this.form.getByText(/^Replying to /);
  }
  get commentsClosed() {
    return this.page.getByText('Comments are closed.', { exact: true });
  }

  // ---- reporting a comment (its "Report" button opens /articles/[slug]/report/[id]) ---------
  reportButton(comment: Locator) {
    return comment.getByRole('button', { name: /Report/ });
  }
  get reportHeading() {
    return this.page.getByRole('heading', { name: 'Report a comment' });
  }
  reportReason(name: string) {
    return this.page.getByRole('radio', { name });
  }
  get reportNote() {
    return this.page.getByLabel(/Anything the moderators should know/);
  }
  get sendReportButton() {
    return this.page.getByRole('button', { name: 'Send report' });
  }

  /** With JavaScript, waits until the form has hydrated (it then stamps the hidden `startedAt`). */
  async hydrated() {
    if (!this.javaScript) return;
    const startedAt = this.form.locator('input[name="startedAt"]');
    if ((await startedAt.count()) === 0) return; // no form on this page (comments closed, 404)
    await expect(startedAt).not.toHaveValue('', { timeout: 15_000 });
  }

  /**
   * Waits until a person could have typed the reply: more than 3 s since the form hydrated and
   * stamped `startedAt`. (An empty stamp, e.g. after React reset the form, is not checked by the server.)
   */
  async waitUntilHumanPaced() {
    if (!this.javaScript) return;
    const stamp = this.form.locator('input[name="startedAt"]');
    const deadline = Date.now() + 10_000;
    let value = await stamp.inputValue();
    while (value === '' && Date.now() < deadline) {
      await this.page.waitForTimeout(100);
      value = await stamp.inputValue();
    }
    const startedAt = value === '' ? Date.now() : Number(value);
    const wait = startedAt + (MIN_SECONDS_TO_SUBMIT + 0.4) * 1000 - Date.now();
    if (wait > 0) await this.page.waitForTimeout(wait);
  }

  async fillReply(reply: ReplyInput) {
    await this.commentField.fill(reply.comment);
    await this.nameField.fill(reply.name);
    await this.emailField.fill(reply.email);
    if (reply.website !== undefined) await this.websiteField.fill(reply.website);
  }

  /** Fills the form, waits as a person would, and posts. Callers assert the outcome. */
  async postReply(reply: ReplyInput) {
    await this.fillReply(reply);
    await this.submit();
  }

  async submit() {
    await this.waitUntilHumanPaced();
    if (this.javaScript) {
      await this.postButton.click();
      // The button reads "Posting…" while the action runs; it is back (or gone, after a redirect) once done.
      await expect(this.page.getByRole('button', { name: 'Posting…' })).toHaveCount(0, { timeout: 15_000 });
    } else {
      // A plain form post: wait for the document that answers it (after any redirect).
      await Promise.all([this.page.waitForEvent('load'), this.postButton.click()]);
    }
  }
}
