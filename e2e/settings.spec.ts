import type { APIRequestContext } from '@playwright/test';
import { actionId, requestAs, ROLES, type Role } from './support/actions';
import { queryRows as sql } from './support/db';
import { DEFAULT_REPLY_SETTINGS, withDefaults, type ReplySettings } from '../lib/replies/settings';
import { expect, test } from './support/fixtures';
import { SettingsPage } from './support/settings-page';
import { staffPage } from './support/staff';
import { newCommenter, uniq } from './support/unique';

// Reply rules and settings (/admin/settings, admins only). The e2e server is shared by every spec: a
// test that changes the settings restores them in `finally`, and only ever adds a nonsense moderation
// word of its own. Tests here run one after another so they never restore over each other.
test.describe.configure({ mode: 'default', timeout: 60_000 });

const SETTINGS_ACTIONS = 'app/admin/settings/actions.ts';

/** The stored settings row's JSON text exactly as it is (null: no row, the defaults apply). */
async function storedSettingsText(): Promise<string | null> {
  const [row] = await sql<{ value: string }>("select value from settings where key = 'replies'");
  return row ? String(row.value) : null;
}

/** Puts back the settings as they were, if our own word shows a change of ours is still there. */
async function restoreSettings(previous: string | null, word: string) {
  if (!(await storedSettingsText())?.includes(word)) return;
  if (previous === null) await sql("delete from settings where key = 'replies'");
  else await sql("update settings set value = ? where key = 'replies'", [previous]);
}

/** The settings on the form, with the defaults the server uses when none are stored. */
function parseSettings(text: string | null): ReplySettings {
  return withDefaults(text ? (JSON.parse(text) as Partial<ReplySettings>) : null);
}

/** The form as a browser would send it for these settings. */
function formFields(s: ReplySettings): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(s)) {
    if (Array.isArray(v)) fields[k] = v.join('\n');
    else if (typeof v === 'boolean') fields[k] = v ? 'on' : '';
    else fields[k] = k === 'maxLinks' && Number(v) < 0 ? '' : String(v);
  }
  return fields;
}

/** An article of our own, published a month ago so it stays out of the lists other specs look at. */
async function insertArticle(id: string): Promise<{ id: number; slug: string }> {
  const slug = `settings-check-${id}`;
  const [editor] = await sql<{ id: number }>("select id from users where email = 'editor@example.com'");
  const at = Date.now() - 30 * 86_400_000;
  const [row] = await sql<{ id: number }>(
    "insert into articles (slug, title, body, status, published_at, created_by_id, updated_at) values (?, ?, 'Body text.', 'published', ?, ?, ?) returning id",
    [slug, `Settings check ${id}`, at, Number(editor.id), at],
  );
  await sql('insert into article_authors (article_id, user_id, position) values (?, ?, 0)', [Number(row.id), Number(editor.id)]);
  return { id: Number(row.id), slug };
}

async function insertReply(articleId: number, r: { name: string; email: string; body: string; status: string; minutesAgo: number }) {
  await sql('insert into replies (article_id, author_name, author_email, body, status, created_at) values (?, ?, ?, ?, ?, ?)', [
    articleId,
    r.name,
    r.email,
    r.body,
    r.status,
    Date.now() - r.minutesAgo * 60_000,
  ]);
}

/**
 * Calls a server action the way the client runtime does for useActionState (previous state, form
 * data), so the response carries the state the action returned.
 */
async function callFormAction(request: APIRequestContext, name: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(`_1_${k}`, v);
  // The root part last, as React sends it: the server takes the form's fields as they stand when it reads the root.
  multipart.append('0', JSON.stringify([{ status: 'idle' }, '$K1']));
  const response = await request.post('/admin/settings', {
    headers: { 'Next-Action': actionId(SETTINGS_ACTIONS, name), Accept: 'text/x-component', ...headers },
    multipart,
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

test('an admin saves a moderation word and a returning commenter’s reply containing it is held', async ({ browser, newReader }) => {
  const id = uniq();
  const word = `zq${id}`;
  const article = await insertArticle(id);
  // A returning commenter: their email already has an approved reply, so only the word can hold this one.
  const who = newCommenter('Settings');
  await insertReply(article.id, { name: who.name, email: who.email, body: `Earlier words (${id}).`, status: 'approved', minutesAgo: 60 });

  const before = await storedSettingsText();
  try {
    const settings = new SettingsPage(await staffPage(browser, 'admin@example.com'));
    await settings.goto();
    await expect(settings.heading).toBeVisible();
    const words = settings.moderationWords;
    const typed = `${await words.inputValue()}\n${word}`.trim();
    await words.fill(typed);
    await settings.saveButton.click();
    await expect(settings.status('Saved.')).toBeVisible();
    await expect(words).toHaveValue(typed);

    // The word was added; every other setting on the form was kept as it was.
    const saved = parseSettings(await storedSettingsText());
    const previous = parseSettings(before);
    expect(saved.moderationWords).toEqual(expect.arrayContaining([...previous.moderationWords, word]));
    for (const key of Object.keys(DEFAULT_REPLY_SETTINGS) as (keyof ReplySettings)[]) {
      if (key !== 'moderationWords') expect(saved[key], key).toEqual(previous[key]);
    }

    const reader = await newReader();
    await reader.article.goto(article.slug);
    const text = `I had not heard of ${word} before (${id}).`;
    await reader.article.postReply({ comment: text, name: who.name, email: who.email });
    const mine = reader.article.comment(who.name, text);
    await expect(reader.article.awaitingModeration(mine)).toBeVisible({ timeout: 15_000 });

    const [stored] = await sql<{ status: string; status_reason: string }>('select status, status_reason from replies where body = ?', [text]);
    expect(stored.status).toBe('pending');
    expect(JSON.parse(stored.status_reason)).toMatchObject({ rule: 'moderation-word', detail: `Contains the moderation word “${word}”.` });
  } finally {
    await restoreSettings(before, word);
  }
});

test('a bad value is refused beside its field, the typed values stay and nothing is stored', async ({ browser }) => {
  const before = await storedSettingsText();
  const word = `zq${uniq()}`;
  try {
    const settings = new SettingsPage(await staffPage(browser, 'admin@example.com'));
    await settings.goto();
    const depth = settings.maxDepth;
    const words = settings.moderationWords;
    await depth.fill('9');
    await words.fill(word);
    await settings.saveButton.click();

    await expect(settings.status('The settings were not saved.')).toBeVisible();
    await expect(depth).toHaveAttribute('aria-invalid', 'true');
    expect(await settings.describedText(depth)).toContain('Use a whole number of levels from 1 to 5.');
    await expect(depth).toHaveAccessibleDescription(/Use a whole number of levels from 1 to 5\./);
    await expect(words).not.toHaveAttribute('aria-invalid', 'true');
    await expect(depth).toHaveValue('9');
    await expect(words).toHaveValue(word);
    expect(await storedSettingsText()).toBe(before);
  } finally {
    await restoreSettings(before, word);
  }
});

test('"Try these rules" reports what the rules would have done and which replies would change, storing nothing', async ({ browser }) => {
  const id = uniq();
  const word = `zq${id}`;
  const article = await insertArticle(id);
  const name = `Trial ${id}`;
  const email = `trial-${id}@example.org`;
  await insertReply(article.id, { name, email, body: `First, approved (${id}).`, status: 'approved', minutesAgo: 10 });
  await insertReply(article.id, { name, email, body: `Second, mentions ${word} (${id}).`, status: 'approved', minutesAgo: 5 });

  const before = await storedSettingsText();
  try {
    const settings = new SettingsPage(await staffPage(browser, 'admin@example.com'));
    await settings.goto();
    const words = settings.moderationWords;
    const typed = `${await words.inputValue()}\n${word}`.trim();
    await words.fill(typed);
    await settings.disallowedIps.fill('203.0.113.9');
    await settings.tryButton.click();

    const status = settings.trialSummary;
    // Every set of figures adds up to the replies tried (lib/replies/dry-run.test.ts checks the sums).
    await expect(status).toHaveText(
      /^Of the last [\d,]+ replies, these rules would approve [\d,]+, hold [\d,]+ and mark [\d,]+ as spam\. The saved rules approve [\d,]+, hold [\d,]+ and mark [\d,]+ as spam, so [\d,]+ repl(y|ies) would be decided differently\..* Where they stand now, after moderators’ decisions: [\d,]+ approved, [\d,]+ held, [\d,]+ spam and [\d,]+ in the trash\./,
    );
    await expect(status).toContainText('Disallowed IP addresses cannot be tried here');

    const example = settings.change(name);
    await expect(example).toHaveCount(1);
    await expect(example).toContainText(`Second, mentions ${word}`);
    await expect(example).toContainText(`Contains the moderation word “${word}”.`);
    await expect(example, 'the rule in words').toContainText('By the rule “moderation word”');
    await expect(settings.outcome(example, 'approved', 'held')).toBeVisible();
    // Its first, plain reply would not change.
    await expect(settings.changes.getByText(`First, approved (${id})`)).toHaveCount(0);

    // The form keeps what was typed, and nothing was saved.
    await expect(words).toHaveValue(typed);
    await expect(settings.disallowedIps).toHaveValue('203.0.113.9');
    expect(await storedSettingsText()).toBe(before);
  } finally {
    await restoreSettings(before, word);
  }
});

test('the settings page is for admins only', async ({ browser }) => {
  for (const email of ['editor@example.com', 'moderator@example.com']) {
    const page = await staffPage(browser, email);
    // A page a role may not see answers 403 (DESIGN.md), not a redirect.
    const response = await page.goto('/admin/settings');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'You are not allowed to see this page' })).toBeVisible();
    await page.context().close();
  }
  const anonymous = await browser.newPage();
  await anonymous.goto('/admin/settings');
  await expect(anonymous).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fsettings$/);
  await anonymous.close();
});

const allowed: Record<Role, boolean> = { anonymous: false, author: false, moderator: false, editor: false, admin: true };

for (const role of ROLES) {
  test(`the settings actions called directly as ${role} are ${allowed[role] ? 'allowed' : 'refused'}`, async ({ browser }) => {
    const request = await requestAs(browser, role);
    const before = await storedSettingsText();
    const word = `zq${role}${uniq()}`;
    const fields = formFields({ ...parseSettings(before), moderationWords: [...parseSettings(before).moderationWords, word] });
    // The proxy turns away a request without a session cookie; a forged one gets past it to the action's own check.
    const attempts: Record<string, string>[] = role === 'anonymous' ? [{}, { Cookie: 'authjs.session-token=forged' }] : [{}];
    try {
      for (const headers of attempts) {
        const how = `${role}${headers.Cookie ? ' with a forged session' : ''}`;
        const expectRefused = (answer: { status: number; text: string }) => {
          if (role === 'anonymous' && !headers.Cookie) expect(answer.status, `${how}: the proxy sends them to sign in`).toBe(307);
          else expect(answer.text, how).toContain(role === 'anonymous' ? 'Please sign in again.' : 'You do not have permission to do that.');
        };
        const tried = await callFormAction(request, 'tryReplySettingsAction', fields, headers);
        expect(tried.text.includes('Of the last'), `${how} trying the rules`).toBe(allowed[role]);
        if (!allowed[role]) expectRefused(tried);

        const saved = await callFormAction(request, 'saveReplySettingsAction', fields, headers);
        expect((await storedSettingsText())?.includes(word) ?? false, `${how} saving the settings`).toBe(allowed[role]);
        if (allowed[role]) expect(saved.text).toContain('Saved.');
        else expectRefused(saved);
      }
    } finally {
      await restoreSettings(before, word);
    }
  });
}
