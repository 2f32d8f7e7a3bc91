import { createClient, type InValue } from '@libsql/client';
import type { Browser, Page } from '@playwright/test';
import { actionId, requestAs, ROLES } from './support/actions';
import { queryRows } from './support/db';
import { expect, test } from './support/fixtures';
import { DEFAULTS_SERVER_URL, E2E_DEFAULTS_DATABASE_URL } from './support/paths';
import { DEMO_PASSWORD } from './support/staff';
import { SignInPage } from './support/staff-admin-page';
import { uniq } from './support/unique';

// The site's time zone (/admin/settings): every page shows its times in it, with the zone's
// abbreviation, and saving it refreshes the cached reader pages at once. The zone is site-wide, so
// these tests change it on the second test server (its own database), never on the one every other
// spec reads times and the editor's "Publish at (UTC)" from; they run in order and put UTC back.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

async function defaultsRows<T>(sql: string, args: InValue[] = []): Promise<T[]> {
  const db = createClient({ url: E2E_DEFAULTS_DATABASE_URL, timeout: 5000 } as Parameters<typeof createClient>[0]);
  try {
    return (await db.execute({ sql, args })).rows as unknown as T[];
  } finally {
    db.close();
  }
}

/** An article at a known time, with one approved reply at another, straight into that server's database. */
async function insertArticle(status: 'published' | 'scheduled', publishedAt: string, replyAt?: string) {
  const id = uniq();
  const slug = `time-zone-${id}`;
  const title = `Clock tower ${id}`;
  const [editor] = await defaultsRows<{ id: number }>("select id from users where email = 'editor@example.com'");
  const [row] = await defaultsRows<{ id: number }>(
    'insert into articles (slug, title, body, status, published_at, created_by_id, updated_at) values (?, ?, ?, ?, ?, ?, ?) returning id',
    [slug, title, 'The clock keeps time.', status, Date.parse(publishedAt), Number(editor.id), Date.now()],
  );
  await defaultsRows('insert into article_authors (article_id, user_id, position) values (?, ?, 0)', [Number(row.id), Number(editor.id)]);
  if (replyAt)
    await defaultsRows(
      "insert into replies (article_id, depth, author_name, author_email, body, status, created_at, status_changed_at) values (?, 1, 'Early Riser', ?, 'What time is it there?', 'approved', ?, ?)",
      [Number(row.id), `riser-${id}@example.org`, Date.parse(replyAt), Date.parse(replyAt)],
    );
  return { id: Number(row.id), slug, title };
}

/**
 * The admin, signed in on the second server. Every request there comes from 127.0.0.1, which the
 * attack spec's sign-in throttling test may have just locked for a minute: try again until it opens.
 */
async function adminOnDefaults(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: DEFAULTS_SERVER_URL })).newPage();
  await expect(async () => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn('admin@example.com', DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/admin$/, { timeout: 5_000 });
  }).toPass({ timeout: 100_000, intervals: [5_000, 10_000] });
  return page;
}

const zoneField = (page: Page) => page.getByLabel('Time zone');
const saveZone = (page: Page) => page.getByRole('button', { name: 'Save time zone' });

async function chooseZone(page: Page, zone: string) {
  await page.goto('/admin/settings');
  await zoneField(page).selectOption(zone);
  await saveZone(page).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved. Times now show in ${zone}` })).toBeVisible();
}

test('times show in the site’s zone with its abbreviation, and saving the zone refreshes cached pages', async ({ browser }) => {
  // 1 July (British Summer Time) and 20 November (Greenwich Mean Time).
  const article = await insertArticle('published', '2025-07-01T11:30:00Z', '2025-11-20T09:05:00Z');
  const scheduled = await insertArticle('scheduled', '2030-03-31T09:00:00Z');
  const reader = await (await browser.newContext({ baseURL: DEFAULTS_SERVER_URL })).newPage();
  await reader.goto(`/articles/${article.slug}`);
  // In UTC, as out of the box; the page is now cached.
  await expect(reader.getByText('Published 1 July 2025 at 11:30 UTC')).toBeVisible();
  await expect(reader.locator('time', { hasText: '20 November 2025 at 09:05 UTC' })).toHaveAttribute('datetime', '2025-11-20T09:05:00.000Z');

  const admin = await adminOnDefaults(browser);
  try {
    await admin.goto('/admin/settings');
    await expect(zoneField(admin)).toHaveValue('UTC');
    await chooseZone(admin, 'Europe/London');
    await admin.reload();
    await expect(zoneField(admin)).toHaveValue('Europe/London');

    // The cached page shows the new zone on its next request; machine formats stay UTC.
    await reader.reload();
    await expect(reader.getByText('Published 1 July 2025 at 12:30 BST')).toBeVisible();
    await expect(reader.locator('time', { hasText: '20 November 2025 at 09:05 GMT' })).toHaveAttribute('datetime', '2025-11-20T09:05:00.000Z');
    const jsonLd = await reader.locator('script[type="application/ld+json"]').first().textContent();
    expect(jsonLd).toContain('2025-07-01T11:30:00.000Z');
    const feed = await (await reader.request.get('/feed.xml')).text();
    expect(feed).not.toMatch(/BST/);

    // Staff pages too: a scheduled article says when it goes live on the site's clock.
    await admin.goto(`/admin/articles/${scheduled.id}`);
    await expect(admin.getByText('31 March 2030 at 10:00 BST')).toBeVisible();
  } finally {
    await chooseZone(admin, 'UTC');
  }
  await reader.reload();
  await expect(reader.getByText('Published 1 July 2025 at 11:30 UTC')).toBeVisible();
});

test('the zone must be one from the list, and the form works without JavaScript', async ({ browser }) => {
  const article = await insertArticle('published', '2025-07-01T11:30:00Z');
  const admin = await adminOnDefaults(browser);
  try {
    // A value the list does not offer (as a forged post would send) is refused beside the field.
    await admin.goto('/admin/settings');
    await zoneField(admin).evaluate((select: HTMLSelectElement) => {
      select.options[select.selectedIndex].value = 'Mars/Olympus_Mons';
    });
    await saveZone(admin).click();
    await expect(admin.getByText('The time zone was not saved. Please choose one from the list.')).toBeVisible();
    await expect(zoneField(admin)).toHaveAttribute('aria-invalid', 'true');
    await expect(admin.getByText('Choose a time zone from the list, such as Europe/London.')).toBeVisible();

    // Without JavaScript: a plain post, answered back on the page.
    const plain = await admin
      .context()
      .browser()!
      .newContext({ baseURL: DEFAULTS_SERVER_URL, javaScriptEnabled: false, storageState: await admin.context().storageState() });
    const page = await plain.newPage();
    await chooseZone(page, 'America/New_York');
    await expect(zoneField(page)).toHaveValue('America/New_York');
    const reader = await (await browser.newContext({ baseURL: DEFAULTS_SERVER_URL })).newPage();
    await reader.goto(`/articles/${article.slug}`);
    await expect(reader.getByText('Published 1 July 2025 at 07:30 EDT')).toBeVisible();
    await plain.close();
  } finally {
    await chooseZone(admin, 'UTC');
  }
});

// On the main server, without changing its zone: a refused role stores nothing, and the admin gets as
// far as the zone check (a zone no list offers), so no page is expired under the other specs.
for (const role of ROLES) {
  const allowed = role === 'admin';
  test(`the time zone action called directly as ${role} is ${allowed ? 'allowed' : 'refused'}`, async ({ browser }) => {
    const request = await requestAs(browser, role);
    const multipart = new FormData();
    multipart.append('_1_timeZone', 'Mars/Olympus_Mons');
    multipart.append('0', JSON.stringify([{ status: 'idle' }, '$K1']));
    const response = await request.post('/admin/settings', {
      headers: { 'Next-Action': actionId('app/admin/settings/actions.ts', 'saveSiteSettingsAction'), Accept: 'text/x-component' },
      multipart,
      maxRedirects: 0,
    });
    const text = await response.text();
    if (role === 'anonymous') expect(response.status(), 'the proxy sends them to sign in').toBe(307);
    else if (allowed) expect(text).toContain('Choose a time zone from the list, such as Europe/London.');
    else expect(text).toContain('You do not have permission to do that.');
    expect(await queryRows("select key from settings where key = 'site'")).toEqual([]);
  });
}
