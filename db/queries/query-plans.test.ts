import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// Every query on a request path, as the app sends it, through EXPLAIN QUERY PLAN on a database built
// by the real migrations: none may scan a big table whole, so a request costs the same at 100,000 articles
// and a million replies (bench/README.md). Statements are captured with their parameters by wrapping the
// one client.
const testDb = throwawayDatabase('plans');

/** Tables (and the aliases queries give them) that grow with the site: a plain SCAN of one fails. */
const BIG = new Set([
  'articles',
  'a',
  'replies',
  'r',
  'parent',
  'article_search',
  'article_tags',
  'x',
  'article_authors',
  'aa',
  'moderation_log',
  'reply_reports',
  'corrections',
  'revisions',
  'login_attempts',
  'commenter_sanctions',
  'mail_queue',
]);

type Captured = { sql: string; args: unknown[] };
let captured: Captured[] = [];
let client: import('@libsql/client').Client;

/** Runs `fn` and returns the statements it sent. */
async function statementsOf(fn: () => Promise<unknown>): Promise<Captured[]> {
  captured = [];
  await fn();
  const out = captured;
  captured = [];
  return out;
}

/** Plan lines that scan a big table without an index. */
async function fullScans(s: Captured): Promise<string[]> {
  const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${s.sql}`, args: s.args as never[] });
  const lines = plan.rows.map((r) => String(r.detail));
  return lines.filter((line) => {
    const m = line.match(/^SCAN (\S+)/);
    if (!m || !BIG.has(m[1])) return false;
    return !/USING (COVERING )?INDEX|VIRTUAL TABLE INDEX/.test(line);
  });
}

type Probe = [name: string, fn: () => Promise<unknown>];
let probes: Probe[] = [];

beforeAll(async () => {
  const index = await testDb.open();
  client = index.client;
  const { seedDemoContent } = await import('../seed');
  await seedDemoContent(index.db);

  // Capture every statement drizzle sends (execute for queries, batch for batches).
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  (client as { execute: unknown }).execute = (stmt: string | { sql: string; args?: unknown[] }, args?: unknown[]) => {
    if (typeof stmt === 'string') captured.push({ sql: stmt, args: args ?? [] });
    else captured.push({ sql: stmt.sql, args: (stmt.args as unknown[]) ?? [] });
    return (execute as (...a: unknown[]) => unknown)(stmt, args);
  };
  (client as { batch: unknown }).batch = (stmts: ({ sql: string; args?: unknown[] } | string)[], mode?: unknown) => {
    for (const s of stmts) captured.push(typeof s === 'string' ? { sql: s, args: [] } : { sql: s.sql, args: (s.args as unknown[]) ?? [] });
    return (batch as (...a: unknown[]) => unknown)(stmts, mode);
  };

  const articles = await import('./articles');
  const replies = await import('./replies');
  const replyFacts = await import('./reply-facts');
  const taxonomy = await import('./taxonomy');
  const search = await import('./search');
  const moderation = await import('./moderation-queue');
  const dashboard = await import('./dashboard');
  const reports = await import('./reports');
  const syndication = await import('./syndication');
  const settings = await import('./settings');
  const sanctions = await import('./sanctions');
  const staff = await import('./staff');
  const adminAccess = await import('./admin-access');
  const revisionPairs = await import('./revisions');
  const { buildMatchExpression } = await import('@/lib/search/query');

  const row = async (sql: string) => (await execute(sql)).rows[0];
  const art = await row(
    'SELECT a.id, a.slug, a.section_id, s.slug AS section_slug FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.id IN (SELECT article_id FROM replies) LIMIT 1',
  );
  const tag = await row('SELECT t.id, t.slug FROM tags t JOIN article_tags x ON x.tag_id = t.id LIMIT 1');
  const author = await row('SELECT u.id, u.slug FROM users u JOIN article_authors x ON x.user_id = u.id LIMIT 1');
  const reply = await row("SELECT id, author_email, created_at FROM replies WHERE status = 'pending' LIMIT 1");
  const approved = await row("SELECT id, author_email, body FROM replies WHERE status = 'approved' LIMIT 1");
  const articleId = Number(art.id);
  const cursor = { createdAt: Number(reply.created_at), id: Number(reply.id) };
  const since = new Date(Date.now() - 15_000);

  probes = [
    ['articles: front page 1', () => articles.listPublishedArticles({ kind: 'all' }, 1, 20, 9)],
    ['articles: front page 3', () => articles.listPublishedArticles({ kind: 'all' }, 3, 20, 9)],
    ['articles: section page', () => articles.listPublishedArticles({ kind: 'section', sectionId: Number(art.section_id) }, 2, 20)],
    ['articles: tag page', () => articles.listPublishedArticles({ kind: 'tag', tagId: Number(tag.id) }, 1, 20)],
    ['articles: big tag page, walked by date', () => articles.listPublishedArticles({ kind: 'tag', tagId: Number(tag.id) }, 2, 20, 20, 'walk')],
    ['articles: author page', () => articles.listPublishedArticles({ kind: 'author', userId: Number(author.id) }, 1, 20)],
    ['articles: latest per section', () => articles.listLatestPerSection(4)],
    ['articles: count, front page', () => articles.countPublishedArticles({ kind: 'all' })],
    ['articles: count, section', () => articles.countPublishedArticles({ kind: 'section', sectionId: Number(art.section_id) })],
    ['articles: count, tag', () => articles.countPublishedArticles({ kind: 'tag', tagId: Number(tag.id) })],
    ['articles: count, author', () => articles.countPublishedArticles({ kind: 'author', userId: Number(author.id) })],
    ['articles: article by slug', () => articles.getPublishedArticleBySlug(String(art.slug))],
    ['articles: redirected slug', () => articles.getRedirectedSlug('old-slug')],
    ['articles: article for reply', () => articles.getArticleForReply(articleId)],
    ['replies: approved replies', () => replies.listApprovedReplies({ articleId })],
    ['replies: held replies by id', () => replies.listPendingRepliesByIds(articleId, [Number(reply.id)])],
    ['replies: parent', () => replies.getReplyParent(Number(approved.id))],
    ['replies: previously approved', () => replies.approvedNamesForEmail(String(approved.author_email))],
    ['replies: flood control (email)', () => replies.latestReplyFrom({ email: 'someone@example.com', ipHash: null, since })],
    ['replies: flood control (email or address)', () => replies.latestReplyFrom({ email: 'someone@example.com', ipHash: 'abcdefabcdefabcdefabcd', since })],
    [
      'replies: slow mode (email or address, on the article)',
      () => replies.latestReplyOnArticleFrom({ articleId, email: 'someone@example.com', ipHash: 'abcdefabcdefabcdefabcd', since }),
    ],
    ['replies: article backlog', () => replies.countPendingForArticle({ articleId, cap: 500 })],
    ['replies: duplicate', () => replies.findDuplicateReply({ articleId, email: String(approved.author_email), body: String(approved.body) })],
    [
      'replies: every fact for a new reply',
      () =>
        replyFacts.gatherReplyFacts({
          articleId,
          parentId: Number(approved.id),
          email: String(approved.author_email),
          body: 'x',
          ipHash: 'abcdefabcdefabcdefabcd',
          now: Date.now(),
        }),
    ],
    ['taxonomy: sections', () => taxonomy.listSections()],
    ['taxonomy: section', () => taxonomy.getSectionBySlug(String(art.section_slug))],
    ['taxonomy: tag', () => taxonomy.getTagBySlug(String(tag.slug))],
    ['taxonomy: author', () => taxonomy.getAuthorBySlug(String(author.slug))],
    ['search: words', () => search.searchPublishedArticles({ match: buildMatchExpression('harbour ferry')!, page: 1, perPage: 20 })],
    [
      'search: whole words or prefix',
      () => search.chooseMatchExpression(buildMatchExpression('harbour', { prefix: false })!, buildMatchExpression('harbour')!, 20),
    ],
    [
      'search: with filters',
      () =>
        search.searchPublishedArticles({
          match: buildMatchExpression('harbour')!,
          sectionSlug: String(art.section_slug),
          from: new Date(0),
          before: new Date(),
          page: 2,
          perPage: 20,
        }),
    ],
    ['moderation: counts', () => moderation.countRepliesByStatus()],
    ['moderation: pending page 1', () => moderation.listQueue({ status: 'pending' })],
    ['moderation: pending after', () => moderation.listQueue({ status: 'pending' }, { after: cursor })],
    ['moderation: pending before', () => moderation.listQueue({ status: 'pending' }, { before: cursor })],
    ['moderation: approved page 1', () => moderation.listQueue({ status: 'approved' })],
    ['moderation: one article', () => moderation.listQueue({ status: 'approved', articleId })],
    ['moderation: one commenter', () => moderation.listQueue({ status: 'approved', email: String(approved.author_email) })],
    ['moderation: recent decisions', () => moderation.listRecentDecisions(12)],
    ['dashboard: queue health', () => dashboard.queueHealth()],
    ['reports: open reports', () => reports.openReportsFor([Number(approved.id)])],
    ['reports: reported queue', () => reports.listReportedReplyIds()],
    ['reports: reported queue, page 2', () => reports.listReportedReplyIds(1000)],
    ['reports: count', () => reports.countOpenReports()],
    ['syndication: site feed', () => syndication.listFeedArticles({ kind: 'all' }, 20)],
    ['syndication: section feed', () => syndication.listFeedArticles({ kind: 'section', sectionId: Number(art.section_id) }, 20)],
    ['syndication: tag feed', () => syndication.listFeedArticles({ kind: 'tag', tagId: Number(tag.id) }, 20)],
    ['syndication: author feed', () => syndication.listFeedArticles({ kind: 'author', userId: Number(author.id) }, 20)],
    ['syndication: corrections feed', () => syndication.listLatestCorrections(20)],
    ['syndication: sitemap index', () => syndication.countPublishedArticlesByIdRange(50_000)],
    [
      'syndication: sitemap file',
      async () => {
        for await (const batch of syndication.sitemapArticlesInIdRange(0, 50_000)) void batch;
      },
    ],
    ['syndication: sitemap sections', () => syndication.listSitemapSections()],
    ['syndication: sitemap tags', () => syndication.listSitemapTags()],
    ['syndication: sitemap authors', () => syndication.listSitemapAuthors()],
    ['syndication: latest publication', () => syndication.getLatestPublicationTime()],
    ['syndication: news sitemap', () => syndication.listNewsArticles(new Date(Date.now() - 48 * 3600_000), 1000)],
    ['syndication: news sitemap, live articles', () => syndication.listLiveNewsArticles(1000)],
    ['settings: reply settings', () => settings.getReplySettings()],
    ['settings: site settings', () => settings.getSiteSettings()],
    ['sanctions: active', () => sanctions.activeSanction({ email: 'someone@example.com', ipHash: 'abcdefabcdefabcdefabcd' })],
    ['staff: by id', () => staff.getStaffById(1)],
    ['staff: session', () => staff.getStaffForSession(1, 'abcdefabcdefabcdefabcd')],
    [
      'staff: sign-in attempt',
      () =>
        staff.beginSignInAttempt({ email: 'someone@example.com', ipHash: 'abcdefabcdefabcdefabcd', now: new Date(), pairSince: since, addressSince: since }),
    ],
    ['admin access: article', () => adminAccess.getArticleResource(Number(art.id))],
    ['admin access: revision', () => adminAccess.revisionExists(Number(art.id), 1)],
    ['revisions: compare two', () => revisionPairs.getRevisionPair(Number(art.id), 1, 2)],
    ['staff: staff email', () => staff.isStaffEmail('someone@example.com')],
  ];
}, 60_000);

afterAll(() => {
  testDb.close();
});

describe('query plans on request paths', () => {
  it('the check itself sees a full scan', async () => {
    expect(await fullScans({ sql: 'SELECT id FROM replies WHERE body = ?', args: ['x'] })).toEqual(['SCAN replies']);
    expect(await fullScans({ sql: "SELECT a.id FROM articles a WHERE a.title = 'x'", args: [] })).toEqual(['SCAN a']);
    expect(await fullScans({ sql: "SELECT id FROM replies WHERE status = 'pending' ORDER BY created_at LIMIT 1", args: [] })).toEqual([]);
  });

  it('no request-path query scans a big table whole', async () => {
    expect(probes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    let statements = 0;
    for (const [name, fn] of probes) {
      const sent = await statementsOf(fn);
      expect(sent.length, `${name} sent no statement`).toBeGreaterThan(0);
      for (const s of sent) {
        statements++;
        if (process.env.PLAN_DUMP) {
          const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${s.sql}`, args: s.args as never[] });
          console.log(`${name}\n  ${s.sql}\n${plan.rows.map((r) => `    ${String(r.detail)}`).join('\n')}`);
        }
        for (const line of await fullScans(s)) failures.push(`${name}: ${line}\n    ${s.sql}`);
      }
    }
    expect(statements).toBeGreaterThan(probes.length);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
