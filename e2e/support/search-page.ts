import type { Page } from '@playwright/test';

/** The site header's search box and the /search results page, by role and label. */
export class SearchPage {
  constructor(readonly page: Page) {}

  get headerSearch() {
    return this.page.getByRole('banner').getByRole('search');
  }
  get headerBox() {
    return this.headerSearch.getByLabel('Search', { exact: true });
  }
  get results() {
    return this.page.getByRole('list', { name: 'Results' });
  }
  get resultHeadlineLinks() {
    return this.results.getByRole('heading').getByRole('link');
  }
  get marks() {
    return this.results.locator('mark');
  }
  get noResults() {
    return this.page.getByRole('status').filter({ hasText: /^No results for/ });
  }
  get someResults() {
    return this.page.getByRole('status').filter({ hasText: /^Results for/ });
  }

  /** Types into the header box and submits it, as a reader would. */
  async searchFromHeader(words: string) {
    await this.headerBox.fill(words);
    await this.headerBox.press('Enter');
    await this.page.waitForURL(/\/search\?/);
  }

  goto(query: string, extra: Record<string, string> = {}) {
    return this.page.goto(`/search?${new URLSearchParams({ q: query, ...extra })}`);
  }
}
