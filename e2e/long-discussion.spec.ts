import { REPLIES_PER_PAGE } from '../lib/replies/paging';
import { queryRows } from './support/db';
import { newArticle } from './support/discussion';
import { expect, test } from './support/fixtures';

// A discussion longer than one page (REPLIES_PER_PAGE approved replies) is paged, oldest first; a reply on a
// later page can still be answered without JavaScript.

const PER = REPLIES_PER_PAGE;
const TOTAL = 2 * PER + 20;

test('a long discussion is paged, and every page, reply link and count agrees', async ({ newReader }) => {
  const article = await newArticle('Long talk');
  await queryRows(
    `with recursive n(i) as (select 0 union all select i + 1 from n where i < ${TOTAL - 1})
     insert into replies (article_id, depth, author_name, author_email, body, status, created_at, status_changed_at)
     select ?, 1, 'Talker ' || i, 'talker' || i || '@example.org', 'Point number ' || i, 'approved', ? + i * 1000, ? from n`,
    [article.id, Date.now() - 1_000_000, Date.now()],
  );
  const reader = await newReader({ javaScript: false });
  await reader.article.goto(article.slug);
  await expect(reader.article.commentsHeading).toHaveText(`${TOTAL} comments`);
  await expect(reader.article.comments).toHaveCount(PER);
  await expect(reader.article.commentBy('Talker 0')).toBeVisible();
  await expect(reader.article.commentBy(`Talker ${PER}`)).toHaveCount(0);

  await reader.page.getByRole('navigation', { name: 'Comment pages', exact: true }).getByRole('link', { name: 'Later comments →' }).click();
  await expect(reader.page).toHaveURL(new RegExp(`/articles/${article.slug}/comments/2#comments-heading$`));
  await expect(reader.article.comments).toHaveCount(PER);
  await expect(reader.article.commentBy(`Talker ${PER}`)).toBeVisible();
  await expect(reader.page.getByRole('navigation', { name: 'Comment pages', exact: true })).toContainText('Page 2 of 3');

  await reader.page.goto(`/articles/${article.slug}/comments/3`);
  await expect(reader.article.comments).toHaveCount(20);
  // Answering a reply on the last page, without JavaScript, opens the form aimed at it.
  await reader.article.replyLink(reader.article.commentBy(`Talker ${TOTAL - 1}`)).click();
  await expect(reader.page).toHaveURL(/\/reply\/\d+#respond$/);
  await expect(reader.article.replyingTo).toContainText(`Talker ${TOTAL - 1}`);

  // A returning commenter's reply is approved at once and shown where it lands: the last page.
  await reader.page.goto(`/articles/${article.slug}`);
  const text = `A late point ${Date.now()}`;
  await reader.article.postReply({ comment: text, name: 'Talker 0', email: 'talker0@example.org' });
  await expect(reader.page).toHaveURL(new RegExp(`/articles/${article.slug}/comments/3#comment-\\d+$`));
  await expect(reader.article.comment('Talker 0', text)).toBeVisible();

  expect((await reader.page.goto(`/articles/${article.slug}/comments/4`))?.status()).toBe(404);
  expect((await reader.page.goto(`/articles/${article.slug}/comments/1`))?.status()).toBe(404);
});
