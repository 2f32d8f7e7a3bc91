import type { Page } from '@playwright/test';
import { callAction, requestAs, ROLES, type Role } from './support/actions';
import { queryRows } from './support/db';
import { insertReply, newArticle, replyStatus as statusOf } from './support/discussion';
import { expect, test } from './support/fixtures';
import { staffPage } from './support/staff';
import { newCommenter, uniq } from './support/unique';

// The moderation desk (/admin/comments): queues, explained holds, keyboard, bulk actions with undo,
// staff replies and edits, housekeeping, and every decision refused to readers and authors.
// Each test works on an article of its own, so no count elsewhere changes.

test.describe.configure({ timeout: 60_000 });

const COMMENT_ACTIONS = 'app/admin/comments/actions.ts';





/** The desk filtered to one commenter, so other tests' replies never get in the way. */
async function openQueue(page: Page, status: string, email: string) {
  await page.goto(`/admin/comments?status=${status}&email=${encodeURIComponent(email)}`);
  // Keys pressed before the shortcuts are wired up would be lost.
  await expect(page.locator('html[data-desk-shortcuts="on"]')).toHaveCount(1);
}

test('a first-time reader’s reply is held; the moderator approves it with the keyboard; another reader sees it at once', async ({ browser, newReader }) => {
  const article = await newArticle('Quay lights');
  const author = await newReader();
  const who = newCommenter('Desk First');
  const text = who.text('The new lights on the quay are far too bright at night');
  await author.article.goto(article.slug);
  await author.article.postReply({ comment: text, name: who.name, email: who.email });
  await expect(author.article.awaitingModeration(author.article.commentBy(who.name))).toBeVisible({ timeout: 15_000 });

  // Another reader loads the page first, so the approval must refresh a cached page.
  const other = await newReader();
  await other.article.goto(article.slug);
  await expect(other.article.commentBy(who.name)).toHaveCount(0);

  const moderator = await staffPage(browser, 'moderator@example.com');
  await expect(moderator.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: /Comments/ })).toContainText(/\d/);
  await openQueue(moderator, 'pending', who.email);
  const row = moderator.getByRole('article', { name: `Reply by ${who.name}` });
  await expect(row).toContainText(text);
  // The hold explains itself, with the commenter's history and the article.
  await expect(row).toContainText('First reply from this email');
  await expect(row).toContainText('History of this email: 0 approved · 1 pending');
  await expect(row.getByRole('link', { name: article.title })).toHaveAttribute('href', `/articles/${article.slug}`);
  await expect(moderator.getByText('j / k')).toBeVisible();

  await moderator.keyboard.press('j');
  await expect(row).toBeFocused();
  await moderator.keyboard.press('a');
  await expect(moderator.getByRole('status').filter({ hasText: 'Approved: 1 reply.' })).toBeVisible();
  await expect(row).toHaveCount(0);

  await expect(async () => {
    await other.page.reload();
    await expect(other.article.commentBy(who.name)).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
  await expect(other.article.commentBy(who.name)).toContainText(text);
});

test('approve, unapprove, spam and trash each change the public article at once (reader and moderator side by side)', async ({ browser, newReader }) => {
  const article = await newArticle('Ferry fares');
  const who = newCommenter('Side By Side');
  const body = who.text('Fares have doubled since spring');
  const id = await insertReply(article.id, { name: who.name, email: who.email, body, status: 'pending' });
  const reader = await newReader();
  await reader.article.goto(article.slug);
  await expect(reader.article.commentBy(who.name)).toHaveCount(0);

  const moderator = await staffPage(browser, 'moderator@example.com');
  const visible = async (expected: boolean) =>
    expect(async () => {
      await reader.page.reload();
      await expect(reader.article.commentBy(who.name)).toHaveCount(expected ? 1 : 0, { timeout: 500 });
    }).toPass({ timeout: 5_000 });

  const steps: [string, string, string, boolean][] = [
    ['pending', 'Approve', 'approved', true],
    ['approved', 'Unapprove', 'pending', false],
    ['pending', 'Approve', 'approved', true],
    ['approved', 'Spam', 'spam', false],
    ['spam', 'Restore', 'approved', true],
    ['approved', 'Trash', 'trash', false],
  ];
  for (const [queue, button, after, shown] of steps) {
    await openQueue(moderator, queue, who.email);
    await moderator.getByRole('article', { name: `Reply by ${who.name}` }).getByRole('button', { name: button, exact: true }).click();
    await expect(moderator.getByRole('status').filter({ hasText: '1 reply' })).toBeVisible();
    expect(await statusOf(id), `${button} from ${queue}`).toBe(after);
    await visible(shown);
  }

  // Every decision is in the reply's history, with who made it.
  await openQueue(moderator, 'trash', who.email);
  const row = moderator.getByRole('article', { name: `Reply by ${who.name}` });
  await row.getByText(/History of this reply/).click();
  await expect(row.getByRole('listitem').filter({ hasText: 'Tom Ashdown' }).first()).toBeVisible();
  const log = await queryRows<{ from_status: string; to_status: string }>('select from_status, to_status from moderation_log where reply_id = ? and actor_id is not null order by id', [id]);
  expect(log.map((l) => `${l.from_status}→${l.to_status}`)).toEqual([
    'pending→approved',
    'approved→pending',
    'pending→approved',
    'approved→spam',
    'spam→approved',
    'approved→trash',
  ]);
});

test('bulk actions act on every selected reply, and the last decision can be undone', async ({ browser }) => {
  const article = await newArticle('Bulk desk');
  const email = `bulk-${uniq()}@example.org`;
  const ids = await Promise.all([1, 2, 3].map((n) => insertReply(article.id, { name: `Bulk Person ${n}`, email, body: `Bulk reply number ${n} ${uniq()}`, status: 'pending', minutesAgo: 10 - n })));
  const moderator = await staffPage(browser, 'editor@example.com');
  await openQueue(moderator, 'pending', email);
  // Oldest first.
  await expect(moderator.getByRole('article')).toHaveText([/Bulk Person 1/, /Bulk Person 2/, /Bulk Person 3/]);
  await moderator.getByLabel('Select all on this page').check();
  await moderator.getByRole('button', { name: 'Spam selected' }).click();
  await expect(moderator.getByRole('status').filter({ hasText: 'Marked as spam: 3 replies.' })).toBeVisible();
  for (const id of ids) expect(await statusOf(id)).toBe('spam');

  await moderator.getByRole('button', { name: 'Undo' }).click();
  await expect(moderator.getByRole('status').filter({ hasText: 'Undone: 3 replies.' })).toBeVisible();
  for (const id of ids) expect(await statusOf(id)).toBe('pending');

  // Keyboard: x selects, then a bulk approve of just those two.
  await openQueue(moderator, 'pending', email);
  await moderator.keyboard.press('j');
  await moderator.keyboard.press('x');
  await moderator.keyboard.press('j');
  await moderator.keyboard.press('x');
  await moderator.getByRole('button', { name: 'Approve selected' }).click();
  await expect(moderator.getByRole('status').filter({ hasText: 'Approved: 2 replies.' })).toBeVisible();
  expect(await Promise.all(ids.map(statusOf))).toEqual(['approved', 'approved', 'pending']);
  // The desk's audit trail names who did it.
  await expect(moderator.getByRole('region', { name: 'Recent decisions' }).or(moderator.locator('section[aria-labelledby="audit-heading"]'))).toContainText('Daniel Whitcombe');
});

test('a held reply shows which rule fired, with the matching text marked', async ({ browser }) => {
  const article = await newArticle('Casino plan');
  const who = newCommenter('Explained');
  await insertReply(article.id, {
    name: who.name,
    email: who.email,
    body: 'Visit my Casino tonight for free chips',
    status: 'pending',
    reason: { rule: 'moderation-word', detail: 'Contains the moderation word “casino”.', match: 'Casino', field: 'body' },
  });
  const moderator = await staffPage(browser, 'moderator@example.com');
  await openQueue(moderator, 'pending', who.email);
  const row = moderator.getByRole('article', { name: `Reply by ${who.name}` });
  await expect(row).toContainText('Held by the rule “moderation-word”: Contains the moderation word “casino”.');
  await expect(row.locator('mark')).toHaveText('Casino');
});

test('a staff reply from the desk is published at once under the reply it answers, and edits are recorded', async ({ browser, newReader }) => {
  const article = await newArticle('Staff answers');
  const who = newCommenter('Asks');
  const question = who.text('When does the consultation close');
  const id = await insertReply(article.id, { name: who.name, email: who.email, body: question, status: 'pending' });
  const moderator = await staffPage(browser, 'moderator@example.com');
  await openQueue(moderator, 'pending', who.email);
  const row = moderator.getByRole('article', { name: `Reply by ${who.name}` });
  await row.getByRole('button', { name: 'Reply', exact: true }).click();
  const answer = `It closes on the 30th; details are on the council site. ${uniq()}`;
  await row.getByLabel(`Your reply to ${who.name}`).fill(answer);
  await row.getByRole('button', { name: 'Post staff reply' }).click();
  await expect(moderator.getByText('Approved, and your reply is published.')).toBeVisible();
  expect(await statusOf(id)).toBe('approved');

  const reader = await newReader();
  await reader.article.goto(article.slug);
  const parent = reader.article.commentBy(who.name);
  await expect(parent).toBeVisible();
  const staffReply = reader.article.comments.filter({ hasText: answer });
  await expect(staffReply).toContainText('Staff');
  // Threaded: the answer is a direct reply to the question.
  await expect(reader.article.repliesTo(parent)).toHaveCount(1);
  await expect(reader.article.repliesTo(parent)).toContainText(answer);

  // Editing the question's text: the public page follows, the old text stays in the history.
  await openQueue(moderator, 'approved', who.email);
  const approvedRow = moderator.getByRole('article', { name: `Reply by ${who.name}` });
  await approvedRow.getByRole('button', { name: 'Edit', exact: true }).click();
  await approvedRow.getByLabel('Reply text').fill('');
  await approvedRow.getByRole('button', { name: 'Save text' }).click();
  await expect(approvedRow.getByLabel('Reply text')).toHaveAttribute('aria-invalid', 'true');
  const edited = `${question} (edited by the desk)`;
  await approvedRow.getByLabel('Reply text').fill(edited);
  await approvedRow.getByRole('button', { name: 'Save text' }).click();
  await expect(moderator.getByText('Saved; the previous text is kept in the history.')).toBeVisible();
  const [log] = await queryRows<{ note: string }>("select note from moderation_log where reply_id = ? and action = 'edit'", [id]);
  expect(log.note).toContain(question);
  await expect(async () => {
    await reader.page.reload();
    await expect(reader.page.getByText('(edited by the desk)')).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
});

test('housekeeping purges spam and trash older than the setting, and nothing newer', async () => {
  const article = await newArticle('Housekeeping');
  const email = `old-spam-${uniq()}@example.org`;
  const old = await insertReply(article.id, { name: 'Old Spam', email, body: `Old spam ${uniq()}`, status: 'spam', minutesAgo: 40 * 24 * 60 });
  const oldTrash = await insertReply(article.id, { name: 'Old Trash', email, body: `Old trash ${uniq()}`, status: 'trash', minutesAgo: 31 * 24 * 60 });
  const recent = await insertReply(article.id, { name: 'New Spam', email, body: `New spam ${uniq()}`, status: 'spam', minutesAgo: 60 });
  const oldPending = await insertReply(article.id, { name: 'Old Pending', email, body: `Old pending ${uniq()}`, status: 'pending', minutesAgo: 40 * 24 * 60 });
  await expect.poll(async () => [await statusOf(old), await statusOf(oldTrash)], { timeout: 15_000 }).toEqual([undefined, undefined]);
  expect(await statusOf(recent)).toBe('spam');
  expect(await statusOf(oldPending)).toBe('pending');
});

const allowedToModerate: Record<Role, boolean> = { anonymous: false, author: false, moderator: true, editor: true, admin: true };

for (const role of ROLES) {
  test(`moderation actions called directly as ${role} are ${allowedToModerate[role] ? 'allowed' : 'refused'}`, async ({ browser }) => {
    const article = await newArticle(`Direct ${role}`);
    const email = `direct-mod-${uniq()}@example.org`;
    const id = await insertReply(article.id, { name: 'Direct Target', email, body: `Direct target ${uniq()}`, status: 'pending' });
    const request = await requestAs(browser, role);

    await callAction(request, '/admin/comments', COMMENT_ACTIONS, 'moderateRepliesAction', { ids: String(id), decision: 'approve', returnTo: '/admin/comments' }, false);
    expect(await statusOf(id), `${role} approving`).toBe(allowedToModerate[role] ? 'approved' : 'pending');

    const body = `Direct staff reply ${uniq()}`;
    await callAction(request, '/admin/comments', COMMENT_ACTIONS, 'staffReplyAction', { parentId: String(id), body }, true);
    expect((await queryRows('select id from replies where body = ?', [body])).length, `${role} replying`).toBe(allowedToModerate[role] ? 1 : 0);

    const edited = `Edited directly ${uniq()}`;
    await callAction(request, '/admin/comments', COMMENT_ACTIONS, 'editReplyAction', { id: String(id), body: edited }, true);
    expect((await queryRows('select id from replies where id = ? and body = ?', [id, edited])).length, `${role} editing`).toBe(allowedToModerate[role] ? 1 : 0);

    // Undo needs a decision to undo: one made by the moderator account.
    const [log] = await queryRows<{ id: number }>("insert into moderation_log (reply_id, actor_id, action, from_status, to_status) values (?, (select id from users where email = 'moderator@example.com'), 'spam', 'pending', 'spam') returning id", [id]);
    await queryRows("update replies set status = 'spam' where id = ?", [id]);
    await callAction(request, '/admin/comments', COMMENT_ACTIONS, 'undoDecisionAction', { logIds: String(log.id), returnTo: '/admin/comments' }, false);
    expect(await statusOf(id), `${role} undoing`).toBe(allowedToModerate[role] ? 'pending' : 'spam');

    const page = await request.get('/admin/comments', { maxRedirects: 0 });
    const desk = page.status() === 200 && (await page.text()).includes('Keyboard shortcuts');
    expect(desk, `${role} opening the desk`).toBe(allowedToModerate[role]);
    const tools = await request.get(`/admin/comments/commenter?email=${encodeURIComponent(email)}`, { maxRedirects: 0 });
    const toolsShown = tools.status() === 200 && (await tools.text()).includes('Erase this commenter');
    expect(toolsShown, `${role} opening the commenter tools`).toBe(allowedToModerate[role]);
  });
}
