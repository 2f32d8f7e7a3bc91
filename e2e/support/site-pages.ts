import type { Page } from '@playwright/test';

/** The front page, list pages (section, tag, author) and the 404 page, by role. */
export class SitePages {
  constructor(readonly page: Page) {}

  get h1() {
    return this.page.getByRole('heading', { level: 1 });
  }
  get leadStory() {
    return this.page.getByRole('region', { name: 'Lead story' });
  }
  /** A section block on the front page, named by its heading (e.g. "Politics"). */
  sectionBlock(name: string) {
    return this.page.getByRole('region', { name: new RegExp(`^${name}\\b`) });
  }
  /** Article headline links in the main content (each card's heading holds one link). */
  get articleHeadlineLinks() {
    return this.page.getByRole('main').getByRole('heading').getByRole('link');
  }
  articleLink(title: string) {
    return this.page.getByRole('main').getByRole('link', { name: title, exact: true });
  }
  get notFoundHeading() {
    return this.page.getByRole('heading', { name: 'Page not found', level: 1 });
  }
}
