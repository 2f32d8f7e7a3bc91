// npm run fixture -- --articles 100000 --replies 1000000 --db file:./data/bench.db [--reset]
//
// A newsroom-sized database for the benchmark (scripts/bench.ts): created through the project's own
// migrations, then filled with generated sections, tags, staff, articles (Markdown bodies and their
// plain text), bylines, tags, and threaded replies (a 100,000-reply pending queue and a few articles
// with 2,000+ replies). The demo staff accounts are included with their demo password, so
// moderator@example.com / broadsheet-demo can sign in. Not part of `npm test`.
//
// Speed: rows go in as multi-row INSERTs, many per batch (one transaction each), with
// synchronous=OFF. The search index triggers and the replies' secondary indexes are dropped for the
// load and recreated afterwards from their own definitions (the triggers' text is read from
// migration 0004), and the index is filled with the migration's own backfill statement.
import { parseArgs } from 'node:util';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    replies: { type: 'string', default: '1000000' },
    db: { type: 'string', default: 'file:./data/bench.db' },
    reset: { type: 'boolean', default: false },
    seed: { type: 'string', default: '7' },
  },
});
const ARTICLES = Number(args.articles);
const REPLIES = Number(args.replies);
if (!Number.isInteger(ARTICLES) || ARTICLES < 10 || !Number.isInteger(REPLIES) || REPLIES < 0) {
  console.error('Usage: npm run fixture -- --articles N (≥ 10) --replies N --db file:./data/bench.db [--reset]');
  process.exit(2);
}
if (!args.db.startsWith('file:')) {
  console.error('--db must be a file: URL (the fixture tunes file pragmas for the load)');
  process.exit(2);
}
// db/index.ts and lib/env.ts read DATABASE_URL when they are first imported.
process.env.DATABASE_URL = args.db;
const dbFile = args.db.slice('file:'.length).split('?')[0];
if (args.reset) for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) if (existsSync(f)) rmSync(f);

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (msg: string) => console.log(`[fixture ${elapsed().padStart(7)}] ${msg}`);

// ---------------------------------------------------------------------------------------------
// Deterministic random data.

let state = Number(args.seed) >>> 0 || 7;
/** mulberry32: small, fast, deterministic. */
function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
/** Skewed pick: low indexes far more often (a few big tags, prolific commenters). */
const skewed = <T>(list: readonly T[], power = 3): T => list[Math.floor(Math.pow(rand(), power) * list.length)];

const WORDS = (
  'the harbour council city port ferry quay market school library budget mayor street river bridge tide ' +
  'museum theatre players club season match goal league crew race weather storm rain wind summer winter ' +
  'spring autumn festival lantern night music band choir gallery artist painter writer book shop owner ' +
  'family children pupils teacher parents hospital doctor nurse ward patients waiting list clinic health ' +
  'police station officer court judge case trial verdict appeal jury witness evidence report inquiry ' +
  'housing rents homes flats tenants landlord planning application committee vote councillor ward ' +
  'election candidates campaign poll voters turnout result party leader minister government funding ' +
  'grant project plan scheme works road traffic buses trains station parking charges cyclists lane ' +
  'jobs wages workers union strike talks deal pay offer business company profits sales shares investors ' +
  'factory plant assembly wind energy power offshore turbines engineers contract years months weeks ' +
  'days morning evening afternoon residents neighbours community volunteers charity donations appeal ' +
  'record crowd fans stadium pitch coach manager squad injury victory defeat draw points table ' +
  'history heritage mill building restoration roof survey classrooms repairs cost estimate million ' +
  'thousand hundred percent rise fall increase decrease figures data study research university students ' +
  'professor scientists water beach cove swimming warning lifted tests samples quality environment ' +
  'green park trees garden allotment food cafe restaurant pub landlady brewery bakery fishing boats ' +
  'catch fleet harbourmaster pilot cargo ship container crane dock warehouse trade exports imports ' +
  'old new first last next early late long short big small local national regional public private ' +
  'said told asked agreed warned announced confirmed expected planned opened closed reopened returned ' +
  'moved rebuilt approved rejected delayed cancelled launched won lost scored signed joined left ' +
  'across after before during between over under along around through towards without within ' +
  'people visitors tourists shoppers drivers passengers commuters staff members officials experts'
).split(' ');
const NAMES_FIRST =
  'Ada Ben Cara Dev Ella Femi Gus Hana Ivo Jude Kit Lena Milo Nia Owen Pia Quin Rosa Sami Tess Umar Vera Wes Xena Yusuf Zoe Amir Beth Cole Dana Eli Fran Gil Hugo Iris Joel Kira Leo Maya Ned'.split(
    ' ',
  );
const NAMES_LAST =
  'Abbott Barker Chen Doyle Evans Fraser Gupta Hughes Ibrahim Jones Kaur Lowe Morgan Nash Okafor Patel Quinn Reid Singh Turner Usman Vance Walsh Young Zielinski Ahmed Brennan Costa Dunn Ellis Flynn Grant Hale Irwin Kemp Lane Moss Nolan Price Rowe'.split(
    ' ',
  );
/** Words the bench searches for: one rare (a handful of articles), one common, one that never occurs. */
export const RARE_WORD = 'zeppelinfjord';

const sentence = (min: number, max: number) => {
  const n = int(min, max);
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(pick(WORDS));
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + '.';
};
const paragraph = (sentences: number) => Array.from({ length: sentences }, () => sentence(6, 18)).join(' ');
const titleCase = (s: string) => s.replace(/\b\w/g, (c) => c.toUpperCase());

/** A Markdown body and its plain text (what articleBodyText gives for these constructs). */
function articleBody(long: boolean, rare: boolean): { body: string; text: string } {
  const md: string[] = [];
  const plain: string[] = [];
  const paras = long ? int(12, 24) : int(3, 6);
  for (let i = 0; i < paras; i++) {
    if (long && i > 0 && i % 5 === 0) {
      const h = titleCase(sentence(2, 5).slice(0, -1));
      md.push(`## ${h}`);
      plain.push(h);
    }
    let p = paragraph(int(2, 5));
    if (rare && i === 1) p += ` The ${RARE_WORD} came up again.`;
    if (i === 2 && rand() < 0.5) {
      // Some emphasis and a link, as reporters write.
      const words = p.split(' ');
      const at = int(1, Math.max(1, words.length - 3));
      const phrase = words.slice(at, at + 2).join(' ');
      md.push([...words.slice(0, at), `**${phrase}**`, ...words.slice(at + 2)].join(' ') + ` [More](https://example.org/${i}).`);
      plain.push(p + ' More.');
      continue;
    }
    md.push(p);
    plain.push(p);
  }
  return { body: md.join('\n\n'), text: plain.join('\n\n') };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { db, client } = await import('@/db');
  const { migrateDatabase } = await import('@/db/migrate');
  const { insertDemoStaff } = await import('@/db/seed');
  const { demoSections } = await import('@/db/seed/content');
  const { slugify } = await import('@/lib/slug');

  log(`creating ${args.db} through the migrations`);
  await migrateDatabase(db);
  const existing = await client.execute('SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM users) AS n');
  if (Number(existing.rows[0].n) > 0) {
    console.error(`${args.db} already has content; run with --reset to start again.`);
    process.exit(1);
  }

  await client.execute('PRAGMA synchronous = OFF');
  await client.execute('PRAGMA foreign_keys = OFF');
  await client.execute('PRAGMA cache_size = -262144'); // 256 MB
  await client.execute('PRAGMA temp_store = MEMORY');

  // Drop the search triggers that fire on inserts and the replies' secondary indexes; both come back at the end.
  const migration0004 = readFileSync(fileURLToPath(new URL('../db/migrations/0004_search_index.sql', import.meta.url)), 'utf8');
  const insertTriggers = ['articles_search_ai', 'article_authors_search_ai', 'article_tags_search_ai'];
  const triggerSql = new Map<string, string>();
  for (const stmt of migration0004.split('--> statement-breakpoint')) {
    const m = stmt.match(/CREATE TRIGGER `([a-z_]+)`/);
    if (m && insertTriggers.includes(m[1])) triggerSql.set(m[1], stmt.trim());
  }
  if (triggerSql.size !== insertTriggers.length) throw new Error('could not find the search triggers in migration 0004');
  const backfill = migration0004.split('--> statement-breakpoint').find((s) => s.includes('INSERT INTO article_search') && !s.includes('CREATE TRIGGER'));
  if (!backfill) throw new Error('could not find the search backfill in migration 0004');
  const replyIndexes = (await client.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'replies' AND sql IS NOT NULL")).rows.map(
    (r) => ({ name: String(r.name), sql: String(r.sql) }),
  );
  await client.batch([...insertTriggers.map((t) => `DROP TRIGGER ${t}`), ...replyIndexes.map((i) => `DROP INDEX ${i.name}`)], 'write');

  /** Multi-row INSERTs, `perStatement` rows each, `statementsPerBatch` statements per transaction. */
  async function insertRows(
    table: string,
    columns: string[],
    rows: AsyncIterable<unknown[]> | Iterable<unknown[]>,
    perStatement = Math.floor(30000 / columns.length),
  ) {
    const placeholder = `(${columns.map(() => '?').join(',')})`;
    const head = `INSERT INTO ${table} (${columns.join(',')}) VALUES `;
    let pending: { sql: string; args: never[] }[] = [];
    let chunk: unknown[] = [];
    let inChunk = 0;
    let total = 0;
    const flushChunk = () => {
      if (inChunk === 0) return;
      pending.push({ sql: head + Array(inChunk).fill(placeholder).join(','), args: chunk as never[] });
      chunk = [];
      inChunk = 0;
    };
    const flushBatch = async () => {
      flushChunk();
      if (pending.length) await client.batch(pending, 'write');
      pending = [];
    };
    for await (const row of rows) {
      for (const v of row) chunk.push(v);
      inChunk++;
      total++;
      if (inChunk === perStatement) flushChunk();
      if (pending.length >= 8) await flushBatch();
    }
    await flushBatch();
    return total;
  }

  const now = Date.now();
  const DAY = 86_400_000;

  // Sections: the demo's five plus more desks.
  const extraSections = ['Opinion', 'Education', 'Health', 'Science', 'Travel', 'Food', 'Environment'];
  const sectionRows = [...demoSections.map((s) => [s.slug, s.name, s.description]), ...extraSections.map((n) => [slugify(n), n, `${n} from Harbourton.`])];
  await insertRows(
    'sections',
    ['slug', 'name', 'description', 'position'],
    sectionRows.map((s, i) => [...s, i]),
  );
  const sectionIds = sectionRows.map((_, i) => i + 1);

  // Tags: about 2,000, unique slugs.
  const tagNames = new Set<string>();
  while (tagNames.size < 2000) tagNames.add(titleCase(rand() < 0.3 ? pick(WORDS) : `${pick(WORDS)} ${pick(WORDS)}`));
  const tagList = [...tagNames];
  const tagSlugs = new Set<string>();
  const tagRows: unknown[][] = [];
  for (const name of tagList) {
    const slug = slugify(name);
    if (tagSlugs.has(slug)) continue;
    tagSlugs.add(slug);
    tagRows.push([slug, name]);
  }
  await insertRows('tags', ['slug', 'name'], tagRows);
  const tagIds = tagRows.map((_, i) => i + 1);
  log(`${sectionRows.length} sections, ${tagRows.length} tags`);

  // Staff: the demo accounts (they can sign in) and ~200 authors without a password.
  const demo = await insertDemoStaff(db, undefined, now);
  const staffRows: unknown[][] = [];
  const staffSlugs = new Set(demo.map((d) => d.slug));
  for (let i = 0; staffRows.length < 200; i++) {
    const name = `${pick(NAMES_FIRST)} ${pick(NAMES_LAST)}`;
    let slug = slugify(name);
    if (staffSlugs.has(slug)) slug = `${slug}-${i}`;
    staffSlugs.add(slug);
    staffRows.push([`${slug}@staff.example.com`, name, slug, 'author', null, `${name} reports for Broadsheet.`]);
  }
  await insertRows('users', ['email', 'name', 'slug', 'role', 'password_hash', 'bio'], staffRows);
  const authorIds = (await client.execute("SELECT id FROM users WHERE role IN ('author', 'editor', 'admin') ORDER BY id")).rows.map((r) => Number(r.id));
  log(`${demo.length} demo staff (password broadsheet-demo) and ${staffRows.length} authors`);

  // Articles: ids in publication order, spread over ten years up to an hour ago; a few drafts,
  // articles in review and scheduled ones. 80% short bodies, 20% long.
  const span = 10 * 365 * DAY;
  const articleStatus: string[] = new Array(ARTICLES + 1);
  const articlePublished: number[] = new Array(ARTICLES + 1);
  const rareEvery = Math.max(1, Math.floor(ARTICLES / 6));
  function* articleRows() {
    for (let id = 1; id <= ARTICLES; id++) {
      const roll = rand();
      const status =
        id > ARTICLES - 50 && roll < 0.4 ? 'scheduled' : roll < 0.02 ? 'draft' : roll < 0.03 ? 'review' : roll < 0.035 ? 'unpublished' : 'published';
      const publishedAt =
        status === 'scheduled' ? now + int(1, 30) * DAY : now - 3_600_000 - Math.floor(((ARTICLES - id) / ARTICLES) * span) - int(0, 3_600_000);
      articleStatus[id] = status;
      articlePublished[id] = publishedAt;
      const title = titleCase(sentence(5, 11).slice(0, -1));
      const slug = `${slugify(title).slice(0, 60).replace(/-+$/, '')}-${id}`;
      const { body, text } = articleBody(rand() < 0.2, id % rareEvery === 0);
      const updated = rand() < 0.1 ? publishedAt + int(1, 48) * 3_600_000 : null;
      yield [
        id,
        slug,
        title,
        sentence(14, 30),
        body,
        text,
        pick(sectionIds),
        status,
        status === 'draft' || status === 'review' ? null : publishedAt,
        status === 'published' ? updated : null,
        rand() < 0.95 ? 1 : 0,
        pick(authorIds),
        publishedAt - 4 * 3_600_000,
        updated ?? publishedAt,
      ];
    }
  }
  const articleCols = [
    'id',
    'slug',
    'title',
    'standfirst',
    'body',
    'body_text',
    'section_id',
    'status',
    'published_at',
    'content_updated_at',
    'comments_open',
    'created_by_id',
    'created_at',
    'updated_at',
  ];
  const articleGen = articleRows();
  let done = 0;
  for (let from = 0; from < ARTICLES; from += 10_000) {
    // In slices, so progress shows; the generator keeps going where it stopped.
    done += await insertRows('articles', articleCols, take(articleGen, 0, Math.min(10_000, ARTICLES - from)), 200);
    log(`articles ${done.toLocaleString('en')} / ${ARTICLES.toLocaleString('en')}`);
  }

  // Bylines (one, sometimes two) and tags (two to five, a few tags far more used than others).
  const links = { authors: 0, tags: 0 };
  links.authors = await insertRows(
    'article_authors',
    ['article_id', 'user_id', 'position'],
    (function* () {
      for (let id = 1; id <= ARTICLES; id++) {
        const first = skewed(authorIds, 2);
        yield [id, first, 0];
        if (rand() < 0.15) {
          const second = pick(authorIds);
          if (second !== first) yield [id, second, 1];
        }
      }
    })(),
  );
  links.tags = await insertRows(
    'article_tags',
    ['article_id', 'tag_id'],
    (function* () {
      for (let id = 1; id <= ARTICLES; id++) {
        const chosen = new Set<number>();
        const n = int(2, 5);
        while (chosen.size < n) chosen.add(skewed(tagIds, 2.5));
        for (const t of chosen) yield [id, t];
      }
    })(),
  );
  log(`${links.authors.toLocaleString('en')} bylines, ${links.tags.toLocaleString('en')} article tags`);

  // Replies. A few articles (the newest published ones with comments) get 2,000-2,400 replies each;
  // the rest are spread with a skew over published articles. Parents are earlier approved replies of
  // the same article (depth ≤ 5). Exactly PENDING replies are pending, spread over the last 60 days.
  const published = [];
  for (let id = 1; id <= ARTICLES; id++) if (articleStatus[id] === 'published') published.push(id);
  const BIG = Math.min(published.length, REPLIES >= 500_000 ? 20 : Math.max(1, Math.floor(REPLIES / 50_000)));
  const bigArticles = published.slice(-BIG - 5, -5); // not the very newest: those are the front page
  const bigReplies = REPLIES >= 2_000 * BIG ? BIG * 2_200 : 0;
  const PENDING = Math.min(100_000, Math.floor(REPLIES / 10));
  const commenters = Array.from({ length: 150_000 }, (_, i) => ({
    name: `${pick(NAMES_FIRST)} ${pick(NAMES_LAST)}`,
    email: `reader${i}@mail.example.net`,
    ip: `h${Math.floor(rand() * 1e12).toString(36)}`,
  }));
  const counts = { pending: 0, approved: 0, spam: 0, trash: 0 };

  // Reply counts per article: big ones first, then the rest spread over the published articles.
  const plan: { articleId: number; n: number }[] = [];
  for (const a of bigArticles) plan.push({ articleId: a, n: bigReplies ? 2_200 : 0 });
  let left = REPLIES - bigReplies;
  const perArticle = new Map<number, number>();
  while (left > 0) {
    const a = skewed(published, 1.6);
    if (bigArticles.includes(a)) continue;
    const n = Math.min(left, int(1, 20));
    perArticle.set(a, (perArticle.get(a) ?? 0) + n);
    left -= n;
  }
  for (const [articleId, n] of [...perArticle].sort((x, y) => x[0] - y[0])) plan.push({ articleId, n });
  // Which replies are pending: chosen so that exactly PENDING are, spread over every article.
  let pendingLeft = PENDING;
  let repliesLeft = REPLIES;

  let replyId = 0;
  function* replyRows() {
    for (const { articleId, n } of plan) {
      const approvedAt: { id: number; depth: number }[] = [];
      const start = Math.max(articlePublished[articleId], now - 365 * DAY);
      const end = now - 60_000;
      for (let i = 0; i < n; i++) {
        replyId++;
        const p = pendingLeft / repliesLeft;
        repliesLeft--;
        const roll = rand();
        const status = roll < p ? 'pending' : roll < p + 0.05 ? 'spam' : roll < p + 0.08 ? 'trash' : 'approved';
        if (status === 'pending') pendingLeft--;
        counts[status]++;
        // Pending replies are recent (the queue is worked); the others are spread after publication.
        const createdAt =
          status === 'pending' ? end - Math.floor(rand() * 60 * DAY) : start + Math.floor(((i + rand()) / n) * Math.max(1, end - start - 60 * DAY));
        let parent: { id: number; depth: number } | null = null;
        if (approvedAt.length && rand() < 0.5) {
          parent = approvedAt[approvedAt.length - 1 - Math.floor(Math.pow(rand(), 2) * Math.min(approvedAt.length, 50))];
          if (parent.depth >= 5) parent = null;
        }
        const depth = parent ? parent.depth + 1 : 1;
        const who = skewed(commenters, 2);
        const spam = status === 'spam';
        const body = spam
          ? `Cheap ${pick(WORDS)} guaranteed! Visit https://spam.example.com/${replyId} now.`
          : Array.from({ length: int(1, 4) }, () => sentence(5, 22)).join(rand() < 0.3 ? '\n\n' : ' ');
        const reason =
          status === 'approved' || status === 'trash'
            ? null
            : JSON.stringify(
                spam ? { rule: 'disallowed-word', match: 'cheap', field: 'body' } : { rule: 'first-reply', detail: 'First comment from this email address.' },
              );
        if (status === 'approved') approvedAt.push({ id: replyId, depth });
        yield [
          replyId,
          articleId,
          parent?.id ?? null,
          depth,
          who.name,
          who.email,
          rand() < 0.1 ? `https://${who.email.split('@')[0]}.example.org/` : null,
          body,
          status,
          reason,
          who.ip,
          'Mozilla/5.0 (fixture)',
          createdAt,
          status === 'approved' ? null : createdAt,
        ];
      }
    }
  }
  const replyCols = [
    'id',
    'article_id',
    'parent_id',
    'depth',
    'author_name',
    'author_email',
    'author_url',
    'body',
    'status',
    'status_reason',
    'ip_hash',
    'user_agent',
    'created_at',
    'status_changed_at',
  ];
  const replyGen = replyRows();
  done = 0;
  for (let from = 0; from < REPLIES; from += 100_000) {
    done += await insertRows('replies', replyCols, take(replyGen, 0, Math.min(100_000, REPLIES - from)), 500);
    log(`replies ${done.toLocaleString('en')} / ${REPLIES.toLocaleString('en')}`);
  }
  log(`replies by status: ${JSON.stringify(counts)}; ${BIG} articles with 2,200 replies (ids ${bigArticles[0]}…${bigArticles.at(-1)})`);

  log(`recreating ${replyIndexes.length} reply indexes`);
  for (const i of replyIndexes) await client.execute(i.sql);
  log('filling the search index (migration 0004 backfill) and recreating its triggers');
  await client.execute(backfill.trim());
  for (const t of insertTriggers) await client.execute(triggerSql.get(t)!);
  await client.execute("INSERT INTO article_search(article_search) VALUES ('optimize')");
  // Marks the database as seeded so db-prepare never adds the demo content on top.
  await client.execute({ sql: "INSERT INTO settings (key, value) VALUES ('seeded_at', ?)", args: [JSON.stringify(new Date(now).toISOString())] });
  await client.execute('ANALYZE');
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  const size = (await client.execute('SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()')).rows[0].bytes;
  log(`done: ${ARTICLES.toLocaleString('en')} articles, ${REPLIES.toLocaleString('en')} replies, ${(Number(size) / 1e6).toFixed(0)} MB in ${elapsed()}`);
  console.log(`bench facts: big article ids ${bigArticles.join(',')}; rare word "${RARE_WORD}"`);
  client.close();
}

/** Up to `count` items from a shared iterator, after skipping `skip`. */
function* take<T>(it: Iterator<T> | Iterable<T>, skip: number, count: number): Generator<T> {
  const iter = Symbol.iterator in (it as object) ? (it as Iterable<T>)[Symbol.iterator]() : (it as Iterator<T>);
  for (let i = 0; i < skip; i++) if (iter.next().done) return;
  for (let i = 0; i < count; i++) {
    const n = iter.next();
    if (n.done) return;
    yield n.value;
  }
}

main().catch((err) => {
  console.error('[fixture] failed:', err);
  process.exit(1);
});
