import type { Page } from '@playwright/test';
import { queryRows } from './support/db';
import { insertReply, newArticle } from './support/discussion';
import { expect, test } from './support/fixtures';
import { staffPage } from './support/staff';
import { newCommenter } from './support/unique';

// The error pages, met through real server errors (no mocking of Next): a row holding a time beyond
// what a JavaScript Date can represent, as a bad import could leave, makes the page that shows it throw
// while rendering. Each test breaks a row of an article of its own and removes it afterwards. The value
// is below the oldest possible Date, so on the desk's newest-first tabs the row sorts last, out of the
// way of other tests meanwhile.
const OUT_OF_RANGE_MS = -8_640_000_000_000_001;

const errorHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Something went wrong' });
const reference = (page: Page) => page.getByText(/^Reference for the site.s administrator: \S+$/);

test('a reader page that fails shows the site error page under the masthead, without the error itself', async ({ newReader }) => {
  const article = await newArticle('Broken reply time');
  const commenter = newCommenter('Clock');
  const replyId = await insertReply(article.id, { name: commenter.name, email: commenter.email, body: commenter.text() });
  await queryRows('update replies set created_at = ? where id = ?', [OUT_OF_RANGE_MS, replyId]);
  try {
    const { page } = await newReader();
    const response = await page.goto(`/articles/${article.slug}`);
    expect(response?.status()).toBe(500);
    await expect(errorHeading(page)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Go to the front page' })).toHaveAttribute('href', '/');
    await expect(reference(page)).toBeVisible();
    expect(await page.content()).not.toContain('Invalid time value');
  } finally {
    await queryRows('delete from replies where id = ?', [replyId]);
  }
});

test('an admin page that fails shows the newsroom error page; Try again renders the page once the fault is mended', async ({ browser }) => {
  const article = await newArticle('Broken revision time');
  const [revision] = await queryRows<{ id: number }>(
    "insert into revisions (article_id, title, standfirst, body, meta, created_at) values (?, ?, '', 'The story.', '{}', ?) returning id",
    [article.id, article.title, OUT_OF_RANGE_MS],
  );
  const page = await staffPage(browser, 'editor@example.com');
  try {
    // (Staff pages render per request, streamed after a 200 has gone out: the status cannot say 500.)
    await page.goto(`/admin/articles/${article.id}`);
    await expect(errorHeading(page)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute('href', '/admin');
    await expect(reference(page)).toBeVisible();

    await queryRows('delete from revisions where id = ?', [revision.id]);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();
  } finally {
    await queryRows('delete from revisions where id = ?', [revision.id]);
    await page.context().close();
  }
});

test('a missing article keeps the masthead; a missing admin record answers a real 404 that leads back to the dashboard', async ({ browser, newReader }) => {
  const { page: reader } = await newReader();
  expect((await reader.goto('/articles/no-such-article-for-the-error-pages'))?.status()).toBe(404);
  await expect(reader.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(reader.getByRole('navigation', { name: 'Sections' })).toBeVisible();

  const staff = await staffPage(browser, 'editor@example.com');
  // Decided before the page renders (lib/auth/admin-gate.ts), so the status is a real 404 without JavaScript.
  expect((await staff.goto('/admin/articles/999999999'))?.status()).toBe(404);
  await expect(staff.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(staff.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute('href', '/admin');
  await staff.context().close();
});
