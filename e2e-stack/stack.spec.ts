import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@libsql/client';
import type { Browser } from '@playwright/test';
import { SLUGS } from '../e2e/support/demo';
import { expect, test } from '../e2e/support/fixtures';
import { DEMO_PASSWORD, staffPage } from '../e2e/support/staff';
import { newCommenter, uniq } from '../e2e/support/unique';
import { STACK_TEST_DIR } from '../playwright.stack.config';
import { MARKER } from '../scripts/stack/processes';
import { logLines, stackInfo, stackQuery, stackSecrets } from './support';

// The whole stack of `npm run stack`: nginx's micro-cache in front of instances a and b, which share
// their caches through Redis and their database through sqld. Readers come through nginx; staff work
// on one instance directly, so what another instance or the cache shows is what travelled.

const TIMINGS = path.join('test-results', 'stack', 'timings.jsonl');
function record(name: string, values: Record<string, number | string>) {
  mkdirSync(path.dirname(TIMINGS), { recursive: true });
  appendFileSync(TIMINGS, JSON.stringify({ name, ...values }) + '\n');
  console.log(`[stack-test] ${name}: ${JSON.stringify(values)}`);
}

/** A staff member signed in on one instance (not through nginx). */
const staffOn = (browser: Browser, baseURL: string, email: string) => staffPage(browser, email, DEMO_PASSWORD, baseURL);

const body = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers, redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

test('nginx keeps public pages about a second, and keeps private, staff and held-reply requests out', async ({ request }) => {
  const article = `/articles/${SLUGS.cacheCheck}`;
  const first = await request.get(article);
  expect(first.status()).toBe(200);
  // Within the second after it was stored, the page comes from nginx.
  await expect.poll(async () => (await request.get(article)).headers()['x-cache']).toBe('HIT');
  const hit = await request.get(article);
  // Next's 30-day s-maxage does not reach clients: a CDN or browser beyond nginx must ask again.
  expect(hit.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
  // The app keeps a page in nginx to the end of the current second (X-Accel-Expires, which nginx
  // does not pass on): a second later nobody gets that copy as fresh any more.
  expect((await body(`${stackInfo().apps[0].url}${article}`)).headers.get('x-accel-expires')).toMatch(/^@\d{10}$/);
  expect(hit.headers()['x-accel-expires']).toBeUndefined();
  await new Promise((r) => setTimeout(r, 1100));
  expect(['STALE', 'EXPIRED', 'MISS']).toContain((await request.get(article)).headers()['x-cache']);

  // Other answers keep their own header: an uploaded image stays immutable for browsers.
  const cover = /\/media\/covers\/[^"&?]+/.exec(decodeURIComponent((await body(`${stackInfo().url}/`)).text))?.[0];
  expect(cover, 'the front page shows a cover image').toBeTruthy();
  const image = await request.get(cover!);
  expect(image.status()).toBe(200);
  expect(image.headers()['cache-control']).toContain('immutable');

  // Per-request answers are never stored: search is private, so each request goes to the app.
  for (let i = 0; i < 2; i++) {
    const search = await request.get('/search?q=harbour');
    expect(search.status()).toBe(200);
    expect(search.headers()['cache-control']).toContain('private');
    expect(search.headers()['x-cache']).toBe('MISS');
  }
  // Staff, sign-in and API addresses and POSTs bypass the cache.
  expect((await request.get('/login')).headers()['x-cache']).toBe('BYPASS');
  expect((await request.get('/admin', { maxRedirects: 0 })).headers()['x-cache']).toBe('BYPASS');
  // A POST never meets the cache at all (nginx caches GET and HEAD only), so it carries no X-Cache.
  const api = await request.post('/api/revalidate', { data: { tags: ['home'] } });
  expect(api.status(), 'answered by the app, which wants its secret').toBe(401);
  for (let i = 0; i < 2; i++) expect((await request.post(article, { form: { x: '1' } })).headers()['x-cache']).toBeUndefined();

  // A held-reply cookie bypasses it too; the app checks the signature, so a forged one gets the public page.
  const forged = await body(`${stackInfo().url}${article}`, { cookie: 'bs_held=eyJmb3JnZWQiOjF9.bm90LWEtc2lnbmF0dXJl' });
  expect(forged.status).toBe(200);
  expect(forged.headers.get('x-cache')).toBe('BYPASS');
  expect(forged.text).toContain('Swimming Warning Lifted');
  expect(forged.text).not.toContain('awaiting moderation');
});

test('a reply approved on instance a shows through nginx within 2 s and on instance b’s next request; until then only its author sees it', async ({
  browser,
  newReader,
}) => {
  const { url: site, apps } = stackInfo();
  const [a, b] = apps;
  const slug = SLUGS.returningCommenter;
  const who = newCommenter('Stack');
  const text = who.text('The bookshop should open on Sundays now that the ferry runs late');

  // A first-time commenter, without JavaScript, through nginx: held, and shown to its author only.
  const author = await newReader({ javaScript: false });
  await author.article.goto(slug);
  await author.article.postReply({ comment: text, name: who.name, email: who.email });
  await expect(author.article.awaitingModeration(author.article.commentBy(who.name))).toBeVisible({ timeout: 15_000 });
  const again = await author.page.reload();
  expect(again?.headers()['x-cache'], 'the author’s own page never comes from the shared cache').toBe('BYPASS');
  await expect(author.article.awaitingModeration(author.article.commentBy(who.name))).toBeVisible();

  // Everyone else, through nginx (with JavaScript: the page hydrates from assets served through nginx)
  // and on each instance, gets the cached page without it.
  const other = await newReader();
  await other.article.goto(slug);
  await expect(other.article.headline).toBeVisible();
  await expect(other.page.getByText(text)).toHaveCount(0);
  for (const app of [a, b]) expect((await body(`${app.url}/articles/${slug}`)).text).not.toContain(text);
  expect((await body(`${site}/articles/${slug}`)).text).not.toContain(text);

  // The moderator approves it on instance a while readers keep asking nginx for the page, ten times a
  // second, as they would for a story that is being read.
  const moderator = await staffOn(browser, a.url, 'moderator@example.com');
  await moderator.goto(`/admin/comments?status=pending&email=${encodeURIComponent(who.email)}`);
  const row = moderator.getByRole('article', { name: `Reply by ${who.name}` });
  await expect(row).toContainText(text);
  let shownAt = 0;
  let polls = 0;
  let pollingUntil = Date.now() + 60_000;
  const readers = (async () => {
    while (!shownAt && Date.now() < pollingUntil) {
      polls++;
      const asked = Date.now();
      if ((await body(`${site}/articles/${slug}`)).text.includes(text)) shownAt = asked;
      else await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await new Promise((r) => setTimeout(r, 2500));
  const clicked = Date.now();
  await row.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(moderator.getByRole('status').filter({ hasText: 'Approved: 1 reply.' })).toBeVisible();
  const confirmed = Date.now();
  pollingUntil = Math.min(pollingUntil, confirmed + 5000);
  expect(shownAt === 0 || shownAt >= clicked, 'nobody saw the reply before the decision').toBe(true);

  // Instance b's very next request has it.
  const b1 = await body(`${b.url}/articles/${slug}`);
  const bAt = Date.now();
  expect(b1.text, 'instance b’s next request has the approved reply').toContain(text);
  await readers;
  expect(shownAt, 'the approved reply showed through nginx').toBeGreaterThan(0);
  record('approval to visible', {
    nginxMsFromConfirmation: shownAt - confirmed,
    nginxMsFromClick: shownAt - clicked,
    instanceBMsFromConfirmation: bAt - confirmed,
    approveActionMs: confirmed - clicked,
    readerRequests: polls,
  });
  // The first reader request sent after the desk confirmed the decision, at most 2 s later, has it.
  expect(shownAt - confirmed, 'visible through nginx within 2 s of the decision').toBeLessThanOrEqual(2000);

  // The reader's browser shows it too (nginx keeps a copy per Accept-Encoding, each refreshed by its
  // own readers within the same two seconds), and its author sees it published.
  await expect(async () => {
    await other.page.reload();
    await expect(other.article.comment(who.name, text)).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 3000 });
  await author.page.reload();
  await expect(author.article.commentBy(who.name)).toBeVisible();
  await expect(author.article.awaitingModeration(author.article.commentBy(who.name))).toHaveCount(0);
});

test('a section renamed on instance a answers its 301 on instance b at once (the redirect table travels over Redis)', async ({ browser }) => {
  const { apps, url: site } = stackInfo();
  const [a, b] = apps;
  // Instance b has loaded its table at start; the old address is a live page there now.
  expect((await body(`${b.url}/sections/culture`)).status).toBe(200);
  const editor = await staffOn(browser, a.url, 'editor@example.com');
  await editor.goto('/admin/sections');
  const newSlug = `culture-${uniq()}`;
  await editor.getByLabel('Slug of section Culture').fill(newSlug);
  await editor.getByRole('button', { name: 'Save section Culture' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const moved = await body(`${b.url}/sections/culture?page=2`);
  expect(moved.status, 'instance b answers the old address with a 301').toBe(301);
  expect(new URL(moved.headers.get('location')!, b.url).pathname + new URL(moved.headers.get('location')!, b.url).search).toBe(`/sections/${newSlug}?page=2`);
  expect((await body(`${site}/sections/culture`)).status).toBe(301);
});

test('scheduled articles are published once, with both instances’ schedulers running', async ({ request }) => {
  const [editor] = await stackQuery<{ id: number }>("select id from users where email = 'editor@example.com'");
  const id = uniq();
  const slugs = [1, 2, 3].map((n) => `scheduled-for-two-${n}-${id}`);
  const due = Date.now() + 1500;
  for (const slug of slugs) {
    await stackQuery(
      "insert into articles (slug, title, body, status, published_at, created_by_id, updated_at) values (?, ?, 'Published by the scheduler.', 'scheduled', ?, ?, ?)",
      [slug, `Scheduled ${slug}`, due, editor.id, Date.now()],
    );
  }
  // Both instances tick every second (SCHEDULER_INTERVAL_MS=1000 in the test stack).
  for (const slug of slugs) await expect.poll(async () => (await request.get(`/articles/${slug}`)).status(), { timeout: 15_000 }).toBe(200);
  const { apps } = stackInfo();
  // JSON lines (lib/log.ts): {"component":"scheduler","published":[…],"msg":"published"}.
  const lines = apps.flatMap((app) => logLines(app.log).filter((l) => l.includes('"component":"scheduler"') && l.includes('"msg":"published"')));
  for (const slug of slugs)
    expect(
      lines.filter((l) => l.includes(slug)),
      `${slug} published once, by one instance`,
    ).toHaveLength(1);
});

test('the same code runs on every kind of DATABASE_URL: ws://, http://, libsql:// and an embedded replica, with the token', async () => {
  const { sqldUrl } = stackInfo();
  const token = stackSecrets().databaseAuthToken;
  const port = new URL(sqldUrl).port;
  const replicaDir = path.resolve(STACK_TEST_DIR, 'replica-check');
  const prepare = (env: Record<string, string>) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/db-prepare.ts'], {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', SEED_DEMO: 'false', DATA_DIR: replicaDir, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
      child.on('exit', (code) => resolve({ code, output }));
    });
  const replicaFile = path.join(replicaDir, 'replica.db');
  const [ws, http, libsql, replica, noToken] = await Promise.all([
    prepare({ DATABASE_URL: `ws://127.0.0.1:${port}`, DATABASE_AUTH_TOKEN: token }),
    prepare({ DATABASE_URL: `http://127.0.0.1:${port}`, DATABASE_AUTH_TOKEN: token }),
    prepare({ DATABASE_URL: `libsql://127.0.0.1:${port}?tls=0`, DATABASE_AUTH_TOKEN: token }),
    prepare({ DATABASE_URL: `file:${replicaFile}`, DATABASE_SYNC_URL: sqldUrl, DATABASE_AUTH_TOKEN: token }),
    prepare({ DATABASE_URL: `ws://127.0.0.1:${port}` }),
  ]);
  for (const [name, r] of Object.entries({ ws, http, libsql, replica })) {
    expect(r.code, `${name}: ${r.output}`).toBe(0);
    expect(r.output, name).toMatch(/\[db\] .* ready in \d+ ms/);
  }
  // The server checks the token: without it, nothing is read or written.
  expect(noToken.code).not.toBe(0);
  expect(noToken.output).toMatch(/could not prepare the database/);
  // The replica is a real local copy: the file alone has the articles.
  const local = createClient({ url: `file:${replicaFile}` });
  const [{ n }] = (await local.execute("select count(*) as n from articles where status = 'published'")).rows as unknown as { n: number }[];
  local.close();
  expect(Number(n)).toBeGreaterThan(10);
});

test('an instance on an embedded replica of the server starts from a new, empty file and serves the site, old addresses included', async () => {
  test.setTimeout(120_000);
  const info = stackInfo();
  const secrets = stackSecrets();
  const port = Number(new URL(info.apps.at(-1)!.url).port) + 1;
  const dir = path.resolve(STACK_TEST_DIR, 'replica-instance');
  mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, 'app.log');
  const child = spawn(process.execPath, ['scripts/server.mjs', '-H', '127.0.0.1', '-p', String(port)], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: `file:${path.join(dir, `replica-${uniq()}.db`)}`,
      DATABASE_SYNC_URL: info.sqldUrl,
      DATABASE_AUTH_TOKEN: secrets.databaseAuthToken,
      REDIS_URL: info.redisUrl,
      AUTH_SECRET: secrets.authSecret,
      DATA_DIR: path.join(info.dir, 'app'),
      TRUST_PROXY: 'true',
      // Counted by the run's final check like every process of the stack.
      [MARKER]: info.dir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  try {
    await expect.poll(async () => (await fetch(`${url}/robots.txt`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
    // Its redirect table was read from the replica before the first request (the Culture section was
    // renamed in an earlier test): the file had been synced, not read empty.
    expect((await body(`${url}/sections/culture`)).status).toBe(301);
    const [latest] = await stackQuery<{ slug: string; title: string }>(
      "select slug, title from articles where status = 'published' order by published_at desc limit 1",
    );
    const page = await body(`${url}/articles/${latest.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`/articles/${latest.slug}`);
    expect(output).not.toMatch(/could not (reload|sync)|no such table/);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    appendFileSync(logFile, output);
  }
});

test('each instance writes one JSON line per request with its id, route, status and duration, never the query or the client address', async () => {
  const [a] = stackInfo().apps;
  const id = `stack-test-${uniq()}`;
  const response = await fetch(`${a.url}/articles/${SLUGS.cacheCheck}?from=reader@example.org`, {
    headers: { 'x-request-id': id, 'x-forwarded-for': '203.0.113.9' },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('x-request-id')).toBe(id);
  await expect.poll(() => logLines(a.log).filter((l) => l.includes(id)).length).toBe(1);
  const line = logLines(a.log).find((l) => l.includes(id))!;
  expect(JSON.parse(line)).toMatchObject({ level: 'info', requestId: id, method: 'GET', route: `/articles/${SLUGS.cacheCheck}`, status: 200, msg: 'request' });
  expect(line).not.toContain('example.org');
  expect(line).not.toContain('203.0.113.9');
  // The load balancer's polling is not written at info level.
  await fetch(`${a.url}/api/health/ready`, { headers: { 'x-request-id': `${id}-health` } });
  await new Promise((r) => setTimeout(r, 300));
  expect(logLines(a.log).some((l) => l.includes(`${id}-health`))).toBe(false);
});

test('an instance that stops answering its readiness check is kept out of nginx, and comes back by itself', async ({ request }) => {
  const info = stackInfo();
  const [a, b] = info.apps;
  // Ready on every count the stack has: the database, this build's migrations, Redis.
  const ready = await request.get(`${a.url}/api/health/ready`);
  expect(ready.status()).toBe(200);
  expect(ready.headers()['cache-control']).toBe('no-store');
  expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', redis: 'ok' } });

  const conf = path.join(info.dir, 'nginx', 'nginx.conf');
  const upstreamLine = (url: string) =>
    readFileSync(conf, 'utf8')
      .split('\n')
      .find((l) => l.includes(`server 127.0.0.1:${new URL(url).port} `)) ?? '';
  expect(upstreamLine(a.url)).not.toContain(' down;');
  process.kill(a.pid, 'SIGSTOP');
  try {
    await expect.poll(() => upstreamLine(a.url), { timeout: 15_000 }).toContain(' down;');
    expect(upstreamLine(b.url)).not.toContain(' down;');
    // The file is written before nginx is told to reload: until its new workers run, a request can still
    // be handed to a (whose stopped process leaves the connection open). Wait for the reload to show.
    await expect
      .poll(
        () =>
          request.get('/search?q=harbour&reloaded', { timeout: 2000 }).then(
            (r) => r.status(),
            () => 0,
          ),
        { timeout: 20_000, intervals: [500] },
      )
      .toBe(200);
    // Every read through nginx now goes to b at once (no request waits on a).
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      const r = await request.get(`/search?q=harbour&n=${i}`);
      expect(r.status()).toBe(200);
      expect(Date.now() - started).toBeLessThan(1500);
    }
  } finally {
    process.kill(a.pid, 'SIGCONT');
  }
  await expect.poll(() => upstreamLine(a.url), { timeout: 15_000 }).not.toContain(' down;');
  expect((await request.get(`${a.url}/api/health/live`)).status()).toBe(200);
});

test('killing an instance under read load fails no reader request; it comes back sharing the same cache', async () => {
  const info = stackInfo();
  const [a, b] = info.apps;
  const portOf = (u: string) => new URL(u).port;
  const accessLog = path.join(info.logs, 'nginx-access.log');
  const logBefore = readFileSync(accessLog, 'utf8').length;
  // Every request of the first kind reaches an instance (the cookie bypasses nginx's cache); the rest
  // are what readers mostly ask for.
  const load = autocannon({
    url: info.url,
    connections: 8,
    duration: 8,
    timeout: 20,
    requests: [
      { method: 'GET', path: `/articles/${SLUGS.discussion}`, headers: { cookie: 'bs_held=eyJmb3JnZWQiOjF9.bm90LWEtc2lnbmF0dXJl' } },
      { method: 'GET', path: `/articles/${SLUGS.cacheCheck}` },
      { method: 'GET', path: '/' },
      { method: 'GET', path: '/search?q=harbour' },
    ],
  });
  await new Promise((r) => setTimeout(r, 2500));
  process.kill(b.pid, 'SIGKILL');
  const result = await load;
  record('instance killed under load', {
    requests: result['2xx'] + result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    reqPerSec: result.requests.average,
  });
  expect(result.errors, 'connection errors').toBe(0);
  expect(result.timeouts, 'timeouts').toBe(0);
  expect(result.non2xx, 'answers other than 2xx').toBe(0);
  expect(result['2xx']).toBeGreaterThan(100);

  // Both instances served during the run, and nginx retried on a what went to b after it died.
  await new Promise((r) => setTimeout(r, 1500)); // nginx flushes its access log every second
  const upstreams = readFileSync(accessLog, 'utf8')
    .slice(logBefore)
    .split('\n')
    .map((l) => /upstream=(.*) [\d.]+$/.exec(l)?.[1] ?? '');
  expect(upstreams.filter((u) => u === `127.0.0.1:${portOf(b.url)}`).length, 'instance b served before it was killed').toBeGreaterThan(0);
  expect(
    upstreams.filter((u) => u.includes(`127.0.0.1:${portOf(b.url)}, 127.0.0.1:${portOf(a.url)}`)).length,
    'requests b could not answer went to a',
  ).toBeGreaterThan(0);

  // The stack starts b again; its first answer for a page comes from the cache it shares with a.
  await expect.poll(() => stackInfo().apps[1].pid, { timeout: 30_000 }).not.toBe(b.pid);
  const back = await fetch(`${b.url}/articles/${SLUGS.cacheCheck}`);
  expect(back.status).toBe(200);
  expect(back.headers.get('x-nextjs-cache')).toBe('HIT');
});
