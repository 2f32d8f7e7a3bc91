import { callAction, requestAs, ROLES, type Role } from './support/actions';
import { queryRows } from './support/db';
import { deskAs, type Queue } from './support/desk-page';
import { insertReply, newArticle, replyStatus as statusOf } from './support/discussion';
import { expect, test } from './support/fixtures';
import { newCommenter, uniq } from './support/unique';

// The moderation desk (/admin/comments): queues, explained holds, keyboard, bulk actions with undo,
// staff replies and edits, housekeeping, and every decision refused to readers and authors.
// Each test works on an article of its own, so no count elsewhere changes.

test.describe.configure({ timeout: 60_000 });

const COMMENT_ACTIONS = 'app/admin/comments/actions.ts';

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

  const desk = await deskAs(browser, 'moderator@example.com');
  await expect(desk.menuLink).toContainText(/\d/);
  await desk.openQueue('pending', who.email);
  const row = desk.row(who.name);
  await expect(row).toContainText(text);
  // The hold explains itself, with the commenter's history and the article.
  await expect(row).toContainText('First reply from this email');
  await expect(row).toContainText('History of this email: 0 approved · 1 pending');
  await expect(desk.articleLink(row, article.title)).toHaveAttribute('href', `/articles/${article.slug}`);
  await expect(desk.shortcutsHelp).toBeVisible();
  // The reply's own history says, in words, what the reply rules did.
  await expect(await desk.history(row)).toHaveText([/The reply rules held a new reply$/]);

  await desk.page.keyboard.press('j');
  await expect(row).toBeFocused();
  await desk.page.keyboard.press('a');
  await expect(desk.notice('Approved: 1 reply.')).toBeVisible();
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

  const desk = await deskAs(browser, 'moderator@example.com');
  const visible = async (expected: boolean) =>
    expect(async () => {
      await reader.page.reload();
      await expect(reader.article.commentBy(who.name)).toHaveCount(expected ? 1 : 0, { timeout: 500 });
    }).toPass({ timeout: 5_000 });

  const steps: [Queue, string, string, boolean][] = [
    ['pending', 'Approve', 'approved', true],
    ['approved', 'Unapprove', 'pending', false],
    ['pending', 'Approve', 'approved', true],
    ['approved', 'Spam', 'spam', false],
    ['spam', 'Restore', 'approved', true],
    ['approved', 'Trash', 'trash', false],
  ];
  for (const [queue, button, after, shown] of steps) {
    await desk.openQueue(queue, who.email);
    await desk.button(desk.row(who.name), button).click();
    await expect(desk.notice('1 reply')).toBeVisible();
    expect(await statusOf(id), `${button} from ${queue}`).toBe(after);
    await visible(shown);
  }

  // Every decision is in the reply's history, with who made it.
  await desk.openQueue('trash', who.email);
  const history = await desk.history(desk.row(who.name));
  await expect(history.filter({ hasText: 'Tom Ashdown' }).first()).toBeVisible();
  // Each line is a plain sentence.
  await expect(history.filter({ hasText: 'Tom Ashdown restored the reply from spam to approved' })).toHaveCount(1);
  await expect(history.filter({ hasText: 'Tom Ashdown moved the reply to the trash' })).toHaveCount(1);
  const log = await queryRows<{ from_status: string; to_status: string }>(
    'select from_status, to_status from moderation_log where reply_id = ? and actor_id is not null order by id',
    [id],
  );
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
  const ids = await Promise.all(
    [1, 2, 3].map((n) =>
      insertReply(article.id, { name: `Bulk Person ${n}`, email, body: `Bulk reply number ${n} ${uniq()}`, status: 'pending', minutesAgo: 10 - n }),
    ),
  );
  const desk = await deskAs(browser, 'editor@example.com');
  await desk.openQueue('pending', email);
  // Oldest first.
  await expect(desk.rows).toHaveText([/Bulk Person 1/, /Bulk Person 2/, /Bulk Person 3/]);
  await desk.selectAll.check();
  await desk.bulk('Spam').click();
  await expect(desk.notice('Marked as spam: 3 replies.')).toBeVisible();
  for (const id of ids) expect(await statusOf(id)).toBe('spam');

  await desk.undo.click();
  await expect(desk.notice('Undone: 3 replies.')).toBeVisible();
  for (const id of ids) expect(await statusOf(id)).toBe('pending');
  // The audit trail says it in words: who put which reply back from where to where.
  await expect(desk.auditTrail).toContainText('Daniel Whitcombe put the reply by Bulk Person 1 back from spam to pending');
  await expect(desk.auditTrail).toContainText('Daniel Whitcombe marked the reply by Bulk Person 3 as spam');

  // Keyboard: x selects, then a bulk approve of just those two.
  await desk.openQueue('pending', email);
  await desk.page.keyboard.press('j');
  await desk.page.keyboard.press('x');
  await desk.page.keyboard.press('j');
  await desk.page.keyboard.press('x');
  await desk.bulk('Approve').click();
  await expect(desk.notice('Approved: 2 replies.')).toBeVisible();
  expect(await Promise.all(ids.map(statusOf))).toEqual(['approved', 'approved', 'pending']);
  // The desk's audit trail names who did it.
  await expect(desk.auditTrail).toContainText('Daniel Whitcombe');
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
  const desk = await deskAs(browser, 'moderator@example.com');
  await desk.openQueue('pending', who.email);
  const row = desk.row(who.name);
  await expect(row).toContainText('Held by the rule “moderation word”: Contains the moderation word “casino”.');
  await expect(desk.marked(row)).toHaveText('Casino');
});

test('a staff reply from the desk is published at once under the reply it answers, and edits are recorded', async ({ browser, newReader }) => {
  const article = await newArticle('Staff answers');
  const who = newCommenter('Asks');
  const question = who.text('When does the consultation close');
  const id = await insertReply(article.id, { name: who.name, email: who.email, body: question, status: 'pending' });
  const desk = await deskAs(browser, 'moderator@example.com');
  await desk.openQueue('pending', who.email);
  const row = desk.row(who.name);
  await desk.button(row, 'Reply').click();
  const answer = `It closes on the 30th; details are on the council site. ${uniq()}`;
  await desk.replyField(row, who.name).fill(answer);
  await desk.postStaffReply.click();
  await expect(desk.page.getByText('Approved, and your reply is published.')).toBeVisible();
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
  await desk.openQueue('approved', who.email);
  const approvedRow = desk.row(who.name);
  await desk.button(approvedRow, 'Edit').click();
  await desk.editField(approvedRow).fill('');
  await desk.saveText(approvedRow).click();
  await expect(desk.editField(approvedRow)).toHaveAttribute('aria-invalid', 'true');
  const edited = `${question} (edited by the desk)`;
  await desk.editField(approvedRow).fill(edited);
  await desk.saveText(approvedRow).click();
  await expect(desk.page.getByText('Saved; the previous text is kept in the history.')).toBeVisible();
  const [log] = await queryRows<{ note: string }>("select note from moderation_log where reply_id = ? and action = 'edit'", [id]);
  expect(log.note).toContain(question);
  await expect(async () => {
    await reader.page.reload();
    await expect(reader.page.getByText('(edited by the desk)')).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
});

test('the Reported queue counts each reason once, and a reply moved to the trash leaves it (and comes back with Undo)', async ({ browser }) => {
  const article = await newArticle('Reported reasons');
  const who = newCommenter('Reported Often');
  const id = await insertReply(article.id, { name: who.name, email: who.email, body: who.text('Buy cheap watches at my shop') });
  for (const [reason, note] of [
    ['spam', null],
    ['spam', 'Links to a shop'],
    ['spam', null],
    ['abuse', 'Rude to the reporter'],
  ] as const) {
    await queryRows('insert into reply_reports (reply_id, reason, note, reporter_hash) values (?, ?, ?, ?)', [id, reason, note, `reasons-${uniq()}`]);
  }
  const desk = await deskAs(browser, 'moderator@example.com');
  await desk.open({ view: 'reported' });
  const row = desk.row(who.name);
  await expect(row).toContainText('Reported by 4 readers');
  await expect(row.getByText('Spam or advertising')).toHaveCount(1);
  await expect(row.getByText('Spam or advertising')).toHaveText('Spam or advertising (3) — “Links to a shop”');
  await expect(row.getByText('Abusive, hateful or harassing')).toHaveText('Abusive, hateful or harassing — “Rude to the reporter”');

  await desk.button(row, 'Trash').click();
  await expect(desk.notice('Moved to the trash: 1 reply.')).toBeVisible();
  expect(await statusOf(id)).toBe('trash');
  await expect(row).toHaveCount(0);
  await desk.undo.click();
  await expect(desk.notice('Undone: 1 reply.')).toBeVisible();
  await expect(row).toContainText('Reported by 4 readers');
  expect(await statusOf(id)).toBe('approved');
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

    await callAction(
      request,
      '/admin/comments',
      COMMENT_ACTIONS,
      'moderateRepliesAction',
      { ids: String(id), decision: 'approve', returnTo: '/admin/comments' },
      false,
    );
    expect(await statusOf(id), `${role} approving`).toBe(allowedToModerate[role] ? 'approved' : 'pending');

    const body = `Direct staff reply ${uniq()}`;
    await callAction(request, '/admin/comments', COMMENT_ACTIONS, 'staffReplyAction', { parentId: String(id), body }, true);
    expect((await queryRows('select id from replies where body = ?', [body])).length, `${role} replying`).toBe(allowedToModerate[role] ? 1 : 0);

    const edited = `Edited directly ${uniq()}`;
    await callAction(request, '/admin/comments', COMMENT_ACTIONS, 'editReplyAction', { id: String(id), body: edited }, true);
    expect((await queryRows('select id from replies where id = ? and body = ?', [id, edited])).length, `${role} editing`).toBe(allowedToModerate[role] ? 1 : 0);

    // Undo needs a decision to undo: one made by the moderator account.
    const [log] = await queryRows<{ id: number }>(
      "insert into moderation_log (reply_id, actor_id, action, from_status, to_status) values (?, (select id from users where email = 'moderator@example.com'), 'spam', 'pending', 'spam') returning id",
      [id],
    );
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
