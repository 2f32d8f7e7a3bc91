import { expect, type Page } from '@playwright/test';

/** The page editor and the pages desk (/admin/pages), found by role and label. */
export class PagesDesk {
  constructor(readonly page: Page) {}

  get title() {
    return this.page.getByLabel('Title', { exact: true });
  }
  get slug() {
    return this.page.getByLabel('Slug', { exact: true });
  }
  get body() {
    return this.page.getByLabel('Body', { exact: true });
  }
  button(name: 'Save draft' | 'Publish' | 'Unpublish' | 'Save my version') {
    return this.page.getByRole('button', { name, exact: true });
  }
  get preview() {
    return this.page.getByRole('region', { name: 'Preview' });
  }

  /** Fills and sends the new-page form; returns the new page's id once its editor opened. */
  async create(fields: { title: string; slug?: string; body: string }, intent: 'Save draft' | 'Publish' = 'Save draft'): Promise<number> {
    await this.page.goto('/admin/pages/new');
    await this.title.fill(fields.title);
    await this.slug.fill(fields.slug ?? '');
    await this.body.fill(fields.body);
    await this.button(intent).click();
    await expect(this.page).toHaveURL(/\/admin\/pages\/[0-9]+\?notice=/);
    return Number(/\/admin\/pages\/([0-9]+)/.exec(this.page.url())![1]);
  }

  /** The desk's footer button for one page ("Add to footer", "Move up", …). */
  footerButton(action: 'Add to footer' | 'Remove from footer' | 'Move up' | 'Move down', title: string) {
    return this.page.getByRole('button', { name: `${action} ${title}`, exact: true });
  }
}

/** The titles the reader footer links, in order. */
export async function footerLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'About Broadsheet' }).getByRole('link').allInnerTexts();
}
