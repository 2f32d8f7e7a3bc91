import 'server-only';
import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { cacheTags } from '@/lib/cache-tags';
import { isLocalFileDatabase } from '@/lib/env';
import { absoluteAddress, imageSources, originalOf, rewriteImageSources } from '@/lib/import/media';
import type { ImportedAuthor, ImportedImage, ImportedPage, ImportedPost, ImportedTermAddresses } from '@/lib/import/types';
import { MAX_REPLY_DEPTH } from '@/lib/import/wxr';
import { mediaUrl } from '@/lib/uploads';
import { isUsableLegacyPath, normaliseLegacyPath } from '@/lib/redirects/registry';
import { pageSlugProblem } from '@/lib/pages/slug';
import { articleBodyText } from '@/lib/search/body-text';
import { slugify } from '@/lib/slug';
import type { WxrImportKind } from '../enums';
import { client, db } from '../index';
import { articleAuthors, articles, articleTags, legacyRedirects, pageRevisions, pages, replies, revisions, sections, tags, users, wxrImports } from '../schema';
import type { MediaImporter } from './import-media';

// Source-neutral storage for imports (WordPress today, Ghost next): posts, pages, comments, authors
// and old addresses, each found again by (site, kind, sourceId) in wxr_imports on a re-run.

export type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];
type Db = typeof db | Tx;

export type Counts = { created: number; updated: number; unchanged: number };

export type ImportReport = {
  site: string;
  items: number;
  posts: Counts;
  pages: Counts;
  comments: { created: number; updated: number };
  authorsCreated: number;
  sectionsCreated: number;
  /** Old addresses kept as 301s (rows written this run). */
  redirects: number;
  media: { broughtHome: number; alreadyHome: number; failed: number; failures: { url: string; reason: string }[] };
  coversSet: number;
  /** Shortcode (or card) name → how many times a converter removed it. */
  removedShortcodes: Map<string, number>;
  /** Reason → how many posts were left out for it. */
  skippedPosts: Map<string, number>;
  skippedComments: Map<string, number>;
  /** Things worth knowing that did not stop anything (a comment whose parent is missing, …). */
  notes: Map<string, number>;
  /** Cache tags of every page the import changed, for the running server. */
  touched: Set<string>;
  /** Set when a stop was asked for (Ctrl-C): items done of all. */
  stopped: { done: number; total: number } | null;
};

export function newReport(items = 0): ImportReport {
  return {
    site: 'unknown',
    items,
    posts: { created: 0, updated: 0, unchanged: 0 },
    pages: { created: 0, updated: 0, unchanged: 0 },
    comments: { created: 0, updated: 0 },
    authorsCreated: 0,
    sectionsCreated: 0,
    redirects: 0,
    media: { broughtHome: 0, alreadyHome: 0, failed: 0, failures: [] },
    coversSet: 0,
    removedShortcodes: new Map(),
    skippedPosts: new Map(),
    skippedComments: new Map(),
    notes: new Map(),
    touched: new Set(),
    stopped: null,
  };
}

export const count = (map: Map<string, number>, key: string, n = 1) => map.set(key, (map.get(key) ?? 0) + n);

/** What every store call needs: the site ids are unique under, the report, "now", and the source's name for notes. */
export type ImportContext = {
  report: ImportReport;
  now: Date;
  /** "WordPress", "Ghost": written into revision notes. */
  source: string;
  /** The export's authors by key (login), for names and emails. */
  authors: Map<string, ImportedAuthor>;
  /**
   * Rows found or made earlier in this run, so each post does not look them up again. Cleared when a
   * transaction fails (what it made is gone).
   */
  cache: { authors: Map<string, { id: number; slug: string }>; sections: Map<string, number>; tags: Map<string, number> };
};

export function newContext(report: ImportReport, source: string, authors: Map<string, ImportedAuthor>, now = new Date()): ImportContext {
  return { report, now, source, authors, cache: { authors: new Map(), sections: new Map(), tags: new Map() } };
}

export function forgetCached(ctx: ImportContext) {
  ctx.cache.authors.clear();
  ctx.cache.sections.clear();
  ctx.cache.tags.clear();
}

/**
 * Runs one item's writes in a transaction. A failure is counted against the item and the run goes on
 * (the cache of rows made in this run is cleared: what the transaction made is gone).
 */
export async function storeInTransaction(ctx: ImportContext, work: (tx: Tx) => Promise<unknown>): Promise<void> {
  try {
    // One transaction per item, so a commit must not wait for the disk: on a local file, the connection
    // the transaction is about to take (the pool hands back the one just used) commits without fsync.
    // WAL keeps the file consistent; a power cut could lose the last few items, and a re-run brings them.
    if (isLocalFileDatabase()) await client.execute('PRAGMA synchronous = NORMAL');
    await db.transaction(work);
  } catch (err) {
    forgetCached(ctx);
    count(ctx.report.skippedPosts, `could not be stored (${err instanceof Error ? err.message.split('\n')[0].slice(0, 120) : String(err)})`);
  }
}

/** Copies the media importer's counts into the report (call at the end, or before printing). */
export function reportMedia(report: ImportReport, importer: MediaImporter) {
  report.media = { ...importer.stats, failures: importer.failures };
}

// ---------------------------------------------------------------------------------------------
// Media

/** A body and a cover with their images brought home (or at their old addresses when that failed). */
export type HomeMedia = { body: string; cover: { path: string; alt: string; caption: string } | null };

/**
 * Brings a body's images and a cover home, outside any transaction (fetching takes time). `base`
 * resolves relative addresses; `isKnown` says whether an address is one of the export's attachments,
 * so a resized copy ("a-300x200.jpg") is fetched as its original.
 */
export async function bringMediaHome(
  importer: MediaImporter,
  item: { body: string; bodyFormat: string; cover?: ImportedImage | null },
  base: string | null,
  isKnown: (url: string) => boolean = () => false,
): Promise<HomeMedia> {
  const sources = item.bodyFormat === 'html' ? imageSources(item.body, base) : [];
  const coverUrl = item.cover ? absoluteAddress(item.cover.url, base) : null;
  const [bodyOutcomes, coverOutcome] = await Promise.all([
    Promise.all(sources.map((src) => importer.bring(originalOf(src, isKnown)))),
    coverUrl ? importer.bring(coverUrl) : Promise.resolve(null),
  ]);
  const moved = new Map<string, string>();
  sources.forEach((src, i) => {
    const outcome = bodyOutcomes[i];
    if (outcome.ok) moved.set(src, mediaUrl(outcome.path));
  });
  return {
    body: rewriteImageSources(item.body, base, moved),
    cover: coverOutcome?.ok && item.cover ? { path: coverOutcome.path, alt: item.cover.alt, caption: item.cover.caption } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Ids of earlier imports

export async function mappedId(tx: Db, site: string, kind: WxrImportKind, sourceId: string): Promise<number | null> {
  const [row] = await tx
    .select({ localId: wxrImports.localId })
    .from(wxrImports)
    .where(and(eq(wxrImports.site, site), eq(wxrImports.kind, kind), eq(wxrImports.sourceId, sourceId)))
    .limit(1);
  return row?.localId ?? null;
}

export async function remember(tx: Db, site: string, kind: WxrImportKind, sourceId: string, localId: number) {
  await tx
    .insert(wxrImports)
    .values({ site, kind, sourceId, localId })
    .onConflictDoUpdate({ target: [wxrImports.site, wxrImports.kind, wxrImports.sourceId], set: { localId } });
}

const MAX_SLUG = 80;
const MAX_SLUG_TRIES = 1000;

/**
 * A slug not taken in `table`: base, else base-2, base-3, … (an index range, not a LIKE scan), each at
 * most 80 characters (the editors' limit: the base is cut to make room for the number); `refused`
 * slugs count as taken. Gives up after a thousand tries rather than loop.
 */
async function freeSlug(tx: Tx, table: typeof articles | typeof users | typeof pages, slug: string, refused: (slug: string) => boolean = () => false) {
  const base = slug.slice(0, MAX_SLUG).replace(/-+$/, '');
  const numbered = (n: number) => `${base.slice(0, MAX_SLUG - String(n).length - 1).replace(/-+$/, '')}-${n}`;
  // Numbered variants of a base cut short start with the cut base: look from there.
  const stem = numbered(MAX_SLUG_TRIES).replace(/-\d+$/, '');
  const taken = new Set(
    (
      await tx
        .select({ slug: table.slug })
        .from(table)
        // "base-" up to "base." covers every "base-…" ('.' follows '-').
        .where(
          or(eq(table.slug, base), and(gte(table.slug, `${stem}-`), lt(table.slug, `${stem}.`)), and(gte(table.slug, `${base}-`), lt(table.slug, `${base}.`))),
        )
    ).map((r) => r.slug),
  );
  if (!taken.has(base) && !refused(base)) return base;
  for (let n = 2; n <= MAX_SLUG_TRIES; n++) if (!taken.has(numbered(n)) && !refused(numbered(n))) return numbered(n);
  throw new Error(`no free address for "${base}" after ${MAX_SLUG_TRIES} tries`);
}

// ---------------------------------------------------------------------------------------------
// Authors, sections

/** The staff author for a source's author key: the one imported before, else one with the same email, else a new author who cannot sign in. */
export async function resolveAuthor(tx: Tx, ctx: ImportContext, key: string) {
  const cached = ctx.cache.authors.get(key);
  if (cached) return cached;
  const user = await findOrCreateAuthor(tx, ctx, key);
  ctx.cache.authors.set(key, user);
  return user;
}

async function findOrCreateAuthor(tx: Tx, ctx: ImportContext, key: string) {
  const { report } = ctx;
  const known = ctx.authors.get(key);
  const mapped = await mappedId(tx, report.site, 'author', key);
  if (mapped !== null) {
    const [user] = await tx.select({ id: users.id, slug: users.slug }).from(users).where(eq(users.id, mapped)).limit(1);
    if (user) return user;
  }
  const email = known?.email.trim().toLowerCase() || null;
  if (email) {
    const [user] = await tx.select({ id: users.id, slug: users.slug }).from(users).where(eq(users.email, email)).limit(1);
    if (user) {
      await remember(tx, report.site, 'author', key, user.id);
      return user;
    }
  }
  const name = (known?.displayName || key).replace(/\s+/g, ' ').trim().slice(0, 100) || key;
  const slug = await freeSlug(tx, users, slugify(known?.slug ?? '') || slugify(name) || slugify(key) || 'author');
  const [user] = await tx
    .insert(users)
    // No password: an imported byline is a public author profile until an admin gives it an account.
    .values({ name, slug, email: email ?? `${slug}@authors.invalid`, role: 'author', passwordHash: null })
    .returning({ id: users.id, slug: users.slug });
  await remember(tx, report.site, 'author', key, user.id);
  report.authorsCreated++;
  return user;
}

async function resolveSection(tx: Tx, ctx: ImportContext, section: { slug: string; name: string }) {
  const { report } = ctx;
  const cached = ctx.cache.sections.get(section.slug);
  if (cached !== undefined) return cached;
  const id = await findOrCreateSection(tx, report, section);
  ctx.cache.sections.set(section.slug, id);
  return id;
}

async function findOrCreateSection(tx: Tx, report: ImportReport, section: { slug: string; name: string }) {
  const [existing] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, section.slug)).limit(1);
  if (existing) return existing.id;
  const [created] = await tx
    .insert(sections)
    .values({ ...section, position: sql`(select coalesce(max(${sections.position}), -1) + 1 from ${sections})` })
    .returning({ id: sections.id });
  report.sectionsCreated++;
  report.touched.add(cacheTags.sections);
  return created.id;
}

/** Tag ids by slug, creating the tags that do not exist yet. */
async function resolveTags(tx: Tx, ctx: ImportContext, wanted: { slug: string; name: string }[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const missing = wanted.filter((t) => {
    const id = ctx.cache.tags.get(t.slug);
    if (id !== undefined) ids.set(t.slug, id);
    return id === undefined;
  });
  if (missing.length) {
    await tx.insert(tags).values(missing).onConflictDoNothing({ target: tags.slug });
    const rows = await tx
      .select({ id: tags.id, slug: tags.slug })
      .from(tags)
      .where(
        inArray(
          tags.slug,
          missing.map((t) => t.slug),
        ),
      );
    for (const r of rows) {
      ids.set(r.slug, r.id);
      ctx.cache.tags.set(r.slug, r.id);
    }
  }
  return ids;
}

async function sectionSlug(tx: Tx, id: number) {
  const [row] = await tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, id)).limit(1);
  return row?.slug ?? null;
}

// ---------------------------------------------------------------------------------------------
// Old addresses

type Target = { articleId: number } | { pageId: number } | { sectionId: number } | { tagId: number } | { authorId: number };
const NO_TARGET = { articleId: null, pageId: null, sectionId: null, tagId: null, authorId: null };

/**
 * Keeps old addresses as legacy_redirects rows pointing at `target` (a row, so they follow its slug).
 * Keys are decoded paths without a trailing slash, query addresses as "/?p=123"; one that would hide one
 * of this site's own addresses is left out (and noted).
 */
export async function storeOldAddresses(tx: Db, report: ImportReport, target: Target, paths: { path: string; feed?: boolean }[]): Promise<number> {
  const rows = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const oldPath = p.path.startsWith('/?') ? p.path : normaliseLegacyPath(p.path);
    if (seen.has(oldPath)) continue;
    seen.add(oldPath);
    if (!isUsableLegacyPath(oldPath)) {
      count(report.notes, 'old addresses not kept (they would hide one of this site’s own addresses)');
      continue;
    }
    rows.push({ oldPath, ...NO_TARGET, ...target, feed: p.feed ?? false });
  }
  if (!rows.length) return 0;
  await tx
    .insert(legacyRedirects)
    .values(rows)
    .onConflictDoUpdate({
      target: legacyRedirects.oldPath,
      set: {
        articleId: sql`excluded.article_id`,
        pageId: sql`excluded.page_id`,
        sectionId: sql`excluded.section_id`,
        tagId: sql`excluded.tag_id`,
        authorId: sql`excluded.author_id`,
        feed: sql`excluded.feed`,
      },
    });
  report.redirects += rows.length;
  return rows.length;
}

/** Old category and tag addresses: each points at our section of that slug (or the tag it became). */
export async function storeTermAddresses(report: ImportReport, terms: ImportedTermAddresses[]) {
  const slugs = [...new Set(terms.map((t) => t.slug))];
  const sectionIds = new Map<string, number>();
  const tagIds = new Map<string, number>();
  for (let i = 0; i < slugs.length; i += 500) {
    const chunk = slugs.slice(i, i + 500);
    for (const r of await db.select({ id: sections.id, slug: sections.slug }).from(sections).where(inArray(sections.slug, chunk))) sectionIds.set(r.slug, r.id);
    for (const r of await db.select({ id: tags.id, slug: tags.slug }).from(tags).where(inArray(tags.slug, chunk))) tagIds.set(r.slug, r.id);
  }
  await db.transaction(async (tx) => {
    for (const term of terms) {
      const sectionId = sectionIds.get(term.slug);
      const tagId = tagIds.get(term.slug);
      const target: Target | null =
        term.prefer === 'section' ? (sectionId ? { sectionId } : tagId ? { tagId } : null) : tagId ? { tagId } : sectionId ? { sectionId } : null;
      if (!target) {
        count(report.notes, 'categories and tags no imported post uses (their old addresses are not kept)');
        continue;
      }
      await storeOldAddresses(tx, report, target, term.oldPaths);
    }
  });
}

/** Old author archive addresses, for the authors this site has a profile for (those with imported posts). */
export async function storeAuthorAddresses(report: ImportReport, authors: ImportedAuthor[]) {
  await db.transaction(async (tx) => {
    for (const author of authors) {
      if (!author.oldPaths?.length) continue;
      const userId = await mappedId(tx, report.site, 'author', author.key);
      if (userId === null) continue;
      await storeOldAddresses(tx, report, { authorId: userId }, author.oldPaths);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Posts

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Stores one post with its comments (call inside a transaction). A post seen before is updated; one
 * whose every field and comment is as stored is left alone (a re-run after a stop skips it quickly).
 */
export async function storePost(tx: Tx, ctx: ImportContext, post: ImportedPost, home: HomeMedia) {
  const { report, now } = ctx;
  const site = report.site;
  for (const name of post.removedShortcodes ?? []) count(report.removedShortcodes, name);
  const existingId = await mappedId(tx, site, 'post', post.sourceId);
  const before = existingId === null ? null : ((await tx.select().from(articles).where(eq(articles.id, existingId)).limit(1))[0] ?? null);
  if (existingId !== null && !before) {
    count(report.skippedPosts, 'deleted here since an earlier import');
    return;
  }

  const author = post.creator ? await resolveAuthor(tx, ctx, post.creator) : null;
  // Further bylines (Ghost has several authors per post), in order, each once.
  const coAuthors: { id: number; slug: string }[] = [];
  for (const key of post.coAuthors ?? []) {
    const user = await resolveAuthor(tx, ctx, key);
    if (user.id !== author?.id && !coAuthors.some((u) => u.id === user.id)) coAuthors.push(user);
  }
  const bylines = author ? [author, ...coAuthors] : [];
  if (!author) count(report.notes, 'posts with no author (no byline)');
  if (post.creator && !ctx.authors.has(post.creator)) count(report.notes, 'posts whose author is not in the export’s author list (created from the login)');
  const sectionId = post.section ? await resolveSection(tx, ctx, post.section) : null;

  // A scheduled post with no time cannot be scheduled: it stays a draft.
  const status = post.status === 'scheduled' && !post.publishedAt ? 'draft' : post.status;
  const publishedAt =
    status === 'published' || status === 'unpublished' ? (post.publishedAt ?? before?.publishedAt ?? now) : status === 'scheduled' ? post.publishedAt : null;
  const body = home.body;
  // The cover is set from the featured image when it came home; otherwise the stored one stays.
  const cover = home.cover ? { coverImagePath: home.cover.path, coverAlt: home.cover.alt || null, coverCaption: home.cover.caption || null } : null;
  const values = {
    title: post.title,
    standfirst: post.standfirst,
    body,
    bodyFormat: post.bodyFormat,
    bodyText: articleBodyText(body, post.bodyFormat),
    sectionId,
    status,
    publishedAt,
    ...cover,
    updatedAt: now,
  };
  const tagSlugsWanted = post.tags.map((t) => t.slug);

  let id: number;
  let slug: string;
  let articleChanged = true;
  if (before) {
    id = before.id;
    slug = before.slug;
    const [currentAuthors, currentTags] = await Promise.all([
      tx.select({ userId: articleAuthors.userId }).from(articleAuthors).where(eq(articleAuthors.articleId, id)).orderBy(articleAuthors.position),
      tx.select({ slug: tags.slug }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, id)),
    ]);
    articleChanged = !(
      before.title === values.title &&
      before.standfirst === values.standfirst &&
      before.body === values.body &&
      before.bodyFormat === values.bodyFormat &&
      before.sectionId === values.sectionId &&
      before.status === values.status &&
      sameTime(before.publishedAt, values.publishedAt) &&
      (!cover || (before.coverImagePath === cover.coverImagePath && before.coverAlt === cover.coverAlt && before.coverCaption === cover.coverCaption)) &&
      currentAuthors.map((a) => a.userId).join() === bylines.map((a) => a.id).join() &&
      [...currentTags.map((t) => t.slug)].sort().join() === [...new Set(tagSlugsWanted)].sort().join()
    );
    if (articleChanged) {
      // A new version: an editor's form opened before the import is refused rather than saved over it,
      // and pending changes typed over the old text are dropped (they stay in the revisions).
      await tx
        .update(articles)
        .set({ ...values, version: sql`${articles.version} + 1`, pendingRevisionId: null, pendingPublishAt: null })
        .where(eq(articles.id, id));
      await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, id));
      await tx.delete(articleTags).where(eq(articleTags.articleId, id));
      // The section it leaves lists it no more.
      const oldSectionSlug = before.sectionId !== null && before.sectionId !== sectionId ? await sectionSlug(tx, before.sectionId) : null;
      if (oldSectionSlug) report.touched.add(cacheTags.section(oldSectionSlug));
    }
  } else {
    slug = await freeSlug(tx, articles, post.slug);
    const [created] = await tx
      .insert(articles)
      .values({ ...values, slug, createdById: author?.id ?? null, createdAt: post.publishedAt ?? now })
      .returning({ id: articles.id });
    id = created.id;
    await remember(tx, site, 'post', post.sourceId, id);
    report.posts.created++;
  }
  if (home.cover && articleChanged && (!before || before.coverImagePath !== home.cover.path)) report.coversSet++;

  let tagSlugs: string[] = [];
  if (articleChanged) {
    if (bylines.length) await tx.insert(articleAuthors).values(bylines.map((a, position) => ({ articleId: id, userId: a.id, position })));
    if (post.tags.length) {
      const tagIds = await resolveTags(tx, ctx, post.tags);
      await tx.insert(articleTags).values([...tagIds.values()].map((tagId) => ({ articleId: id, tagId })));
      tagSlugs = [...tagIds.keys()];
    }
    if (!before || before.title !== post.title || before.body !== body || before.standfirst !== post.standfirst) {
      await tx.insert(revisions).values({
        articleId: id,
        title: post.title,
        standfirst: post.standfirst,
        body,
        meta: { note: before ? `Re-imported from ${ctx.source}` : `Imported from ${ctx.source}`, status, sourceId: post.sourceId },
        createdById: author?.id ?? null,
      });
    }
    const oldPaths = post.oldPaths.filter((p) => normaliseLegacyPath(p) !== `/articles/${slug}`);
    await storeOldAddresses(
      tx,
      report,
      { articleId: id },
      oldPaths.map((path) => ({ path })),
    );
  }

  const commentWrites = await storeComments(tx, report, id, post, !before);
  if (before) {
    if (articleChanged || commentWrites > 0) report.posts.updated++;
    else report.posts.unchanged++;
  }

  if (articleChanged) {
    const section = post.section?.slug ?? null;
    const touched = cacheTags.forArticle({ id, slug, sectionSlugs: section ? [section] : [], tagSlugs, authorSlugs: bylines.map((a) => a.slug) });
    for (const tag of touched) report.touched.add(tag);
  }
}

/**
 * A post's comments, parents before children whatever their order in the file. Threads deeper than
 * the site shows are attached to the deepest reply that can hold them; a reply whose parent is not
 * in the file starts its own thread. A comment stored before is written only when it changed.
 * Returns how many rows it wrote.
 */
async function storeComments(tx: Tx, report: ImportReport, articleId: number, post: ImportedPost, newPost: boolean): Promise<number> {
  for (const s of post.skippedComments) count(report.skippedComments, s.reason);
  if (post.comments.length === 0) return 0;

  const mapped = new Map<string, number>();
  const ids = post.comments.map((c) => c.sourceId);
  // A post stored for the first time has no comments stored before.
  for (let i = 0; i < (newPost ? 0 : ids.length); i += 500) {
    const rows = await tx
      .select({ sourceId: wxrImports.sourceId, localId: wxrImports.localId })
      .from(wxrImports)
      .where(and(eq(wxrImports.site, report.site), eq(wxrImports.kind, 'comment'), inArray(wxrImports.sourceId, ids.slice(i, i + 500))));
    for (const r of rows) mapped.set(r.sourceId, r.localId);
  }
  const existing = new Map<number, typeof replies.$inferSelect>();
  const localIds = [...mapped.values()];
  for (let i = 0; i < localIds.length; i += 500) {
    for (const r of await tx
      .select()
      .from(replies)
      .where(inArray(replies.id, localIds.slice(i, i + 500)))) {
      existing.set(r.id, r);
    }
  }

  let writes = 0;
  const newIds: { sourceId: string; localId: number }[] = [];
  const inFile = new Set(ids);
  // Where each stored reply sits: its id, depth and parent, for its children.
  const placed = new Map<string, { id: number; depth: number; parentId: number | null }>();
  let remaining = post.comments;
  while (remaining.length) {
    const next = remaining.filter(
      (c) => c.parentSourceId !== null && inFile.has(c.parentSourceId) && !placed.has(c.parentSourceId) && c.parentSourceId !== c.sourceId,
    );
    const waiting = new Set(next);
    const ready = remaining.filter((c) => !waiting.has(c));
    // A cycle of parents: break it by placing the rest at the top level.
    const batch = ready.length ? ready : next;
    // One level at a time: every parent of this batch is placed, so its new replies go in together.
    const inserts: { sourceId: string; depth: number; values: typeof replies.$inferInsert }[] = [];
    for (const c of batch) {
      let parent = c.parentSourceId ? placed.get(c.parentSourceId) : undefined;
      if (c.parentSourceId && !parent) count(report.notes, 'comments whose parent is not in the file (shown at the top level)');
      let parentId = parent?.id ?? null;
      if (parent && parent.depth >= MAX_REPLY_DEPTH) {
        parentId = parent.parentId;
        parent = { id: parentId!, depth: parent.depth - 1, parentId: null };
        count(report.notes, `replies deeper than ${MAX_REPLY_DEPTH} levels (attached one level up)`);
      }
      const depth = parent ? parent.depth + 1 : 1;
      const values = {
        articleId,
        parentId,
        depth,
        authorName: c.authorName,
        authorEmail: c.authorEmail,
        authorUrl: c.authorUrl,
        body: c.body,
        status: c.status,
        createdAt: c.createdAt,
        statusChangedAt: new Date(),
      };
      const localId = mapped.get(c.sourceId);
      if (localId === undefined) {
        inserts.push({ sourceId: c.sourceId, depth, values });
        continue;
      }
      const current = existing.get(localId);
      if (!current) {
        count(report.skippedComments, 'deleted here since an earlier import');
        continue;
      }
      const same =
        current.articleId === articleId &&
        current.parentId === parentId &&
        current.depth === depth &&
        current.authorName === c.authorName &&
        current.authorEmail === c.authorEmail &&
        current.authorUrl === c.authorUrl &&
        current.body === c.body &&
        current.status === c.status &&
        sameTime(current.createdAt, c.createdAt);
      if (!same) {
        // The purge clock restarts only when the status changes.
        await tx
          .update(replies)
          .set({ ...values, statusChangedAt: current.status === c.status ? undefined : values.statusChangedAt })
          .where(eq(replies.id, localId));
        report.comments.updated++;
        writes++;
      }
      placed.set(c.sourceId, { id: localId, depth, parentId });
    }
    for (let i = 0; i < inserts.length; i += 100) {
      const chunk = inserts.slice(i, i + 100);
      const rows = await tx
        .insert(replies)
        .values(chunk.map((n) => n.values))
        .returning({ id: replies.id });
      // Ids are handed out in the order of the VALUES (one writer, autoincrement); RETURNING's own
      // order is not promised, so they are sorted.
      const ids = rows.map((r) => r.id).sort((a, b) => a - b);
      chunk.forEach((n, k) => {
        placed.set(n.sourceId, { id: ids[k], depth: n.depth, parentId: n.values.parentId ?? null });
        newIds.push({ sourceId: n.sourceId, localId: ids[k] });
      });
      report.comments.created += chunk.length;
      writes += chunk.length;
    }
    remaining = batch === ready ? next : [];
  }
  // Remembered in a few statements rather than one per comment.
  for (let i = 0; i < newIds.length; i += 200) {
    await tx
      .insert(wxrImports)
      .values(newIds.slice(i, i + 200).map((n) => ({ site: report.site, kind: 'comment' as const, sourceId: n.sourceId, localId: n.localId })))
      .onConflictDoUpdate({ target: [wxrImports.site, wxrImports.kind, wxrImports.sourceId], set: { localId: sql`excluded.local_id` } });
  }
  if (writes) report.touched.add(cacheTags.article(articleId));
  return writes;
}

// ---------------------------------------------------------------------------------------------
// Pages

/**
 * Stores one page (call inside a transaction): published or draft, HTML body, a revision row, its old
 * addresses. A new page's slug taken by another page, or one that would shadow one of the site's own
 * top-level addresses, gets a free variant (about-2).
 */
export async function storePage(tx: Tx, ctx: ImportContext, page: ImportedPage, body: string) {
  const { report, now } = ctx;
  const site = report.site;
  for (const name of page.removedShortcodes ?? []) count(report.removedShortcodes, name);
  const existingId = await mappedId(tx, site, 'page', page.sourceId);
  const before = existingId === null ? null : ((await tx.select().from(pages).where(eq(pages.id, existingId)).limit(1))[0] ?? null);
  if (existingId !== null && !before) {
    count(report.skippedPosts, 'pages deleted here since an earlier import');
    return;
  }
  const author = page.creator ? await resolveAuthor(tx, ctx, page.creator) : null;
  const publishedAt = page.status === 'published' ? (page.publishedAt ?? before?.publishedAt ?? now) : null;

  let id: number;
  let slug: string;
  if (before) {
    id = before.id;
    slug = before.slug;
    const changed = before.title !== page.title || before.body !== body || before.bodyFormat !== page.bodyFormat || before.status !== page.status;
    if (!changed) {
      report.pages.unchanged++;
      return;
    }
    await tx
      .update(pages)
      .set({ title: page.title, body, bodyFormat: page.bodyFormat, status: page.status, publishedAt, updatedAt: now, version: sql`${pages.version} + 1` })
      .where(eq(pages.id, id));
    report.pages.updated++;
  } else {
    slug = await freeSlug(tx, pages, page.slug, (s) => pageSlugProblem(s) !== null);
    if (slug !== page.slug) count(report.notes, 'pages whose address was taken here (imported under another: see /admin/pages)');
    const [created] = await tx
      .insert(pages)
      .values({
        slug,
        title: page.title,
        body,
        bodyFormat: page.bodyFormat,
        status: page.status,
        publishedAt,
        createdById: author?.id ?? null,
        createdAt: page.publishedAt ?? now,
        updatedAt: now,
      })
      .returning({ id: pages.id });
    id = created.id;
    await remember(tx, site, 'page', page.sourceId, id);
    report.pages.created++;
  }
  await tx.insert(pageRevisions).values({
    pageId: id,
    title: page.title,
    body,
    bodyFormat: page.bodyFormat,
    slug,
    status: page.status,
    note: before ? `Re-imported from ${ctx.source}` : `Imported from ${ctx.source}`,
    createdById: author?.id ?? null,
  });
  const permalink = page.permalink && normaliseLegacyPath(page.permalink) !== `/${slug}` ? [page.permalink] : [];
  await storeOldAddresses(
    tx,
    report,
    { pageId: id },
    [...page.oldPaths, ...permalink].map((path) => ({ path })),
  );
  // The page at its address, wherever it is read (the footer, if an editor put it there), and the sitemap.
  for (const tag of [cacheTags.page(id), cacheTags.pageSlug(slug), cacheTags.sitePages, cacheTags.footerPages]) report.touched.add(tag);
}
