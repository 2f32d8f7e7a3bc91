import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { queryRows } from './support/db';
import { SLUGS } from './support/demo';
import { E2E_DATA_DIR, E2E_DATABASE_URL, ROOT, SERVER_URL } from './support/paths';
import { staffPage } from './support/staff';

// Issue 16: /api/metrics (behind the internal API key) and the admins' system page.

/** The key `npm run internal-key` prints for the test server's data folder. */
function internalKey(): string {
  // The test server has no AUTH_SECRET: its secret was generated into its data folder.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: E2E_DATA_DIR, DATABASE_URL: E2E_DATABASE_URL };
  delete env.AUTH_SECRET;
  return execFileSync(process.execPath, ['scripts/internal-key.mjs'], { cwd: ROOT, env, encoding: 'utf8' }).trim();
}

const METRICS = [
  'broadsheet_http_requests_total',
  'broadsheet_http_request_duration_seconds_bucket',
  'broadsheet_cache_requests_total',
  'broadsheet_replies_posted_total',
  'broadsheet_moderation_queue_size',
  'broadsheet_moderation_queue_oldest_seconds',
  'broadsheet_mail_total',
  'broadsheet_mail_queued',
  'broadsheet_mail_oldest_queued_seconds',
  'broadsheet_job_runs_total',
  'broadsheet_job_last_run_timestamp_seconds',
  'nodejs_eventloop_lag_seconds',
];

const ARTICLE_OK = 'broadsheet_http_requests_total{method="GET",route="/articles/[slug]",status="200"}';
const CACHE_HIT = 'broadsheet_cache_requests_total{result="hit"}';

function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test('/api/metrics answers 401 without the internal API key, and Prometheus text with it', async ({ request }) => {
  for (const authorization of [undefined, 'Bearer wrong', `Bearer ${'x'.repeat(43)}`]) {
    const refused = await request.get('/api/metrics', { headers: authorization ? { authorization } : {} });
    expect(refused.status()).toBe(401);
    expect(await refused.text()).not.toContain('broadsheet_');
  }

  const headers = { authorization: `Bearer ${internalKey()}` };
  const first = await request.get('/api/metrics', { headers });
  expect(first.status()).toBe(200);
  expect(first.headers()['content-type']).toContain('text/plain');
  expect(first.headers()['cache-control']).toContain('no-store');
  const before = await first.text();
  for (const name of METRICS) expect(before, name).toContain(name);
  // The scheduler and housekeeping run every second or two on the test server.
  expect(before).toMatch(/broadsheet_job_runs_total\{job="scheduler",outcome="ok"\} [1-9]/);

  // A reader's request is counted under its route template, never its own address; a second one is
  // answered from the page cache, counted from the response's x-nextjs-cache header.
  for (let i = 0; i < 2; i++) expect((await request.get(`/articles/${SLUGS.cacheCheck}`)).status()).toBe(200);
  await expect
    .poll(async () => sample(await (await request.get('/api/metrics', { headers })).text(), ARTICLE_OK))
    .toBeGreaterThanOrEqual(sample(before, ARTICLE_OK) + 2);
  const after = await (await request.get('/api/metrics', { headers })).text();
  expect(sample(after, CACHE_HIT)).toBeGreaterThan(sample(before, CACHE_HIT));
  expect(after).not.toContain(SLUGS.cacheCheck);
});

test('an admin sees the system page, without JavaScript too; an editor is not allowed', async ({ browser }) => {
  // A mail the sender gave up on just now (its eighth failure waits a century): the page shows the
  // error without the address in it.
  const century = 100 * 365 * 24 * 3600_000;
  await queryRows(
    "insert into mail_queue (dedupe_key, to_address, subject, text_body, attempts, next_attempt_at, last_error) values (?, 'bounced@example.org', 'Hello', 'Hi', 8, ?, ?)",
    [`system-spec-${Date.now()}-${Math.random()}`, Date.now() + century, '550 5.1.1 <bounced@example.org>: Recipient address rejected'],
  );
  const admin = await staffPage(browser, 'admin@example.com');
  await admin.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'System' }).click();
  await expect(admin).toHaveURL(/\/admin\/system$/);
  await expect(admin.getByRole('heading', { level: 1, name: 'System' })).toBeVisible();
  for (const heading of ['Settings to check before going live', 'Version', 'Database', 'Mail queue', 'Moderation queue', 'Timers on this instance', 'Cache'])
    await expect(admin.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  const main = admin.getByRole('main');
  await expect(main).toContainText('Local file');
  await expect(main).toContainText('No backup recorded — see README');
  await expect(main).toContainText('In this process (one instance)');
  const lastFailure = main.locator('dt', { hasText: 'Last failure' }).locator('+ dd');
  await expect(lastFailure).toContainText('given up: 550 5.1.1 <[address]>: Recipient address rejected');
  await expect(main).not.toContainText('bounced@example.org');
  // The test server runs on plain http with the demo passwords and a query log: each is called out.
  await expect(admin.locator('[data-warning="site-url"]')).toBeVisible();
  await expect(admin.locator('[data-warning="demo-password"]')).toBeVisible();
  await expect(admin.locator('[data-warning="query-log"]')).toBeVisible();
  // The scheduler has run on this instance since it started.
  await expect(main.locator('dt', { hasText: 'Scheduler' }).locator('+ dd')).not.toContainText('Not run');

  // Without JavaScript: the same page, rendered by the server.
  const noJs = await browser.newContext({ storageState: await admin.context().storageState(), javaScriptEnabled: false });
  const plain = await noJs.newPage();
  const response = await plain.goto('/admin/system');
  expect(response?.status()).toBe(200);
  await expect(plain.getByRole('heading', { level: 1, name: 'System' })).toBeVisible();
  await expect(plain.getByRole('main')).toContainText('Mail queue');
  await noJs.close();

  const editor = await staffPage(browser, 'editor@example.com');
  await expect(editor.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'System' })).toHaveCount(0);
  const refused = await editor.goto(`${SERVER_URL}/admin/system`);
  expect(refused?.status()).toBe(403);
  await expect(editor.getByRole('heading', { name: 'You are not allowed to see this page' })).toBeVisible();
  await admin.context().close();
  await editor.context().close();
});
