import { expect, test } from './support/fixtures';
import { storedRepliesByEmail, storedRepliesByName } from './support/db';
import { returningCommenter, SLUGS } from './support/demo';
import { approvedBefore } from './support/discussion';
import { queryLog, queryLogExists, requestQueriesSince } from './support/query-log';
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
      await expect(mine).toBeVisible({ timeout: 15_000 });
      // The page after the post is one article page, not two.
      await expect(author.article.headline, 'one h1 after posting').toHaveCount(1);
      await expect(author.article.form, 'one reply form after posting').toHaveCount(1);
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

test('the page showing a reader their held reply keeps the whole site around it', async ({ newReader }) => {
  const author = await newReader({ javaScript: false });
  const who = newCommenter('Held Chrome');
  await author.article.goto(SLUGS.heldNoJs);
  const sections = author.page.getByRole('navigation', { name: 'Sections' });
  const before = await sections.getByRole('link').allInnerTexts();
  expect(before).toEqual(expect.arrayContaining(['Home', 'News', 'Politics', 'Business', 'Culture', 'Sport']));

  await author.article.postReply({ comment: who.text('Lovely to see the lanterns back'), name: who.name, email: who.email });
  await expect(author.article.awaitingModeration(author.article.commentBy(who.name))).toBeVisible();
  expect(await sections.getByRole('link').allInnerTexts(), 'the masthead section links').toEqual(before);
  await expect(author.page.getByRole('contentinfo').getByRole('link', { name: 'Politics' }), 'the footer section links').toBeVisible();
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

test('a returning commenter is approved at once and everyone sees the reply', async ({ newReader }, testInfo) => {
  const slug = SLUGS.returningCommenter;
  const returning = returningCommenter('returningCommenter', testInfo.retry);
  const name = `${returning.name.split(' ')[0]} ${uniq()}`;
  const text = `Glad the shop is staying open (${uniq()}).`;

  await approvedBefore(name, returning.email);
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

  test('without JavaScript, the "Reply" link opens the form for that comment and the reply nests under it', async ({ newReader }, testInfo) => {
    const slug = SLUGS.threadedNoJs;
    // An approved parent of our own (a returning commenter, same name and email, is approved at once).
    const parentName = `Kate ${uniq()}`;
    const parentText = `Who scored the equaliser again? (${uniq()})`;
    const parentEmail = returningCommenter('threadParent', testInfo.retry).email;
    await approvedBefore(parentName, parentEmail);
    const first = await newReader({ javaScript: false });
    await first.article.goto(slug);
    await first.article.postReply({ comment: parentText, name: parentName, email: parentEmail });
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
    const childEmail = returningCommenter('threadChild', testInfo.retry).email;
    await approvedBefore(childName, childEmail);
    await article.postReply({ comment: childText, name: childName, email: childEmail });
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

test('flood control: a second reply from the same client address within 15 s is refused', async ({ newReader }) => {
  const first = await newReader({ javaScript: false });
  const one = newCommenter('Flood One');
  await first.article.goto(SLUGS.flood);
  await first.article.postReply({ comment: one.text('First thoughts on the budget'), name: one.name, email: one.email });
  await expect(first.article.awaitingModeration(first.article.commentBy(one.name))).toBeVisible();

  // Another browser (no cookie), another email, the same client address.
  const second = await newReader({ javaScript: false, address: first.address });
  const two = newCommenter('Flood Two');
  const text = two.text('Second thoughts on the budget');
  await second.article.goto(SLUGS.flood);
  await second.article.postReply({ comment: text, name: two.name, email: two.email });
  await expect(second.article.formMessage).toContainText('You are posting comments too quickly');
  await expect(second.article.commentField).toHaveValue(text);
  await expect(second.article.nameField).toHaveValue(two.name);
  expect(await storedRepliesByEmail(two.email)).toEqual([]);
});

test('without JavaScript, a reader whose page shows their held reply still sees why a second post was refused', async ({ newReader }) => {
  const reader = await newReader({ javaScript: false });
  const { article } = reader;
  const one = newCommenter('Refused One');
  await article.goto(SLUGS.flood);
  await article.postReply({ comment: one.text('A first point'), name: one.name, email: one.email });
  await expect(article.awaitingModeration(article.commentBy(one.name))).toBeVisible();

  // Same reader, at once: refused by flood control. The refusal must be shown, and the text kept.
  const two = newCommenter('Refused Two');
  const text = two.text('A second point');
  await article.postReply({ comment: text, name: two.name, email: two.email });
  expect(await storedRepliesByEmail(two.email)).toEqual([]);
  await expect(article.formMessage).toContainText('You are posting comments too quickly');
  await expect(article.commentField).toHaveValue(text);
});

test('duplicate detection: the same reply twice is refused with a clear message', async ({ newReader }) => {
  const reader = await newReader();
  const { article } = reader;
  const who = newCommenter('Duplicate');
  const text = who.text('The second act dragged, but the farce landed');

  await article.goto(SLUGS.duplicate);
  await article.postReply({ comment: text, name: who.name, email: who.email });
  await expect(article.awaitingModeration(article.commentBy(who.name))).toBeVisible({ timeout: 15_000 });

  // Open the article afresh (a new document), and say the same thing again.
  await article.goto(SLUGS.duplicate);
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
  await article.honeypotField.fill('Acme Widgets Ltd', { force: true });
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
  const beforeHeld = queryLog().length;
  expect((await author.context.request.get(url)).status()).toBe(200);
  expect(requestQueriesSince(beforeHeld).length, 'a per-reader page queries the database').toBeGreaterThan(0);

  // Warm the cache; then the same request again must not touch the database. Other tests run in
  // parallel and may query meanwhile, so one clean attempt out of several proves the point (a page
  // that queried on every request would never produce one).
  const warm = await request.get(url);
  expect(warm.status()).toBe(200);
  expect(await warm.text()).toContain('Swimming Warning Lifted');
  const attempts: string[][] = [];
  for (let attempt = 0; attempt < 30; attempt++) {
    const before = queryLog().length;
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    expect(await response.text(), 'the held reply is its author’s alone').not.toContain(who.name);
    await new Promise((resolve) => setTimeout(resolve, 100)); // appends are synchronous; a little slack
    const queries = requestQueriesSince(before);
    attempts.push(queries);
    if (queries.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  expect(
    attempts.at(-1),
    `queries during repeat requests:\n${attempts.map((q, i) => `#${i + 1}: ${q.length}\n  ${q.slice(0, 3).join('\n  ')}`).join('\n')}`,
  ).toEqual([]);
});

/** The comments heading for a number of approved replies. */
function headingFor(count: number): string {
  return count === 0 ? 'No comments yet' : count === 1 ? '1 comment' : `${count} comments`;
}
