import type { Locator, Page } from '@playwright/test';

// The newsroom's article editor (/admin/articles/new, /admin/articles/[id]) and a revision's compare
// page, by role and label as the editor shows them.

export type ArticleDraft = { title: string; body: string; standfirst?: string; section?: string; tags?: string };

export class EditorPage {
  constructor(readonly page: Page) {}

  gotoNew() {
    return this.page.goto('/admin/articles/new');
  }

  // ---- fields ----------------------------------------------------------------------------
  get title() {
    return this.page.getByLabel('Title', { exact: true });
  }
  get slug() {
    return this.page.getByLabel('Slug');
  }
  get standfirst() {
    return this.page.getByLabel('Standfirst');
  }
  get body() {
    return this.page.getByLabel('Body');
  }
  /** The body's textarea by its form name, the visible one only. */
  get bodyTextarea() {
    return this.page.locator('textarea[name="body"]:visible');
  }
  get section() {
    return this.page.getByLabel('Section');
  }
  get tags() {
    return this.page.getByLabel('Tags');
  }
  get publishAt() {
    return this.page.getByLabel('Publish at (UTC)');
  }
  /** The folded part of the form holding the cover, search engine, comment and correction fields. */
  get moreFields() {
    return this.page.getByText('Cover, search engines, comments and corrections');
  }
  get coverImage() {
    return this.page.getByLabel('Cover image');
  }
  get coverAlt() {
    return this.page.getByLabel('Cover alt text');
  }

  /** The message tied to a field (its aria-describedby), e.g. "Please give the article a title.". */
  async messageOf(field: Locator): Promise<Locator> {
    return this.page.locator(`#${await field.getAttribute('aria-describedby')}`);
  }

  async fill(fields: ArticleDraft) {
    await this.title.fill(fields.title);
    if (fields.standfirst) await this.standfirst.fill(fields.standfirst);
    await this.body.fill(fields.body);
    if (fields.section) await this.section.selectOption({ label: fields.section });
    if (fields.tags) await this.tags.fill(fields.tags);
  }

  // ---- buttons and what they answer ------------------------------------------------------
  get saveDraftButton() {
    return this.page.getByRole('button', { name: 'Save draft' });
  }
  get submitButton() {
    return this.page.getByRole('button', { name: 'Submit for review' });
  }
  get publishButton() {
    return this.page.getByRole('button', { name: 'Publish', exact: true });
  }
  get scheduleButton() {
    return this.page.getByRole('button', { name: 'Schedule', exact: true });
  }
  /** A notice or message on the page, by its text (e.g. "Saved.", "Published. Readers see it now."). */
  text(words: string) {
    return this.page.getByText(words);
  }
  status(status: string) {
    return this.page.getByText(`Status: ${status}`);
  }
  get viewOnSite() {
    return this.page.getByRole('link', { name: 'View on site' });
  }

  // ---- revisions -------------------------------------------------------------------------
  get compareLinks() {
    return this.page.getByRole('link', { name: 'Compare with current' });
  }
  /** On the compare page: one field's word diff (title, standfirst, body). */
  diff(field: 'title' | 'standfirst' | 'body') {
    return this.page.locator(`[data-diff-field="${field}"]`);
  }
  get restoreButton() {
    return this.page.getByRole('button', { name: 'Restore this revision' });
  }
}

/** The article list (/admin/articles), e.g. the review queue. */
export class ArticleListPage {
  constructor(readonly page: Page) {}

  goto(status?: string) {
    return this.page.goto(status ? `/admin/articles?status=${status}` : '/admin/articles');
  }
  article(title: string) {
    return this.page.getByRole('link', { name: title });
  }
}
