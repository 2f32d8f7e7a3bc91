import { queryRows } from './support/db';
import { newArticle } from './support/discussion';
import { expect, test } from './support/fixtures';

// A discussion longer than one page (200 approved replies) is paged, oldest first; a reply on a
// later page can still be answered without JavaScript.

test('a long discussion is paged, and every page, reply link and count agrees', async ({ newReader }) => {
  const article = await newArticle('Long talk');
  await queryRows(
    `with recursive n(i) as (select 0 union all select i + 1 from n where i < 449)
     insert into replies (article_id, depth, author_name, author_email, body, status, created_at, status_changed_at)
     select ?, 1, 'Talker ' || i, 'talker' || i || '@example.org', 'Point number ' || i, 'approved', ? + i * 1000, ? from n`,
    [article.id, Date.now() - 1_000_000, Date.now()],
  );
  const reader = await newReader({ javaScript: false });
  await reader.article.goto(article.slug);
  await expect(reader.article.commentsHeading).toHaveText('450 comments');
  await expect(reader.article.comments).toHaveCount(200);
  await expect(reader.article.commentBy('Talker 0')).toBeVisible();
  await expect(reader.article.commentBy('Talker 200')).toHaveCount(0);

  await reader.page.getByRole('navigation', { name: 'Comment pages', exact: true }).getByRole('link', { name: 'Later comments →' }).click();
  await expect(reader.page).toHaveURL(new RegExp(`/articles/${article.slug}/comments/2#comments-heading$`));
  await expect(reader.article.comments).toHaveCount(200);
  await expect(reader.article.commentBy('Talker 200')).toBeVisible();
  await expect(reader.page.getByRole('navigation', { name: 'Comment pages', exact: true })).toContainText('Page 2 of 3');

  await reader.page.goto(`/articles/${article.slug}/comments/3`);
  await expect(reader.article.comments).toHaveCount(50);
  // Answering a reply on the last page, without JavaScript, opens the form aimed at it.
  await reader.article.replyLink(reader.article.commentBy('Talker 449')).click();
  await expect(reader.page).toHaveURL(/\/reply\/\d+#respond$/);
  await expect(reader.article.replyingTo).toContainText('Talker 449');

  expect((await reader.page.goto(`/articles/${article.slug}/comments/4`))?.status()).toBe(404);
  expect((await reader.page.goto(`/articles/${article.slug}/comments/1`))?.status()).toBe(404);
});
