import { callAction, requestAs, type Role } from './support/actions';
import { queryRows } from './support/db';
import { DeskPage } from './support/desk-page';
import { insertReply, newArticle, replyStatus as statusOf } from './support/discussion';
import { expect, test } from './support/fixtures';
import { staffPage } from './support/staff';
import { newCommenter, uniq } from './support/unique';

// Community tools: reader reports and the Reported queue, commenter bans and holds, one-step
// removals with undo, data export and erasure, and queue health. Each test uses its own article.

test.describe.configure({ timeout: 60_000 });

const COMMENT_ACTIONS = 'app/admin/comments/actions.ts';

test('readers report a reply; at three reports it is held again and waits in the Reported queue, where dismissing keeps it', async ({ browser, newReader }) => {
  const article = await newArticle('Reported talk');
  const who = newCommenter('Rude');
  const body = who.text('Everyone on the council is a crook');
  const id = await insertReply(article.id, { name: who.name, email: who.email, body });

  // The first reader reports without JavaScript: the button opens a form asking why.
  const first = await newReader({ javaScript: false });
  const { article: firstArticle } = first;
  await firstArticle.goto(article.slug);
  await firstArticle.reportButton(firstArticle.commentBy(who.name)).click();
  await expect(firstArticle.reportHeading).toBeVisible();
  await firstArticle.sendReportButton.click();
  await expect(first.page.getByText('Please choose a reason.')).toBeVisible();
  await firstArticle.reportReason('Something else').check();
  await firstArticle.sendReportButton.click();
  await expect(firstArticle.reportNote).toHaveAttribute('aria-invalid', 'true');
  await firstArticle.reportReason('Abusive, hateful or harassing').check();
  await firstArticle.reportNote.fill('Name-calling');
  await firstArticle.sendReportButton.click();
  await expect(first.page.getByText('Thank you. A moderator will look at this comment.')).toBeVisible();

  // The same reader cannot report it twice.
  await firstArticle.goto(article.slug);
  await firstArticle.reportButton(firstArticle.commentBy(who.name)).click();
  await firstArticle.reportReason('Spam or advertising').check();
  await firstArticle.sendReportButton.click();
  await expect(first.page.getByText('You have already reported this comment.')).toBeVisible();
  expect(await statusOf(id)).toBe('approved');

  const desk = new DeskPage(await staffPage(browser, 'moderator@example.com'));
  await desk.goto('view=reported');
  const row = desk.row(who.name);
  await expect(row).toContainText('Reported by 1 reader');
  await expect(row).toContainText('Abusive, hateful or harassing — “Name-calling”');

  for (const n of [2, 3]) {
    const reader = await newReader();
    await reader.page.goto(`/articles/${article.slug}/report/${id}`);
    await reader.article.reportReason('Off topic').check();
    await reader.article.sendReportButton.click();
    await expect(reader.page.getByText('Thank you.'), `report ${n}`).toBeVisible();
  }
  expect(await statusOf(id)).toBe('pending');
  const reader = await newReader();
  await expect(async () => {
    await reader.article.goto(article.slug);
    await expect(reader.article.commentBy(who.name)).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 5_000 });

  // The moderator judges it fine: approve it and dismiss the reports; it stays.
  await desk.goto('view=reported');
  await expect(row).toContainText('Reported by 3 readers');
  await desk.button(row, 'Approve').click();
  await expect(desk.notice('Approved: 1 reply.')).toBeVisible();
  await desk.goto('view=reported');
  await desk.button(row, 'Dismiss reports').click();
  await expect(desk.notice('Reports dismissed: 1 reply.')).toBeVisible();
  await expect(row).toHaveCount(0);
  expect(await statusOf(id)).toBe('approved');
  await expect(async () => {
    await reader.article.goto(article.slug);
    await expect(reader.article.commentBy(who.name)).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 5_000 });
});

test('a banned email cannot post and nothing is stored; "always hold" holds even a returning commenter', async ({ browser, newReader }) => {
  const article = await newArticle('Banned voices');
  const banned = newCommenter('Banned');
  const held = newCommenter('Held Always');
  await insertReply(article.id, { name: banned.name, email: banned.email, body: banned.text('An old approved reply') });
  await insertReply(article.id, { name: held.name, email: held.email, body: held.text('Another old approved reply') });

  const desk = new DeskPage(await staffPage(browser, 'moderator@example.com'));
  for (const [who, kind, reason] of [
    [banned, 'Ban', 'Repeated abuse after warnings'],
    [held, 'Always hold', 'Keeps posting links to his shop'],
  ] as const) {
    await desk.goto(`status=approved&email=${encodeURIComponent(who.email)}`);
    const row = desk.row(who.name);
    // The tools live on the commenter's own page; every action there returns to this desk page.
    await desk.commenterToolsLink(row).click();
    await desk.sanctionKind.selectOption({ label: kind });
    await desk.applySanctionButton.click();
    await expect(desk.alert('Give a reason')).toBeVisible();
    await desk.commenterToolsLink(row).click();
    await desk.sanctionKind.selectOption({ label: kind });
    await desk.sanctionReason.fill(reason);
    await desk.applySanctionButton.click();
    await expect(desk.anyNotice).toBeVisible();
    await expect(row).toContainText(kind === 'Ban' ? 'Banned' : 'Always held');
  }

  const reader = await newReader();
  await reader.article.goto(article.slug);
  await reader.article.postReply({ comment: banned.text('Let me back in'), name: banned.name, email: banned.email });
  await expect(reader.article.formMessage).toContainText('You can no longer comment on Broadsheet.');
  expect(await queryRows("select id from replies where author_email = ? and body like '%Let me back in%'", [banned.email])).toEqual([]);

  const other = await newReader();
  await other.article.goto(article.slug);
  await other.article.postReply({ comment: held.text('Visit my shop'), name: held.name, email: held.email });
  await expect(other.article.awaitingModeration(other.article.commentBy(held.name).filter({ hasText: 'Visit my shop' }))).toBeVisible({ timeout: 15_000 });
  const [stored] = await queryRows<{ status: string; status_reason: string }>(
    "select status, status_reason from replies where author_email = ? and body like '%Visit my shop%'",
    [held.email],
  );
  expect(stored.status).toBe('pending');
  expect(JSON.parse(stored.status_reason).rule).toBe('always-hold');
});

test('"remove this whole thread" (after its confirmation) and "remove this commenter’s replies" act at once and can be undone', async ({ browser }) => {
  const article = await newArticle('Thread removal');
  const root = await insertReply(article.id, { name: 'Root Person', email: `root-${uniq()}@example.org`, body: 'Root' });
  const child = await insertReply(article.id, { name: 'Child Person', email: `child-${uniq()}@example.org`, body: 'Child', parentId: root, depth: 2 });
  const grandchild = await insertReply(article.id, {
    name: 'Grand Person',
    email: `grand-${uniq()}@example.org`,
    body: 'Grandchild',
    parentId: child,
    depth: 3,
  });
  const desk = new DeskPage(await staffPage(browser, 'moderator@example.com'));
  await desk.goto(`status=approved&article=${article.id}`);
  const row = desk.row('Root Person');
  // Not beside Approve: behind a disclosure that says what it does.
  await expect(desk.button(row, 'Remove this whole thread')).toBeHidden();
  await desk.removeThread(row);
  await expect(desk.notice('Moved to the trash: 3 replies.')).toBeVisible();
  expect(await Promise.all([root, child, grandchild].map(statusOf))).toEqual(['trash', 'trash', 'trash']);
  await desk.undo.click();
  await expect(desk.notice('Undone: 3 replies.')).toBeVisible();
  expect(await Promise.all([root, child, grandchild].map(statusOf))).toEqual(['approved', 'approved', 'approved']);

  const email = `prolific-${uniq()}@example.org`;
  const many = await Promise.all(
    [1, 2, 3].map((n) => insertReply(article.id, { name: 'Prolific Poster', email, body: `Post ${n}`, status: n === 3 ? 'pending' : 'approved' })),
  );
  await desk.goto(`status=pending&email=${encodeURIComponent(email)}`);
  await desk.commenterToolsLink(desk.row('Prolific Poster')).click();
  await expect(desk.countLink('1 pending')).toBeVisible();
  await desk.removeCommenterRepliesButton.click();
  await expect(desk.notice('Moved to the trash: 3 replies.')).toBeVisible();
  expect(await Promise.all(many.map(statusOf))).toEqual(['trash', 'trash', 'trash']);
  const log = await queryRows<{ n: number }>("select count(*) as n from moderation_log where action = 'trash' and reply_id in (?, ?, ?)", many);
  expect(Number(log[0].n)).toBe(3);
});

test('a commenter’s replies can be exported as JSON and erased', async ({ browser, newReader }) => {
  const article = await newArticle('Personal data');
  const who = newCommenter('Erasable');
  const text = who.text('My neighbour at number 12 is');
  await insertReply(article.id, { name: who.name, email: who.email, body: text });
  const desk = new DeskPage(await staffPage(browser, 'moderator@example.com'));
  const exported = await desk.page.request.get(`/admin/comments/export?email=${encodeURIComponent(who.email)}`);
  expect(exported.headers()['content-disposition']).toContain('attachment');
  const data = await exported.json();
  expect(data.email).toBe(who.email);
  expect(data.replies.map((r: { body: string }) => r.body)).toEqual([text]);
  const author = await requestAs(browser, 'author');
  expect((await author.get(`/admin/comments/export?email=${encodeURIComponent(who.email)}`)).status()).toBe(403);

  const reader = await newReader();
  await reader.article.goto(article.slug);
  await expect(reader.page.getByText(text)).toBeVisible();

  await desk.goto(`status=approved&email=${encodeURIComponent(who.email)}`);
  const row = desk.row(who.name);
  await desk.commenterToolsLink(row).click();
  await desk.eraseCommenterButton.click();
  await expect(desk.alert('cannot be undone')).toBeVisible();
  await desk.commenterToolsLink(row).click();
  await desk.confirmErase.check();
  await desk.eraseCommenterButton.click();
  await expect(desk.notice('Erased the commenter’s data from: 1 reply.')).toBeVisible();
  expect(await queryRows('select id from replies where author_email = ? or body = ?', [who.email, text])).toEqual([]);
  await expect(async () => {
    await reader.page.reload();
    await expect(reader.page.getByText(text)).toHaveCount(0, { timeout: 500 });
    await expect(reader.page.getByText('[Removed at the commenter’s request.]')).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
});

test('the dashboard shows the health of the reply queue', async ({ browser }) => {
  // Signing in lands on the dashboard.
  const health = new DeskPage(await staffPage(browser, 'moderator@example.com')).queueHealth;
  await expect(health).toContainText('Pending replies');
  await expect(health).toContainText('Oldest waiting');
  await expect(health).toContainText('Median time to decision (7 days)');
  const [pending] = await queryRows<{ n: number }>("select count(*) as n from replies where status = 'pending'");
  expect(Number(pending.n)).toBeGreaterThan(0);
});

const allowed: Record<Role, boolean> = { anonymous: false, author: false, moderator: true, editor: true, admin: true };

for (const role of ['anonymous', 'author', 'moderator'] as Role[]) {
  test(`community desk actions called directly as ${role} are ${allowed[role] ? 'allowed' : 'refused'}`, async ({ browser }) => {
    const article = await newArticle(`Direct community ${role}`);
    const email = `direct-community-${uniq()}@example.org`;
    const id = await insertReply(article.id, { name: 'Direct Person', email, body: `Direct ${uniq()}` });
    const request = await requestAs(browser, role);

    await callAction(request, '/admin/comments', COMMENT_ACTIONS, 'sanctionCommenterAction', { email, kind: 'ban', until: '', reason: 'Direct call' }, false);
    expect((await queryRows('select id from commenter_sanctions where email = ?', [email])).length, `${role} banning`).toBe(allowed[role] ? 1 : 0);

    const [held] = await queryRows<{ id: number }>("insert into commenter_sanctions (email, kind, reason) values (?, 'hold', 'seeded') returning id", [email]);
    await callAction(request, '/admin/comments', COMMENT_ACTIONS, 'liftSanctionAction', { id: String(held.id) }, false);
    expect((await queryRows('select id from commenter_sanctions where id = ? and lifted_at is not null', [held.id])).length, `${role} lifting`).toBe(
      allowed[role] ? 1 : 0,
    );

    // The digest switch is the caller's own; the demo accounts start with it off.
    if (role !== 'anonymous') {
      await callAction(request, '/admin/profile', 'app/admin/profile/actions.ts', 'setDigestAction', { digest: 'on' }, false);
      const [me] = await queryRows<{ pending_digest: number }>('select pending_digest from users where email = ?', [`${role}@example.com`]);
      expect(Number(me.pending_digest), `${role} turning on the digest`).toBe(allowed[role] ? 1 : 0);
      await queryRows('update users set pending_digest = 0 where email = ?', [`${role}@example.com`]);
    }

    await queryRows("insert into reply_reports (reply_id, reason, reporter_hash) values (?, 'spam', ?)", [id, `direct-${uniq()}`]);
    await callAction(request, '/admin/comments', COMMENT_ACTIONS, 'dismissReportsAction', { ids: String(id) }, false);
    expect((await queryRows('select id from reply_reports where reply_id = ? and dismissed_at is null', [id])).length, `${role} dismissing`).toBe(
      allowed[role] ? 0 : 1,
    );

    await callAction(request, '/admin/comments', COMMENT_ACTIONS, 'removeRepliesAction', { scope: 'thread', replyId: String(id) }, false);
    expect(await statusOf(id), `${role} removing a thread`).toBe(allowed[role] ? 'trash' : 'approved');

    await callAction(request, '/admin/comments', COMMENT_ACTIONS, 'eraseCommenterAction', { email, confirm: 'yes' }, false);
    expect((await queryRows('select id from replies where author_email = ?', [email])).length, `${role} erasing`).toBe(allowed[role] ? 0 : 1);
  });
}
