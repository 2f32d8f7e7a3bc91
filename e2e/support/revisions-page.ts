import type { Page } from '@playwright/test';

// The revision list (editor page and compare page) and the compare page for any two revisions
// (/admin/articles/[id]/revisions/compare?from=A&to=B), by role and label.

export class RevisionsPage {
  constructor(readonly page: Page) {}

  gotoCompare(articleId: number, from: number, to: number) {
    return this.page.goto(`/admin/articles/${articleId}/revisions/compare?from=${from}&to=${to}`);
  }

  /** Revision ids as the list shows them, newest first, read from its "Compare with current" links. */
  async revisionIds(): Promise<number[]> {
    const hrefs = await this.page.getByRole('link', { name: 'Compare with current' }).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return hrefs.map((h) => Number(/\/revisions\/(\d+)$/.exec(h)?.[1]));
  }

  /** The list's "From" and "To" radios, one per revision, newest first. */
  get fromRadios() {
    return this.page.getByRole('radio', { name: /^From the revision of / });
  }
  get toRadios() {
    return this.page.getByRole('radio', { name: /^To the revision of / });
  }
  get compareButton() {
    return this.page.getByRole('button', { name: 'Compare', exact: true });
  }

  /** On the compare page: one side's card ("From" or "To"). */
  side(name: 'From' | 'To') {
    return this.page.getByRole('region', { name, exact: true });
  }
  diff(field: 'title' | 'standfirst' | 'body') {
    return this.page.locator(`[data-diff-field="${field}"]`);
  }
}
