import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { queryRows } from './support/db';
import { deskAs } from './support/desk-page';
import { insertReply, newArticle } from './support/discussion';
import { internalKey } from './support/internal-api';
import { SERVER_URL } from './support/paths';
import { queryLog, requestQueriesSince } from './support/query-log';
import { newCommenter, uniq } from './support/unique';

// Issue 18, parts 2–3: the reader island polls GET /api/articles/{id}/live?u=&c= (a cached answer with
// an ETag), offers "Show N new updates" / "Show N new comments" and, pressed, refreshes the cached page
// in place; "Reply" opens the form under the reply it answers, quoting it. Each test has an article of
// its own. The poll runs every 12 s: timeouts are generous.

const POLL_WAIT = 25_000;

/** Expires pages by tag on the test server, as a change made outside the app (the importer) does. */
async function expireOnServer(tags: string[]) {
  const response = await fetch(`${SERVER_URL}/api/revalidate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${internalKey()}` },
    body: JSON.stringify({ tags }),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
}

/** A published article whose live coverage started a minute ago. */
async function newLiveArticle(label: string) {
  const article = await newArticle(label);
  await queryRows('update articles set live_started_at = ? where id = ?', [Date.now() - 60_000, article.id]);
  return article;
}

/** An update posted straight into the database, then the article's tag expired (as "Post update" does). */
async function postUpdate(articleId: number, number: number, body: string) {
  const [editor] = await queryRows<{ id: number }>("select id from users where email = 'editor@example.com'");
  await queryRows('insert into live_updates (article_id, number, body, author_id, created_at) values (?, ?, ?, ?, ?)', [
    articleId,
    number,
    body,
    editor.id,
    Date.now(),
  ]);
  await expireOnServer([`article:${articleId}`]);
}

const showButton = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

test('a reader of a live article gets "Show 1 new update" within 20 s of an update, and pressing it brings the page up to date', async ({ newReader }) => {
  test.setTimeout(120_000);
  const article = await newLiveArticle('Live island updates');
  const reader = await newReader();
  await reader.article.goto(article.slug);
  await expect(reader.page.locator('[data-live-island="updates"]')).toHaveCount(1);
  await expect(reader.page.getByRole('button', { name: /^Show \d+ new/ })).toHaveCount(0);
  const firstPoll = await reader.page.waitForResponse((r) => r.url().includes(`/api/articles/${article.id}/live?u=0&`), { timeout: POLL_WAIT });
  expect((await firstPoll.json()).updates).toEqual({ latest: 0, count: 0 });

  await postUpdate(article.id, 1, `Crowds gather at the harbour (${uniq()}).`);
  const button = showButton(reader.page, 'Show 1 new update');
  await expect(button).toBeVisible({ timeout: 20_000 });
  // Announced politely, in a place of its own: nothing the reader was reading moved.
  await expect(reader.page.locator('[data-live-island="updates"]')).toHaveAttribute('aria-live', 'polite');

  // Pressed, the page is refreshed in place (no navigation) and the island asks from the new cursor.
  const nextPoll = reader.page.waitForRequest((r) => r.url().includes(`/api/articles/${article.id}/live?u=1&`), { timeout: POLL_WAIT });
  await button.click();
  await expect(button).toHaveCount(0, { timeout: 15_000 });
  await expect(reader.page).toHaveURL(new RegExp(`/articles/${article.slug}$`));
  await nextPoll;

  // Two more: the count follows.
  await postUpdate(article.id, 2, 'Second update.');
  await postUpdate(article.id, 3, 'Third update.');
  await expect(showButton(reader.page, 'Show 2 new updates')).toBeVisible({ timeout: POLL_WAIT });
});

test('"Show N new comments" appears after a moderator approves a reply, and pressing it inserts the reply in its thread', async ({ browser, newReader }) => {
  test.setTimeout(120_000);
  const article = await newArticle('Live island comments');
  const parent = newCommenter('Parent');
  const child = newCommenter('Child');
  const parentId = await insertReply(article.id, { name: parent.name, email: parent.email, body: parent.text('The ferry was late again') });
  const childText = child.text('It was on time for me');
  const childId = await insertReply(article.id, {
    name: child.name,
    email: child.email,
    body: childText,
    status: 'pending',
    parentId,
    depth: 2,
    minutesAgo: 5,
  });

  const reader = await newReader();
  await reader.article.goto(article.slug);
  await expect(reader.article.commentsHeading).toHaveText('1 comment');
  await expect(reader.page.locator('[data-live-island="updates"]'), 'not live: no updates to watch').toHaveCount(0);
  // A half-typed comment, which the refresh must keep.
  await reader.article.commentField.fill('Half a thought');

  const desk = await deskAs(browser, 'moderator@example.com');
  await desk.openQueue('pending', child.email);
  await desk.button(desk.row(child.name), 'Approve').click();
  await expect(desk.notice('1 reply')).toBeVisible();

  const button = showButton(reader.page, 'Show 1 new comment');
  await expect(button).toBeVisible({ timeout: 20_000 });
  await expect(reader.article.commentBy(child.name)).toHaveCount(0);
  await button.click();

  const inserted = reader.article.repliesTo(reader.article.commentBy(parent.name)).filter({ hasText: childText });
  await expect(inserted).toHaveAttribute('aria-label', `Comment by ${child.name}`, { timeout: 15_000 });
  await expect(reader.page.locator(`#comment-${childId}`)).toBeFocused();
  await expect(reader.article.commentsHeading).toHaveText('2 comments');
  await expect(button).toHaveCount(0);
  await expect(reader.article.commentField).toHaveValue('Half a thought');
  await expect(reader.page).toHaveURL(new RegExp(`/articles/${article.slug}$`));
});

test('"Reply" opens the form under the reply, quoting it; Cancel brings it back; the reply posts and nests', async ({ newReader }) => {
  test.setTimeout(90_000);
  const article = await newArticle('Reply in place');
  const parent = newCommenter('Quoted');
  const longText = `${'The council has promised a new timetable for the harbour ferry every spring, and every spring it slips again. '.repeat(4)}(${uniq()})`;
  const parentId = await insertReply(article.id, { name: parent.name, email: parent.email, body: longText, minutesAgo: 20 });
  const other = newCommenter('Other');
  await insertReply(article.id, { name: other.name, email: other.email, body: other.text('Unrelated'), minutesAgo: 15 });

  const reader = await newReader();
  const { article: page } = reader;
  await page.goto(article.slug);
  const slot = reader.page.locator(`#comment-${parentId} > [data-reply-slot]`);
  const link = page.replyLink(page.commentBy(parent.name));
  await link.click();

  // The form is right under the reply, quoting its start, focused; the address did not change.
  await expect(slot.locator('form')).toHaveCount(1);
  await expect(page.replyingTo).toHaveText(new RegExp(`^Replying to ${parent.name}`));
  const quote = slot.locator('blockquote');
  await expect(quote).toContainText('The council has promised a new timetable');
  expect((await quote.innerText()).length).toBeLessThanOrEqual(201);
  await expect(quote).toHaveText(/…$/);
  await expect(slot.locator('figcaption')).toContainText(parent.name);
  await expect(page.commentField).toBeFocused();
  await expect(reader.page).toHaveURL(new RegExp(`/articles/${article.slug}$`));
  await expect(page.form.filter({ has: reader.page.getByLabel('Comment', { exact: true }) })).toHaveCount(1);

  // What was typed goes with the form; Cancel returns it to the end and focus to the link.
  await page.commentField.fill('Draft words');
  await reader.page.getByRole('link', { name: 'Cancel reply' }).click();
  await expect(slot.locator('form')).toHaveCount(0);
  await expect(reader.page.locator('#respond form')).toHaveCount(1);
  await expect(page.replyingTo).toHaveCount(0);
  await expect(page.commentField).toHaveValue('Draft words');
  await expect(link).toBeFocused();

  // Again, and post: the held reply nests under the one it answers.
  await link.click();
  await expect(slot.locator('form')).toHaveCount(1);
  await expect(page.commentField).toHaveValue('Draft words');
  const who = newCommenter('In place');
  const text = who.text('Spring is a long season');
  await page.postReply({ comment: text, name: who.name, email: who.email });
  const mine = page.repliesTo(page.commentBy(parent.name)).filter({ hasText: text });
  await expect(mine).toHaveAttribute('aria-label', `Comment by ${who.name}`, { timeout: 15_000 });
  await expect(page.awaitingModeration(mine)).toBeVisible();
  const [stored] = await queryRows<{ parent_id: number }>('select parent_id from replies where author_email = ?', [who.email]);
  expect(stored.parent_id).toBe(parentId);

  // Without JavaScript the reply page quotes it the same way, above its form.
  const noJs = await newReader({ javaScript: false });
  await noJs.page.goto(`/articles/${article.slug}/reply/${parentId}#respond`);
  await expect(noJs.article.replyingTo).toHaveText(new RegExp(`^Replying to ${parent.name}`));
  await expect(noJs.page.locator('#respond blockquote')).toContainText('The council has promised a new timetable');
  await expect(noJs.page.locator('#respond figcaption')).toContainText(parent.name);
  await expect(noJs.page.locator('[data-live-island]')).toHaveCount(1); // the comments row, reserved and empty without JavaScript
  await expect(noJs.page.getByRole('button', { name: /^Show \d+ new/ })).toHaveCount(0);
});

test('the poll route: counts, an ETag with 304, no query on a repeat, 400 for a bad cursor, 404 for no article', async ({ request }) => {
  const article = await newArticle('Live route');
  const url = `/api/articles/${article.id}/live?u=0&c=0`;
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  expect(await first.json()).toEqual({ updates: { latest: 0, count: 0 }, comments: { latest: 0, count: 0 } });
  expect(first.headers()['content-type']).toMatch(/^application\/json/);
  expect(first.headers()['cache-control']).toMatch(/^public, max-age=2\b/);
  const etag = first.headers()['etag'];
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);

  const repeat = await request.get(url, { headers: { 'If-None-Match': etag } });
  expect(repeat.status()).toBe(304);
  expect(await repeat.body()).toHaveLength(0);

  // A repeat, whatever the cursors, runs no query (the snapshot is cached per article).
  const attempts: number[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const start = queryLog().length;
    expect((await request.get(`/api/articles/${article.id}/live?u=${attempt}&c=5`)).status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    attempts.push(requestQueriesSince(start).length);
    if (attempts.at(-1) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  expect(attempts.at(-1), `queries on repeat requests: ${attempts.join(', ')}`).toBe(0);

  // An approval (here written directly, then the article's tag expired) is counted after the page's cursor.
  const who = newCommenter('Counted');
  const id = await insertReply(article.id, { name: who.name, email: who.email, body: who.text(), minutesAgo: 1 });
  const [{ at }] = await queryRows<{ at: number }>('select status_changed_at as at from replies where id = ?', [id]);
  await expireOnServer([`article:${article.id}`]);
  await expect(async () => {
    const after = await request.get(url, { headers: { 'If-None-Match': etag } });
    expect(after.status()).toBe(200);
    expect(await after.json()).toEqual({ updates: { latest: 0, count: 0 }, comments: { latest: Number(at), count: 1 } });
  }).toPass({ timeout: 10_000 });
  expect((await (await request.get(`/api/articles/${article.id}/live?u=0&c=${at}`)).json()).comments.count).toBe(0);

  for (const bad of ['u=-1', 'u=abc', 'u=1.5', 'c=-3', 'u=0&c=x']) {
    const res = await request.get(`/api/articles/${article.id}/live?${bad}`);
    expect(res.status(), bad).toBe(400);
    expect((await res.json()).error, bad).toMatch(/must be a whole number/);
  }
  for (const missing of ['999999999', '0', 'abc']) {
    const res = await request.get(`/api/articles/${missing}/live?u=0&c=0`);
    expect(res.status(), missing).toBe(404);
    expect(await res.json()).toEqual({ error: 'No such article.' });
  }
  // A draft is no more visible here than on the site.
  const draft = await newArticle('Live route draft');
  await queryRows("update articles set status = 'draft' where id = ?", [draft.id]);
  expect((await request.get(`/api/articles/${draft.id}/live?u=0&c=0`)).status()).toBe(404);
});
