import { request as playwrightRequest } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unsubscribeQuery } from '../lib/mail/signed-link';
import { callAction, requestAs } from './support/actions';
import { queryRows } from './support/db';
import { DeskPage } from './support/desk-page';
import { approvedBefore, insertReply, newArticle } from './support/discussion';
import { EditorPage } from './support/editor-page';
import { expect, test } from './support/fixtures';
import { E2E_DATA_DIR, SERVER_URL } from './support/paths';
import { queryLog, requestQueriesSince } from './support/query-log';
import { staffPage } from './support/staff';
import { newCommenter, uniq } from './support/unique';

// The readers' side of issue 14, probed as an attacker would: borrowing someone's standing (or a staff
// member's) through "previously approved", open redirects through the desk's return address,
// unsubscribe links that a mail scanner triggers or that never expire, personal data left behind,
// another article's old address taken over, and made-up addresses filling the cache. Against the main
// test server (TRUST_PROXY=true: each reader has its own address, so flood control never links tests).

test.describe.configure({ timeout: 60_000 });

const COMMENT_ACTIONS = 'app/admin/comments/actions.ts';

test('a post under a staff member’s email from someone not signed in is held, and the desk says why', async ({ browser, newReader }) => {
  const [moderator] = await queryRows<{ name: string }>("select name from users where email = 'moderator@example.com'");
  // The moderator has approved replies of their own (staff replies): the old rule published this at once.
  const article = await newArticle('Impostor');
  await insertReply(article.id, { name: moderator.name, email: 'moderator@example.com', body: `A staff answer (${uniq()}).`, minutesAgo: 60 });
  const text = `Official: the consultation is cancelled (${uniq()}).`;
  const reader = await newReader();
  await reader.article.goto(article.slug);
  await reader.article.postReply({ comment: text, name: moderator.name, email: 'moderator@example.com' });
  const mine = reader.article.comment(moderator.name, text);
  await expect(reader.article.awaitingModeration(mine)).toBeVisible({ timeout: 15_000 });

  const [stored] = await queryRows<{ status: string; status_reason: string; user_id: number | null }>(
    'select status, status_reason, user_id from replies where body = ?',
    [text],
  );
  expect(stored.status).toBe('pending');
  expect(stored.user_id).toBeNull();
  expect(JSON.parse(stored.status_reason)).toMatchObject({ rule: 'staff-email', detail: 'Uses a staff member’s email without signing in.' });

  // Nobody else sees it; the desk explains the hold on the row.
  const stranger = await newReader({ javaScript: false });
  await stranger.article.goto(article.slug);
  await expect(stranger.page.getByText(text)).toHaveCount(0);
  const desk = new DeskPage(await staffPage(browser, 'editor@example.com'));
  await desk.openQueue('pending', 'moderator@example.com');
  const row = desk.rows.filter({ hasText: text });
  await expect(row).toContainText('Held by the rule “a staff member’s email without signing in”: Uses a staff member’s email without signing in.');
});

test('"previously approved" needs the same name as well as the email', async ({ newReader }) => {
  const article = await newArticle('Borrowed standing');
  // Someone with an approved reply; a stranger who knows their email posts under another name.
  const known = newCommenter('Known');
  await approvedBefore(known.name, known.email);
  const stranger = await newReader();
  await stranger.article.goto(article.slug);
  const borrowed = known.text('Under a name of my choosing');
  await stranger.article.postReply({ comment: borrowed, name: `Someone Else ${uniq()}`, email: known.email });
  await expect(stranger.article.awaitingModeration(stranger.article.comments.filter({ hasText: borrowed }))).toBeVisible({ timeout: 15_000 });
  const [held] = await queryRows<{ status: string; status_reason: string }>('select status, status_reason from replies where body = ?', [borrowed]);
  expect({ status: held.status, rule: JSON.parse(held.status_reason).rule }).toEqual({ status: 'pending', rule: 'first-reply' });

  // The commenter themselves, however they space or capitalise their name, is published at once.
  const returning = newCommenter('Returning');
  await approvedBefore(returning.name, returning.email);
  const themselves = await newReader();
  await themselves.article.goto(article.slug);
  const own = returning.text('Back again');
  await themselves.article.postReply({ comment: own, name: `  ${returning.name.toUpperCase()} `, email: returning.email });
  const published = themselves.article.comment(returning.name.toUpperCase(), own);
  await expect(published).toBeVisible({ timeout: 15_000 });
  await expect(themselves.article.awaitingModeration(published)).toHaveCount(0);
});

test('a desk action redirects to a desk page whatever returnTo says; so do the commenter page and sign-in', async ({ browser }) => {
  const article = await newArticle('Return address');
  const who = newCommenter('Returned');
  const id = await insertReply(article.id, { name: who.name, email: who.email, body: who.text('Held for a decision'), status: 'pending' });
  const moderator = await requestAs(browser, 'moderator');
  const payloads = [
    '/admin/comments/../..//evil.example/x',
    '/admin/comments/%2e%2e/%2e%2e//evil.example/x',
    '//evil.example/admin/comments',
    '/\\evil.example/admin/comments',
    '/admin/comments/..%2f..%2f%2fevil.example',
    '/admin/comments\t//evil.example',
    'https://evil.example/admin/comments',
    '/admin/users',
  ];
  for (const [n, returnTo] of payloads.entries()) {
    const decision = n % 2 === 0 ? 'approve' : 'unapprove';
    const response = await callAction(moderator, '/admin/comments', COMMENT_ACTIONS, 'moderateRepliesAction', { ids: String(id), decision, returnTo }, false);
    expect(response.status(), returnTo).toBe(303);
    const location = response.headers().location;
    const target = new URL(location, SERVER_URL);
    expect(target.origin, `${returnTo} → ${location}`).toBe(new URL(SERVER_URL).origin);
    expect(target.pathname, `${returnTo} → ${location}`).toBe('/admin/comments');
    expect(location.startsWith('/admin/comments'), `${returnTo} → ${location}`).toBe(true);
  }
  // The decisions were made: the addresses only decided where to go next.
  expect((await queryRows<{ status: string }>('select status from replies where id = ?', [id]))[0].status).toBe('pending');

  const tools = await moderator.get(
    `/admin/comments/commenter?email=${encodeURIComponent(who.email)}&back=${encodeURIComponent('/admin/comments/../..//evil.example/x')}`,
  );
  expect(tools.status()).toBe(200);
  expect(await tools.text()).toMatch(/href="\/admin\/comments"[^>]*>\s*← Back to the desk/);

  const signIn = await (
    await playwrightRequest.newContext({ baseURL: SERVER_URL })
  ).get(`/login?callbackUrl=${encodeURIComponent('/admin/../..//evil.example')}`);
  expect(await signIn.text()).toMatch(/name="callbackUrl" value="\/admin"/);
});

/** The server's secret (the data folder's generated one): to sign links as the server does. */
const serverSecret = () => process.env.AUTH_SECRET ?? readFileSync(path.join(E2E_DATA_DIR, 'auth-secret'), 'utf8').trim();

test('an unsubscribe link: opening it changes nothing, a one-click POST unsubscribes, it cannot subscribe again, and it expires', async () => {
  const email = `unsubscriber-${uniq()}@example.org`;
  const optedOut = async () => (await queryRows('select email from mail_opt_outs where email = ?', [email])).length;
  const client = await playwrightRequest.newContext({ baseURL: SERVER_URL });
  const link = `/unsubscribe?${unsubscribeQuery(email, serverSecret())}`;

  // A mail scanner opening the link (even twice) unsubscribes nobody.
  for (let i = 0; i < 2; i++) {
    const opened = await client.get(link);
    expect(opened.status()).toBe(200);
    expect(await opened.text()).toContain('Unsubscribe from reply notifications?');
  }
  expect(await optedOut()).toBe(0);

  // RFC 8058: a POST of List-Unsubscribe=One-Click to the same address, no cookies, no other token.
  expect((await client.post(link, { form: { 'List-Unsubscribe': 'One-Click' } })).status()).toBe(200);
  expect(await optedOut()).toBe(1);
  // Asking the link itself to subscribe again does nothing.
  const fields = Object.fromEntries(new URLSearchParams(link.split('?')[1]));
  expect((await client.post('/unsubscribe', { form: { action: 'resubscribe', ...fields } })).status()).toBe(400);
  expect((await client.post(link, { form: { action: 'resubscribe' } })).status()).toBe(400);
  expect(await optedOut()).toBe(1);

  // A link from a mail sent 61 days ago no longer works, either way.
  const old = `/unsubscribe?${unsubscribeQuery(`old-${email}`, serverSecret(), Date.now() - 61 * 86_400_000)}`;
  const expired = await client.get(old);
  expect(expired.status()).toBe(410);
  expect(await expired.text()).toContain('This link has expired');
  expect((await client.post(old, { form: { 'List-Unsubscribe': 'One-Click' } })).status()).toBe(410);
  expect(await queryRows('select email from mail_opt_outs where email = ?', [`old-${email}`])).toEqual([]);
  await client.dispose();
});

test('the export holds everything kept about a commenter, and erasure leaves nothing of it, mail included', async ({ browser, newReader }) => {
  const article = await newArticle('Kept data');
  const who = newCommenter('Exported');
  const reader = await newReader();
  await reader.article.goto(article.slug);
  await reader.article.fillReply({ comment: who.text('Please tell me when someone answers'), name: who.name, email: who.email });
  await reader.page.getByLabel('Notify me of replies to my comment').check();
  await reader.article.submit();
  await expect(reader.article.awaitingModeration(reader.article.commentBy(who.name))).toBeVisible({ timeout: 15_000 });
  const [stored] = await queryRows<{ id: number }>('select id from replies where author_email = ?', [who.email]);

  // Approving it queues a mail to them (the mail holds their name and the unsubscribe link).
  const moderator = await requestAs(browser, 'moderator');
  await callAction(moderator, '/admin/comments', COMMENT_ACTIONS, 'moderateRepliesAction', { ids: String(stored.id), decision: 'approve' }, false);
  await expect.poll(async () => (await queryRows('select id from mail_queue where to_address = ?', [who.email])).length).toBe(1);

  const exported = await (await moderator.get(`/admin/comments/export?email=${encodeURIComponent(who.email)}`)).json();
  expect(exported.replies).toHaveLength(1);
  expect(exported.replies[0]).toMatchObject({ name: who.name, notifyReplies: true, statusReason: { rule: 'first-reply' } });
  expect(exported.replies[0].userAgent).toContain('Chrome');
  expect(exported.replies[0].addressHash).toEqual(expect.any(String));
  expect(exported.replies[0].history.map((h: { action: string }) => h.action)).toEqual(['rules:first-reply', 'approve']);
  expect(exported.mail).toEqual([expect.objectContaining({ to: who.email, subject: expect.stringContaining(article.title) })]);

  await callAction(moderator, '/admin/comments', COMMENT_ACTIONS, 'eraseCommenterAction', { email: who.email, confirm: 'yes' }, false);
  const leftovers = await queryRows<{ n: number }>(
    `select (select count(*) from replies where author_email = ?1 or author_name = ?2 or status_reason like '%' || ?2 || '%' or user_agent is not null and id = ?3)
          + (select count(*) from mail_queue where to_address = ?1 or dedupe_key = 'approved:' || ?3 or text_body like '%' || ?2 || '%')
          + (select count(*) from moderation_log where reply_id = ?3 and note is not null) as n`,
    [who.email, who.name, stored.id],
  );
  expect(Number(leftovers[0].n)).toBe(0);
});

test('an author cannot take over, or drop, another article’s old address by saving a draft with it', async ({ browser }) => {
  const moved = await newArticle('Moved story');
  const oldSlug = `old-address-${uniq()}`;
  await queryRows('insert into slug_redirects (old_slug, article_id) values (?, ?)', [oldSlug, moved.id]);

  const editor = new EditorPage(await staffPage(browser, 'author@example.com'));
  await editor.gotoNew();
  await editor.fill({ title: `An author’s draft ${uniq()}`, body: 'Draft text.' });
  await editor.slug.fill(oldSlug);
  await editor.saveDraftButton.click();
  await expect(editor.slug).toHaveAttribute('aria-invalid', 'true');
  await expect(await editor.messageOf(editor.slug)).toHaveText(`The slug “${oldSlug}” is an old address of another article and still leads there.`);
  expect(await queryRows('select article_id from slug_redirects where old_slug = ?', [oldSlug])).toEqual([{ article_id: moved.id }]);
  expect(await queryRows('select id from articles where slug = ?', [oldSlug])).toEqual([]);

  // Readers following the old address still reach the article.
  const reader = await playwrightRequest.newContext({ baseURL: SERVER_URL });
  const followed = await reader.get(`/articles/${oldSlug}`, { maxRedirects: 0 });
  expect([301, 308]).toContain(followed.status());
  expect(followed.headers().location).toContain(`/articles/${moved.slug}`);
  await reader.dispose();
});

test('made-up addresses are cached for minutes, not like real pages, and page numbers past the end read nothing', async ({ request }) => {
  const [section] = await queryRows<{ slug: string }>('select slug from sections order by id limit 1');
  const real = await request.get(`/sections/${section.slug}`);
  expect(real.status()).toBe(200);
  expect(real.headers()['cache-control']).toMatch(/s-maxage=(\d{6,})/);

  const shortLived = /s-maxage=(\d+)/;
  for (const address of [
    `/articles/no-such-story-${uniq()}`,
    `/sections/no-such-section-${uniq()}`,
    `/sections/${section.slug}/page/9${Math.floor(Math.random() * 9999)}`,
    `/?page=8${Math.floor(Math.random() * 9999)}`,
  ]) {
    const response = await request.get(address);
    expect(response.status(), address).toBe(404);
    expect(Number(shortLived.exec(response.headers()['cache-control'] ?? '')?.[1]), address).toBeLessThanOrEqual(600);
  }

  // Once the list's page count is cached, another page past the end answers 404 without a query.
  // (Other specs' requests and the server's timers share the log: try a few times for a quiet moment.)
  await request.get(`/sections/${section.slug}/page/5000`);
  const attempts: number[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const before = queryLog().length;
    const far = await request.get(`/sections/${section.slug}/page/${70_000 + attempt * 100 + Math.floor(Math.random() * 100)}`);
    expect(far.status()).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 100));
    attempts.push(requestQueriesSince(before).length);
    if (attempts.at(-1) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  expect(attempts.at(-1), `queries for pages past the end: ${attempts.join(', ')}`).toBe(0);
});
