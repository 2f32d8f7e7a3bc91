import AxeBuilder from '@axe-core/playwright';
import { ArticlePage } from './support/article-page';
import { DISCUSSION, SLUGS } from './support/demo';
import { expect, test } from './support/fixtures';
import { SitePages } from './support/site-pages';

test.describe('reader pages', () => {
  test('the front page shows a lead story and section blocks, and links to an article', async ({ page }) => {
    const site = new SitePages(page);
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);

    await expect(site.leadStory).toBeVisible();
    const leadLink = site.leadStory.getByRole('heading').getByRole('link');
    await expect(leadLink).toHaveAttribute('href', /^\/articles\/[a-z0-9-]+$/);

    for (const section of ['News', 'Politics', 'Business', 'Culture', 'Sport']) {
      const block = site.sectionBlock(section);
      await expect(block, `section block ${section}`).toBeVisible();
      await expect(block.getByRole('heading', { level: 2 }).getByRole('link', { name: section, exact: true })).toHaveAttribute(
        'href',
        `/sections/${section.toLowerCase()}`,
      );
      expect(await block.getByRole('article').count(), `articles in ${section}`).toBeGreaterThan(0);
    }
    await expect(site.sectionBlock('Politics').getByRole('link', { name: DISCUSSION.title, exact: true }).first()).toBeVisible();

    const leadTitle = (await leadLink.innerText()).trim();
    await leadLink.click();
    await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(leadTitle);
  });

  test('every section label on the front page links to its section', async ({ page }) => {
    const site = new SitePages(page);
    await page.goto('/');
    for (const section of ['News', 'Politics', 'Business', 'Culture', 'Sport']) {
      const hrefs = await site
        .sectionBlock(section)
        .getByRole('link', { name: section, exact: true })
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs.length, `"${section}" links in its block`).toBeGreaterThan(1);
      for (const href of hrefs) expect(href, `a "${section}" link in the ${section} block`).toBe(`/sections/${section.toLowerCase()}`);
    }
    // Other tests publish articles (some without a section) in parallel, so the lead may have no label.
    const leadSection = site.leadStory.getByRole('link', { name: /^(News|Politics|Business|Culture|Sport)$/ });
    if ((await leadSection.count()) > 0) {
      const name = (await leadSection.innerText()).trim();
      await expect(leadSection).toHaveAttribute('href', `/sections/${name.toLowerCase()}`);
    }
  });

  test('an article page shows the story, its tags and its threaded discussion', async ({ page }, testInfo) => {
    const article = new ArticlePage(page);
    const response = await article.goto(SLUGS.discussion);
    expect(response?.status()).toBe(200);

    await expect(article.headline).toHaveText(DISCUSSION.title);
    await expect(article.story.getByText(DISCUSSION.standfirst, { exact: true })).toBeVisible();
    await expect(article.byline).toHaveText(`By ${DISCUSSION.author.name}`);
    await expect(article.byline.getByRole('link', { name: DISCUSSION.author.name })).toHaveAttribute('href', `/authors/${DISCUSSION.author.slug}`);
    await expect(article.story.locator('time').first()).toBeVisible();
    await expect(article.coverCaption).toContainText(DISCUSSION.captionStart);
    await expect(article.story.getByRole('img').first()).toHaveAttribute('alt', /terrace of narrow harbourside houses/);

    const paragraphs = await article.bodyParagraphs();
    expect(paragraphs.length).toBeGreaterThan(5);
    const first = paragraphs.findIndex((p) => p.startsWith(DISCUSSION.firstParagraphStart));
    const last = paragraphs.findIndex((p) => p.startsWith(DISCUSSION.lastParagraphStart));
    expect(first, 'first body paragraph').toBeGreaterThanOrEqual(0);
    expect(last, 'last body paragraph comes after the first').toBeGreaterThan(first);

    for (const tag of DISCUSSION.tags) {
      await expect(article.tagsNav.getByRole('link', { name: tag, exact: true })).toHaveAttribute('href', /^\/tags\/[a-z0-9-]+$/);
    }

    await expect(article.commentsHeading).toHaveText(`${DISCUSSION.approvedCount} comments`);
    await expect(article.comments).toHaveCount(DISCUSSION.approvedCount);

    // Three levels: a comment inside the reply list of a comment inside the reply list of another.
    const [top, middle, bottom] = DISCUSSION.thread;
    const level1 = article.comment(top.name, top.text);
    await expect(level1).toHaveCount(1);
    const level2 = article.repliesTo(level1).filter({ hasText: middle.text });
    await expect(level2).toHaveAttribute('aria-label', `Comment by ${middle.name}`);
    const level3 = article.repliesTo(level2).filter({ hasText: bottom.text });
    await expect(level3).toHaveAttribute('aria-label', `Comment by ${bottom.name}`);
    await expect(article.replyLink(level3)).toHaveAccessibleName(`Reply to ${bottom.name}`);

    const html = await page.content();
    for (const marker of DISCUSSION.hiddenMarkers) expect(html, `${marker} must not be public`).not.toContain(marker);

    await expect(article.leaveAReply).toBeVisible();
    await expect(article.commentField).toBeVisible();
    await expect(article.postButton).toBeVisible();

    const screenshot = testInfo.outputPath('article.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('article page', { path: screenshot, contentType: 'image/png' });
  });

  test('section, tag and author pages list their articles', async ({ page }) => {
    const site = new SitePages(page);
    const lists = [
      { path: `/sections/${DISCUSSION.section.slug}`, heading: DISCUSSION.section.name },
      { path: '/tags/housing', heading: 'Housing' },
      { path: `/authors/${DISCUSSION.author.slug}`, heading: DISCUSSION.author.name },
    ];
    for (const list of lists) {
      const response = await page.goto(list.path);
      expect(response?.status(), list.path).toBe(200);
      await expect(site.h1).toHaveText(list.heading);
      await expect(site.articleLink(DISCUSSION.title)).toHaveAttribute('href', `/articles/${SLUGS.discussion}`);
      expect(await site.articleHeadlineLinks.count(), `articles on ${list.path}`).toBeGreaterThan(1);
    }
  });

  test('a list page beyond the last is a 404, and so is an unknown address', async ({ page }) => {
    const site = new SitePages(page);
    for (const path of ['/sections/politics?page=2', '/no-such-page-anywhere', '/articles/no-such-article-here']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(site.notFoundHeading).toBeVisible();
    }
  });

  test('an article with comments closed says so and has no reply form', async ({ page }) => {
    const article = new ArticlePage(page);
    const response = await article.goto(SLUGS.closed);
    expect(response?.status()).toBe(200);
    await expect(article.commentsClosed).toBeVisible();
    await expect(article.commentField).toHaveCount(0);
    await expect(article.postButton).toHaveCount(0);
    await expect(article.page.getByRole('link', { name: /^Reply to / })).toHaveCount(0);
  });

  test('at 360 px wide nothing scrolls sideways', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    for (const path of ['/', `/articles/${SLUGS.discussion}`, '/sections/news', '/corrections-policy']) {
      await page.goto(path);
      await page.waitForLoadState('load');
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      expect(width, `scrollWidth of ${path}`).toBeLessThanOrEqual(360);
    }
    await context.close();
  });

  for (const { name, path } of [
    { name: 'front page', path: '/' },
    { name: 'article', path: `/articles/${SLUGS.discussion}` },
    { name: 'section', path: '/sections/politics' },
    { name: 'tag', path: '/tags/housing' },
    { name: 'author', path: `/authors/${DISCUSSION.author.slug}` },
    { name: 'about page', path: '/about' },
    { name: '404 page', path: '/no-such-page-for-axe' },
  ]) {
    test(`accessibility: the ${name} has no serious or critical axe violations`, async ({ page }) => {
      await page.goto(path);
      await page.waitForLoadState('load');
      const results = await new AxeBuilder({ page }).analyze();
      const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const report = severe
        .map(
          (v) =>
            `${v.impact} ${v.id}: ${v.help}\n${v.nodes
              .slice(0, 5)
              .map((n) => `  ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`)
              .join('\n')}`,
        )
        .join('\n');
      if (severe.length > 0) console.log(`axe on ${path}:\n${report}`);
      expect(
        severe.map((v) => `${v.impact} ${v.id}`),
        `axe violations on ${path}:\n${report}`,
      ).toEqual([]);
    });
  }
});
