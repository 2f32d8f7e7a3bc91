import { expect, test } from './support/fixtures';
import { queryRows, storedRepliesByEmail } from './support/db';
import { approvedBefore, newArticle } from './support/discussion';
import { setReplyMode } from './support/live-seo';
import { newCommenter } from './support/unique';

// An editor may hold every reply on a live article, or slow its replies down to one per reader per N
// seconds (lib/replies/reply-mode.ts). The switch is set here in the database; the reply action enforces it.

test.describe.configure({ timeout: 90_000 });

/** The statuses of this email's replies on one article (approvedBefore gives them one elsewhere). */
const repliesOn = async (slug: string, email: string) => (await storedRepliesByEmail(email)).filter((r) => r.article_slug === slug).map((r) => r.status);

test('hold every reply: a returning commenter’s reply is held, shown only to them, with the reason for the desk', async ({ newReader }) => {
  const article = await newArticle('Held live story');
  await setReplyMode(article, 'hold');
  const who = newCommenter('Hold Mode');
  await approvedBefore(who.name, who.email);

  const author = await newReader();
  await author.article.goto(article.slug);
  await expect(author.page.getByText('Replies are being held for review during live coverage.')).toBeVisible();
  const text = who.text('Watching the count from the town hall');
  await author.article.postReply({ comment: text, name: who.name, email: who.email });
  await expect(author.article.awaitingModeration(author.article.commentBy(who.name))).toBeVisible({ timeout: 15_000 });

  const [stored] = await queryRows<{ status: string; status_reason: string }>(
    'select status, status_reason from replies where author_email = ? and article_id = ?',
    [who.email, article.id],
  );
  expect(stored.status).toBe('pending');
  expect(JSON.parse(stored.status_reason)).toMatchObject({ rule: 'article-hold' });

  const other = await newReader();
  await other.article.goto(article.slug);
  await expect(other.article.headline).toBeVisible();
  await expect(other.page.getByText(text)).toHaveCount(0);
});

test('slow mode: one reply per reader per window, by email or address; the refusal keeps the text', async ({ newReader }) => {
  const article = await newArticle('Slow live story');
  await setReplyMode(article, 'slow', 10);
  const one = newCommenter('Slow One');
  await approvedBefore(one.name, one.email);

  const reader = await newReader({ javaScript: false });
  await reader.article.goto(article.slug);
  await expect(reader.page.getByText('Slow mode: one reply every 10 seconds.')).toBeVisible();
  await reader.article.postReply({ comment: one.text('First from the count'), name: one.name, email: one.email });
  await expect(reader.article.comment(one.name, 'First from the count')).toBeVisible({ timeout: 15_000 });
  const firstAt = Date.now();

  // The same reader at once: refused beside the form, the text kept, nothing stored.
  const second = one.text('Second from the count');
  await reader.article.postReply({ comment: second, name: one.name, email: one.email });
  await expect(reader.article.formMessage).toContainText(/Slow mode is on: you can reply again in \d+ seconds?\./);
  await expect(reader.article.commentField).toHaveValue(second);
  expect(await repliesOn(article.slug, one.email)).toEqual(['approved']);

  // Another email from the same address is the same reader.
  const two = newCommenter('Slow Two');
  const neighbour = await newReader({ javaScript: false, address: reader.address });
  await neighbour.article.goto(article.slug);
  await neighbour.article.postReply({ comment: two.text('Me too'), name: two.name, email: two.email });
  await expect(neighbour.article.formMessage).toContainText('Slow mode is on');
  expect(await storedRepliesByEmail(two.email)).toEqual([]);

  // After the window (and the site's 15-second flood control), the reader replies again.
  await reader.page.waitForTimeout(Math.max(0, firstAt + 16_000 - Date.now()));
  await reader.article.goto(article.slug);
  await reader.article.postReply({ comment: second, name: one.name, email: one.email });
  await expect(reader.article.comment(one.name, 'Second from the count')).toBeVisible({ timeout: 15_000 });
  expect(await repliesOn(article.slug, one.email)).toEqual(['approved', 'approved']);
});
