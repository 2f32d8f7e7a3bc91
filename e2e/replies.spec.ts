import { expect, test } from './support/fixtures';
import { storedRepliesByEmail, storedRepliesByName } from './support/db';
import { RETURNING, SLUGS } from './support/demo';
import { queryLogExists, queryLogLines } from './support/query-log';
import { newCommenter, uniq } from './support/unique';

// Posting with JavaScript waits > 3 s after hydration (the too-fast rule), so give those journeys room.
test.describe.configure({ timeout: 60_000 });

test.describe('a first-time reader posts a reply, which is held for moderation', () => {
  for (const javaScript of [true, false]) {
    test(`${javaScript ? 'with' : 'without'} JavaScript: the author sees it in place, nobody else does`, async ({ newReader }) => {
      const slug = javaScript ? SLUGS.heldJs : SLUGS.heldNoJs;
      const author = await newReader({ javaScript });
      const who = newCommenter(javaScript ? 'Held JS' : 'Held NoJS');
      const text = who.text('I was at the meeting and the gallery really was packed');

      await author.article.goto(slug);
      const before = await author.article.commentCount();
      await author.article.postReply({ comment: text, name: who.name, email: who.email });

      await expect(author.page).toHaveURL(new RegExp(`/articles/${slug}#comment-\\d+$`), { timeout: 15_000 });
      const mine = author.article.commentBy(who.name);
      await expect(mine).toContainText(text);
      await expect(author.article.awaitingModeration(mine)).toBeVisible();
      await expect(author.article.replyLink(mine), 'a held reply cannot be answered').toHaveCount(0);
      // Held replies do not count.
      await expect(author.article.commentsHeading).toHaveText(headingFor(before));

      // A reload (a fresh document request) still shows it to its author.
      await author.page.reload();
      await expect(author.article.awaitingModeration(author.article.commentBy(who.name))).toBeVisible();

      const stored = await storedRepliesByEmail(who.email);
      expect(stored.map((r) => [r.status, r.article_slug])).toEqual([['pending', slug]]);

      const other = await newReader({ javaScript });
      await other.article.goto(slug);
      await expect(other.article.headline).toBeVisible();
      await expect(other.article.commentBy(who.name)).toHaveCount(0);
      await expect(other.page.getByText(text)).toHaveCount(0);
      await expect(other.page.getByText('Your comment is awaiting moderation.')).toHaveCount(0);
    });
  }
});

test.describe('validation', () => {
  for (const javaScript of [false, true]) {
    test(`${javaScript ? 'with' : 'without'} JavaScript: an empty comment and a bad email are marked, the typed values kept, nothing stored`, async ({
      newReader,
    }) => {
      const reader = await newReader({ javaScript });
      const { article } = reader;
      const name = `Validation ${javaScript ? 'JS' : 'NoJS'} ${uniq()}`;
      await article.goto(SLUGS.validation);
      const before = await article.commentCount();
      const commentsBefore = await article.comments.count();

      await article.postReply({ comment: '   ', name, email: 'not-an-email' });

      await expect(article.formMessage).toContainText('Your comment was not posted', { timeout: 15_000 });
      await expect(article.commentField).toHaveAttribute('aria-invalid', 'true');
      await expect(article.emailField).toHaveAttribute('aria-invalid', 'true');
      await expect(article.nameField).not.toHaveAttribute('aria-invalid', 'true');
      for (const [field, message] of [
        [article.commentField, 'Please type a comment.'],
        [article.emailField, 'Please enter a valid email address.'],
      ] as const) {
        const ids = (await field.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? [];
        expect(ids.length, 'aria-describedby names the message').toBeGreaterThan(0);
        const described = await Promise.all(ids.map((id) => reader.page.locator(`[id="${id}"]`).innerText()));
        expect(described.join(' ')).toContain(message);
        await expect(field).toHaveAccessibleDescription(new RegExp(message.replace('.', '\\.')));
      }
      await expect(article.nameField).toHaveValue(name);
      await expect(article.emailField).toHaveValue('not-an-email');

      await expect(article.commentsHeading).toHaveText(headingFor(before));
      await expect(article.comments).toHaveCount(commentsBefore);
      await expect(article.commentBy(name)).toHaveCount(0);
      expect(await storedRepliesByName(name)).toEqual([]);
    });
  }
});

test('markup in a reply is shown as text and never run', async ({ newReader }) => {
  const author = await newReader();
  const who = newCommenter('Markup');
  const script = '<script>alert(1)</script>';
  const img = '<img src=x onerror=alert(1)>';
  const text = `${script}\n${img}\n${who.text('Plain words too')}`;

  await author.article.goto(SLUGS.xss);
  await author.article.postReply({ comment: text, name: who.name, email: who.email });

  const mine = author.article.commentBy(who.name);
  await expect(author.article.awaitingModeration(mine)).toBeVisible({ timeout: 15_000 });
  await expect(mine).toContainText(script);
  await expect(mine).toContainText(img);
  await expect(mine.locator('script, img')).toHaveCount(0);
  await expect(author.page.locator('img[src="x"]')).toHaveCount(0);

  // The held page is rendered per request: load it afresh too, and give any handler time to fire.
  await author.page.reload();
  await expect(author.article.commentBy(who.name)).toContainText(img);
  await author.page.waitForTimeout(500);
  expect(author.dialogs, 'no dialog was raised').toEqual([]);
});

test('a returning commenter is approved at once and everyone sees the reply', async ({ newReader }) => {
  const slug = SLUGS.returningCommenter;
  const returning = RETURNING.forReturningCommenterTest;
  const name = `${returning.name.split(' ')[0]} ${uniq()}`;
  const text = `Glad the shop is staying open (${uniq()}).`;

  const author = await newReader();
  await author.article.goto(slug);
  const before = await author.article.commentCount();

  await author.article.postReply({ comment: text, name, email: returning.email });
  const mine = author.article.commentBy(name);
  await expect(mine).toContainText(text, { timeout: 15_000 });
  await expect(author.article.awaitingModeration(mine)).toHaveCount(0);
  await expect(author.article.commentsHeading).toHaveText(headingFor(before + 1));

  const stranger = await newReader({ javaScript: false });
  await stranger.article.goto(slug);
  await expect(stranger.article.commentBy(name)).toContainText(text);
  await expect(stranger.article.awaitingModeration(stranger.article.commentBy(name))).toHaveCount(0);
  await expect(stranger.article.replyLink(stranger.article.commentBy(name))).toHaveAccessibleName(`Reply to ${name}`);
  await expect(stranger.article.commentsHeading).toHaveText(headingFor(before + 1));
});

test.describe('threaded replies', () => {
  test('with JavaScript, "Reply" aims the form at that comment and the reply nests under it', async ({ newReader }) => {
    // A held reply: it changes nothing for other readers of the discussion (its 57 approved replies stay 57).
    const slug = SLUGS.discussion;
    const parent = { name: 'Colin Barraclough', text: 'Lovely idea on paper. Who is going to enforce it?' };
    const author = await newReader();
    const who = newCommenter('Threaded JS');
    const text = who.text('Two officers does sound thin');

    await author.article.goto(slug);
    const parentComment = author.article.comment(parent.name, parent.text);
    await author.article.replyLink(parentComment).click();
    await expect(author.article.replyingTo).toHaveText(new RegExp(`^Replying to ${parent.name}`));
    await expect(author.article.commentField).toBeFocused();
    await expect(author.page, 'the link is handled in place').toHaveURL(new RegExp(`/articles/${slug}$`));

    await author.article.postReply({ comment: text, name: who.name, email: who.email });
    const child = author.article.repliesTo(author.article.comment(parent.name, parent.text)).filter({ hasText: text });
    await expect(child).toHaveAttribute('aria-label', `Comment by ${who.name}`, { timeout: 15_000 });
    await expect(author.article.awaitingModeration(child)).toBeVisible();

    const stored = await storedRepliesByEmail(who.email);
    expect(stored).toHaveLength(1);
    expect(stored[0].parent_id).not.toBeNull();
  });

  test('without JavaScript, the "Reply" link opens the form for that comment and the reply nests under it', async ({ newReader }) => {
    const slug = SLUGS.threadedNoJs;
    // An approved parent of our own (a returning commenter's email is approved at once).
    const parentName = `Kate ${uniq()}`;
    const parentText = `Who scored the equaliser again? (${uniq()})`;
    const first = await newReader({ javaScript: false });
    await first.article.goto(slug);
    await first.article.postReply({ comment: parentText, name: parentName, email: RETURNING.forThreadParent.email });
    await expect(first.article.commentBy(parentName)).toContainText(parentText);

    const replier = await newReader({ javaScript: false });
    const { article } = replier;
    await article.goto(slug);
    const before = await article.commentCount();
    const parent = article.commentBy(parentName);
    const link = article.replyLink(parent);
    await expect(link).toHaveAccessibleName(`Reply to ${parentName}`);
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^/articles/${slug}/reply/\\d+(#respond)?$`));
    await link.click();
    await expect(replier.page).toHaveURL(new RegExp(`/articles/${slug}/reply/\\d+(#respond)?$`));
    await expect(article.replyingTo).toHaveText(new RegExp(`^Replying to ${parentName}`));

    const childName = `Lucy ${uniq()}`;
    const childText = `Callum Reid, in stoppage time (${uniq()}).`;
    await article.postReply({ comment: childText, name: childName, email: RETURNING.forThreadChild.email });
    await expect(replier.page).toHaveURL(new RegExp(`/articles/${slug}#comment-\\d+$`));
    const child = article.repliesTo(article.commentBy(parentName)).filter({ hasText: childText });
    await expect(child).toHaveAttribute('aria-label', `Comment by ${childName}`);
    await expect(article.awaitingModeration(child)).toHaveCount(0);
    await expect(article.commentsHeading).toHaveText(headingFor(before + 1));

    // Everyone sees the thread.
    const stranger = await newReader();
    await stranger.article.goto(slug);
    await expect(stranger.article.repliesTo(stranger.article.commentBy(parentName))).toHaveAttribute('aria-label', `Comment by ${childName}`);
  });
});

test('flood control: a second reply from the same address within 15 s is refused', async ({ newReader }) => {
  const reader = await newReader({ javaScript: false });
  const { article } = reader;
  const one = newCommenter('Flood One');
  const two = newCommenter('Flood Two');

  await article.goto(SLUGS.flood);
  await article.postReply({ comment: one.text('First thoughts on the budget'), name: one.name, email: one.email });
  await expect(article.awaitingModeration(article.commentBy(one.name))).toBeVisible();

  // Another email, same client address.
  await article.postReply({ comment: two.text('Second thoughts on the budget'), name: two.name, email: two.email });
  await expect(article.formMessage).toContainText('You are posting comments too quickly');
  await expect(article.commentField).toHaveValue(two.text('Second thoughts on the budget'));
  expect(await storedRepliesByEmail(two.email)).toEqual([]);
});

test('duplicate detection: the same reply twice is refused with a clear message', async ({ newReader }) => {
  const reader = await newReader();
  const { article } = reader;
  const who = newCommenter('Duplicate');
  const text = who.text('The second act dragged, but the farce landed');

  await article.goto(SLUGS.duplicate);
  await article.postReply({ comment: text, name: who.name, email: who.email });
  await expect(article.awaitingModeration(article.commentBy(who.name))).toBeVisible({ timeout: 15_000 });

  await article.postReply({ comment: text, name: who.name, email: who.email });
  await expect(article.formMessage).toContainText('Duplicate comment detected', { timeout: 15_000 });
  await expect(article.commentField).toHaveAttribute('aria-invalid', 'true');
  expect(await storedRepliesByEmail(who.email)).toHaveLength(1);
});

test('a filled honeypot is treated as spam: shown to nobody, not even as held', async ({ newReader }) => {
  const bot = await newReader();
  const { article } = bot;
  const who = newCommenter('Honeypot');
  const text = who.text('Great race, visit my site');

  await article.goto(SLUGS.honeypot);
  await article.fillReply({ comment: text, name: who.name, email: who.email });
  // The field people never see (off-screen, aria-hidden): only a bot fills it.
  await bot.page.locator('input[name="company"]').fill('Acme Widgets Ltd', { force: true });
  await article.submit();

  await expect(bot.page).toHaveURL(new RegExp(`/articles/${SLUGS.honeypot}#respond$`), { timeout: 15_000 });
  await expect(article.headline).toBeVisible();
  await expect(article.commentBy(who.name)).toHaveCount(0);
  await expect(bot.page.getByText('Your comment is awaiting moderation.')).toHaveCount(0);
  await bot.page.reload();
  await expect(article.commentBy(who.name)).toHaveCount(0);

  const stranger = await newReader();
  await stranger.article.goto(SLUGS.honeypot);
  await expect(stranger.article.commentBy(who.name)).toHaveCount(0);

  expect((await storedRepliesByEmail(who.email)).map((r) => r.status)).toEqual(['spam']);
});

test('a cached article is served without a single database query', async ({ request, newReader }) => {
  const url = `/articles/${SLUGS.cacheCheck}`;
  expect(queryLogExists(), 'the server writes its query log').toBe(true);

  // The log is live: a reader with a held reply gets a page rendered for them, which queries.
  const author = await newReader({ javaScript: false });
  const who = newCommenter('Cache');
  await author.article.goto(SLUGS.cacheCheck);
  await author.article.postReply({ comment: who.text('Is the water safe for children now'), name: who.name, email: who.email });
  await expect(author.article.awaitingModeration(author.article.commentBy(who.name))).toBeVisible();
  const beforeHeld = queryLogLines();
  expect((await author.context.request.get(url)).status()).toBe(200);
  expect(queryLogLines(), 'a per-reader page queries the database').toBeGreaterThan(beforeHeld);

  // Warm the cache, then the same request again must not touch the database. Other tests run in
  // parallel and may query meanwhile, so one clean attempt out of several proves the point (a page
  // that queried every time would never produce one).
  const warm = await request.get(url);
  expect(warm.status()).toBe(200);
  expect(await warm.text()).toContain('Swimming');
  const deltas: number[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const before = queryLogLines();
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).not.toContain(who.name); // the held reply is its author's alone
    await new Promise((resolve) => setTimeout(resolve, 150));
    const delta = queryLogLines() - before;
    deltas.push(delta);
    if (delta === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  expect(deltas.at(-1), `new query-log lines per repeat request: ${deltas.join(', ')}`).toBe(0);
});

/** The comments heading for a number of approved replies. */
function headingFor(count: number): string {
  return count === 0 ? 'No comments yet' : count === 1 ? '1 comment' : `${count} comments`;
}
