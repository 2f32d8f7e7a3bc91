import { request as playwrightRequest } from '@playwright/test';
import { queryRows } from './support/db';
import { newArticle } from './support/discussion';
import { EditorPage } from './support/editor-page';
import { expect, test } from './support/fixtures';
import { startSmtpSink, type SmtpSink } from './support/smtp';
import { staffPage } from './support/staff';
import { newCommenter, uniq } from './support/unique';

// Reply notifications end to end, through a real SMTP server started here: a commenter who asked
// hears when their held reply is approved and when someone answers it, once per event, and can
// unsubscribe from the link (a page with a button) or with a mail client's one-click POST. Editors and
// admins hear when an article is submitted for review.

// One SMTP server for the file, so its tests run in one worker, in order.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

let smtp: SmtpSink;
test.beforeAll(async () => {
  smtp = await startSmtpSink();
});
test.afterAll(async () => {
  await smtp?.close();
});

test('a commenter who asked is mailed when their reply is approved and when it is answered, once each, and can unsubscribe in one click', async ({
  browser,
  newReader,
}) => {
  const article = await newArticle('Tram consultation');
  const reader = await newReader();
  const who = newCommenter('Notified');
  await reader.article.goto(article.slug);
  await reader.article.fillReply({ comment: who.text('Will the tram stop at the hospital'), name: who.name, email: who.email });
  await reader.page.getByLabel('Notify me of replies to my comment').check();
  await reader.article.submit();
  await expect(reader.article.awaitingModeration(reader.article.commentBy(who.name))).toBeVisible({ timeout: 15_000 });
  const [stored] = await queryRows<{ id: number; notify_replies: number }>('select id, notify_replies from replies where author_email = ?', [who.email]);
  expect(Number(stored.notify_replies)).toBe(1);

  // Approval: one mail, with a working one-click unsubscribe link and the List-Unsubscribe header.
  const moderator = await staffPage(browser, 'moderator@example.com');
  await moderator.goto(`/admin/comments?status=pending&email=${encodeURIComponent(who.email)}`);
  await moderator
    .getByRole('article', { name: `Reply by ${who.name}` })
    .getByRole('button', { name: 'Approve', exact: true })
    .click();
  await expect(moderator.getByRole('status').filter({ hasText: 'Approved: 1 reply.' })).toBeVisible();
  const approved = await smtp.waitFor(who.email, /is published/);
  expect(approved.subject).toContain(article.title);
  expect(approved.text).toContain(`/articles/${article.slug}#comment-${stored.id}`);
  expect(approved.rawHeaders).toMatch(/List-Unsubscribe:\s*<https?:\/\/[^>]+\/unsubscribe\?e=/);
  expect(approved.rawHeaders).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

  // Unapproving and approving again is not a second event.
  await moderator.goto(`/admin/comments?status=approved&email=${encodeURIComponent(who.email)}`);
  await moderator
    .getByRole('article', { name: `Reply by ${who.name}` })
    .getByRole('button', { name: 'Unapprove', exact: true })
    .click();
  await expect(moderator.getByRole('status').filter({ hasText: 'Unapproved: 1 reply.' })).toBeVisible();
  await moderator.goto(`/admin/comments?status=pending&email=${encodeURIComponent(who.email)}`);
  await moderator
    .getByRole('article', { name: `Reply by ${who.name}` })
    .getByRole('button', { name: 'Approve', exact: true })
    .click();
  await expect(moderator.getByRole('status').filter({ hasText: 'Approved: 1 reply.' })).toBeVisible();

  // An answer from the desk: one mail quoting it.
  await moderator.goto(`/admin/comments?status=approved&email=${encodeURIComponent(who.email)}`);
  const row = moderator.getByRole('article', { name: `Reply by ${who.name}` });
  await row.getByRole('button', { name: 'Reply', exact: true }).click();
  const answer = `Yes, the hospital stop is in every option. ${uniq()}`;
  await row.getByLabel(`Your reply to ${who.name}`).fill(answer);
  await row.getByRole('button', { name: 'Post staff reply' }).click();
  await expect(moderator.getByText('Your reply is published.')).toBeVisible();
  const answered = await smtp.waitFor(who.email, /replied to your comment/);
  expect(answered.subject).toContain('Tom Ashdown');
  expect(answered.text).toContain(answer);

  // Give any duplicate time to arrive: the queue is sent every half second.
  await new Promise((r) => setTimeout(r, 2500));
  expect(smtp.to(who.email).map((m) => m.subject)).toEqual([approved.subject, answered.subject]);
  // The moderator is never mailed about their own actions.
  // (A digest of pending replies is another matter: another spec may switch it on for a moment.)
  expect(smtp.to('moderator@example.com').filter((m) => !/waiting for moderation/.test(m.subject))).toEqual([]);

  // Opening the link in the mail changes nothing (mail scanners open links): its page has a button that
  // unsubscribes. A later answer then sends nothing.
  const link = /https?:\/\/\S+\/unsubscribe\?\S+/.exec(answered.text)![0];
  const linkPath = new URL(link).pathname + new URL(link).search;
  const optedOut = async () => (await queryRows('select email from mail_opt_outs where email = ?', [who.email])).length;
  const unsubscribePage = await browser.newPage();
  await unsubscribePage.goto(linkPath);
  await expect(unsubscribePage.getByRole('heading', { name: 'Unsubscribe from reply notifications?' })).toBeVisible();
  expect(await optedOut(), 'opening the link unsubscribes nobody').toBe(0);
  await unsubscribePage.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(unsubscribePage.getByRole('heading', { name: 'You are unsubscribed' })).toBeVisible();
  expect(await optedOut()).toBe(1);

  await moderator.goto(`/admin/comments?status=approved&email=${encodeURIComponent(who.email)}`);
  await moderator
    .getByRole('article', { name: `Reply by ${who.name}` })
    .getByRole('button', { name: 'Reply', exact: true })
    .click();
  await moderator.getByLabel(`Your reply to ${who.name}`).fill(`A further answer ${uniq()}`);
  await moderator.getByRole('button', { name: 'Post staff reply' }).click();
  await expect(moderator.getByText('Your reply is published.')).toBeVisible();
  await new Promise((r) => setTimeout(r, 2500));
  expect(smtp.to(who.email)).toHaveLength(2);

  // Subscribing again is its own button, on the page after unsubscribing.
  await unsubscribePage.getByRole('button', { name: 'Subscribe again' }).click();
  await expect(unsubscribePage.getByRole('heading', { name: 'You are subscribed again' })).toBeVisible();
  expect(await optedOut()).toBe(0);

  // A mail client's one-click unsubscribe (RFC 8058): a POST of List-Unsubscribe=One-Click to the link
  // in the List-Unsubscribe header, with no cookies and nothing else.
  const header = /List-Unsubscribe:\s*<([^>]+)>/.exec(answered.rawHeaders)![1];
  const client = await playwrightRequest.newContext();
  const oneClick = await client.post(header, { form: { 'List-Unsubscribe': 'One-Click' }, maxRedirects: 0 });
  expect(oneClick.status()).toBe(200);
  expect(await optedOut()).toBe(1);
  // The link can only unsubscribe: posting it again, or asking it to subscribe again, leaves them out.
  expect((await client.post(header, { form: { 'List-Unsubscribe': 'One-Click' } })).status()).toBe(200);
  const fields = Object.fromEntries(new URL(header).searchParams);
  expect((await client.post(new URL('/unsubscribe', header).toString(), { form: { action: 'resubscribe', ...fields } })).status()).toBe(400);
  expect((await client.get(header)).status()).toBe(200);
  expect(await optedOut()).toBe(1);
  await client.dispose();

  // A tampered link does nothing.
  // (Change the signature's first character to one it certainly is not.)
  const tampered = await unsubscribePage.request.get(
    new URL(link).pathname + new URL(link).search.replace(/&s=(.)/, (_, c: string) => `&s=${c === 'A' ? 'B' : 'A'}`),
  );
  expect(tampered.status()).toBe(400);
});

test('a commenter who did not ask gets no mail', async ({ browser, newReader }) => {
  const article = await newArticle('Quiet commenter');
  const reader = await newReader();
  const who = newCommenter('Quiet');
  await reader.article.goto(article.slug);
  await reader.article.postReply({ comment: who.text('No mail for me please'), name: who.name, email: who.email });
  await expect(reader.article.awaitingModeration(reader.article.commentBy(who.name))).toBeVisible({ timeout: 15_000 });
  const moderator = await staffPage(browser, 'moderator@example.com');
  await moderator.goto(`/admin/comments?status=pending&email=${encodeURIComponent(who.email)}`);
  await moderator
    .getByRole('article', { name: `Reply by ${who.name}` })
    .getByRole('button', { name: 'Approve', exact: true })
    .click();
  await expect(moderator.getByRole('status').filter({ hasText: 'Approved: 1 reply.' })).toBeVisible();
  await new Promise((r) => setTimeout(r, 2500));
  expect(smtp.to(who.email)).toEqual([]);
});

test('a moderator who opts in gets the digest of pending replies', async ({ browser }) => {
  const moderator = await staffPage(browser, 'admin@example.com');
  await moderator.goto('/admin/profile');
  await moderator.getByRole('button', { name: 'Email me a digest of pending replies' }).click();
  await expect(moderator.getByRole('button', { name: 'Stop the digest' })).toBeVisible();
  try {
    // The demo always has pending replies; housekeeping runs every two seconds in the tests.
    const digest = await smtp.waitFor('admin@example.com', /waiting for moderation/);
    expect(digest.text).toContain('/admin/comments');
  } finally {
    await moderator.getByRole('button', { name: 'Stop the digest' }).click();
    await expect(moderator.getByRole('button', { name: 'Email me a digest of pending replies' })).toBeVisible();
  }
});

test('editors and admins are mailed when an author submits an article for review, with a link to it', async ({ browser }) => {
  const author = new EditorPage(await staffPage(browser, 'author@example.com'));
  await author.gotoNew();
  const title = `Lifeboat station appeal ${uniq()}`;
  await author.fill({ title, body: 'The crew needs a new slipway.' });
  await author.submitButton.click();
  await expect(author.text('Submitted for review.')).toBeVisible();
  const id = /\/admin\/articles\/(\d+)/.exec(author.page.url())![1];

  const subject = new RegExp(`Review requested: “${title}”`);
  const [toEditor, toAdmin] = await Promise.all([smtp.waitFor('editor@example.com', subject), smtp.waitFor('admin@example.com', subject)]);
  for (const mail of [toEditor, toAdmin]) {
    expect(mail.text).toContain(`Priya Raman submitted “${title}” for review.`);
    expect(mail.text).toMatch(new RegExp(`https?://\\S+/admin/articles/${id}\\b`));
  }
  // The link opens the article in the editor.
  const editor = await staffPage(browser, 'editor@example.com');
  await editor.goto(new URL(/https?:\/\/\S+\/admin\/articles\/\d+/.exec(toEditor.text)![0]).pathname);
  await expect(new EditorPage(editor).title).toHaveValue(title);

  // Once each; nobody who cannot publish hears of it, the author included.
  await new Promise((r) => setTimeout(r, 2500));
  for (const address of ['editor@example.com', 'admin@example.com']) expect(smtp.to(address).filter((m) => subject.test(m.subject))).toHaveLength(1);
  for (const address of ['author@example.com', 'moderator@example.com']) expect(smtp.to(address).filter((m) => subject.test(m.subject))).toEqual([]);
});
