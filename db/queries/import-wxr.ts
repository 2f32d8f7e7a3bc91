import 'server-only';
import { createReadStream } from 'node:fs';
import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { cacheTags } from '@/lib/cache-tags';
import { mapItem, MAX_REPLY_DEPTH, WxrStreamParser, type WxrEvent, type WxrPost, type WxrRawAuthor } from '@/lib/import/wxr';
import { isUsableLegacyPath } from '@/lib/redirects/registry';
import { articleBodyText } from '@/lib/search/body-text';
import { slugify } from '@/lib/slug';
import { db } from '../index';
import { articleAuthors, articles, articleTags, legacyRedirects, replies, revisions, sections, tags, users, wxrImports } from '../schema';

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export type WxrImportReport = {
  site: string;
  items: number;
  posts: { created: number; updated: number };
  comments: { created: number; updated: number };
  authorsCreated: number;
  sectionsCreated: number;
  redirects: number;
  /** Reason → how many posts were left out for it. */
  skippedPosts: Map<string, number>;
  skippedComments: Map<string, number>;
  /** Things worth knowing that did not stop anything (a comment whose parent is missing, …). */
  notes: Map<string, number>;
  /** Cache tags of every page the import changed, for the running server. */
  touched: Set<string>;
};

const count = (map: Map<string, number>, key: string, n = 1) => map.set(key, (map.get(key) ?? 0) + n);

/** Streams the file through the WXR parser, handing events over between chunks (one item in memory at a time). */
async function streamEvents(file: string, handle: (events: WxrEvent[]) => Promise<void>): Promise<void> {
  let pending: WxrEvent[] = [];
  const parser = new WxrStreamParser(file, (e) => pending.push(e));
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      if (pending.length) {
        const events = pending;
        pending = [];
        await handle(events);
      }
    }
    parser.end();
    if (pending.length) await handle(pending);
  } finally {
    stream.destroy();
  }
}

/**
 * Imports a WordPress export. A first streaming pass checks the whole file (a broken file throws
 * WxrSyntaxError with its line, and nothing is written); the second imports each post with its
 * comments in one transaction. Running the same file again updates what it imported before: posts,
 * comments and authors are found again by their WordPress ids (wxr_imports).
 */
export async function importWxrFile(file: string, options: { onProgress?: (done: number, total: number) => void; now?: Date } = {}): Promise<WxrImportReport> {
  let total = 0;
  await streamEvents(file, async (events) => {
    total += events.filter((e) => e.kind === 'item').length;
  });

  const report: WxrImportReport = {
    site: 'unknown',
    items: total,
    posts: { created: 0, updated: 0 },
    comments: { created: 0, updated: 0 },
    authorsCreated: 0,
    sectionsCreated: 0,
    redirects: 0,
    skippedPosts: new Map(),
    skippedComments: new Map(),
    notes: new Map(),
    touched: new Set(),
  };
  const authors = new Map<string, WxrRawAuthor>();
  let done = 0;
  await streamEvents(file, async (events) => {
    for (const event of events) {
      if (event.kind === 'site') report.site = event.site;
      else if (event.kind === 'author') authors.set(event.author.login, event.author);
      else {
        const mapped = mapItem(event.item);
        if (!mapped.ok) count(report.skippedPosts, mapped.reason);
        else {
          try {
            await db.transaction((tx) => importPost(tx, report, mapped.post, authors, options.now ?? new Date()));
          } catch (err) {
            count(report.skippedPosts, `could not be stored (${err instanceof Error ? err.message.split('\n')[0].slice(0, 120) : String(err)})`);
          }
        }
        options.onProgress?.(++done, total);
      }
    }
  });
  return report;
}

/** A slug not taken in `table`: base, else base-2, base-3, … (an index range, not a LIKE scan). */
async function freeSlug(tx: Tx, table: typeof articles | typeof users, base: string): Promise<string> {
  const taken = new Set(
    (
      await tx
        .select({ slug: table.slug })
        .from(table)
        // "base-" up to "base." covers every "base-…" ('.' follows '-').
        .where(or(eq(table.slug, base), and(gte(table.slug, `${base}-`), lt(table.slug, `${base}.`))))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function mappedId(tx: Tx, site: string, kind: 'post' | 'comment' | 'author', sourceId: string): Promise<number | null> {
  const [row] = await tx
    .select({ localId: wxrImports.localId })
    .from(wxrImports)
    .where(and(eq(wxrImports.site, site), eq(wxrImports.kind, kind), eq(wxrImports.sourceId, sourceId)))
    .limit(1);
  return row?.localId ?? null;
}

async function remember(tx: Tx, site: string, kind: 'post' | 'comment' | 'author', sourceId: string, localId: number) {
  await tx
    .insert(wxrImports)
    .values({ site, kind, sourceId, localId })
    .onConflictDoUpdate({ target: [wxrImports.site, wxrImports.kind, wxrImports.sourceId], set: { localId } });
}

/** The staff author for a WordPress login: the one imported before, else one with the same email, else a new author who cannot sign in. */
async function resolveAuthor(tx: Tx, report: WxrImportReport, login: string, known: WxrRawAuthor | undefined) {
  const mapped = await mappedId(tx, report.site, 'author', login);
  if (mapped !== null) {
    const [user] = await tx.select({ id: users.id, slug: users.slug }).from(users).where(eq(users.id, mapped)).limit(1);
    if (user) return user;
  }
  const email = known?.email.trim().toLowerCase() || null;
  if (email) {
    const [user] = await tx.select({ id: users.id, slug: users.slug }).from(users).where(eq(users.email, email)).limit(1);
    if (user) {
      await remember(tx, report.site, 'author', login, user.id);
      return user;
    }
  }
  const name = (known?.displayName || login).replace(/\s+/g, ' ').trim().slice(0, 100) || login;
  const slug = await freeSlug(tx, users, slugify(name) || slugify(login) || 'author');
  const [user] = await tx
    .insert(users)
    // No password: an imported byline is a public author profile until an admin gives it an account.
    .values({ name, slug, email: email ?? `${slug}@authors.invalid`, role: 'author', passwordHash: null })
    .returning({ id: users.id, slug: users.slug });
  await remember(tx, report.site, 'author', login, user.id);
  report.authorsCreated++;
  return user;
}

async function resolveSection(tx: Tx, report: WxrImportReport, section: { slug: string; name: string }) {
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

async function importPost(tx: Tx, report: WxrImportReport, post: WxrPost, knownAuthors: Map<string, WxrRawAuthor>, now: Date) {
  const site = report.site;
  const existingId = await mappedId(tx, site, 'post', post.sourceId);
  const before = existingId === null ? null : ((await tx.select().from(articles).where(eq(articles.id, existingId)).limit(1))[0] ?? null);
  if (existingId !== null && !before) {
    count(report.skippedPosts, 'deleted here since an earlier import');
    return;
  }

  const author = post.creator ? await resolveAuthor(tx, report, post.creator, knownAuthors.get(post.creator)) : null;
  if (!author) count(report.notes, 'posts with no author (no byline)');
  if (post.creator && !knownAuthors.has(post.creator)) count(report.notes, 'posts whose author is not in the export’s author list (created from the login)');
  const sectionId = post.section ? await resolveSection(tx, report, post.section) : null;

  // A scheduled post with no time cannot be scheduled: it stays a draft.
  const status = post.status === 'scheduled' && !post.publishedAt ? 'draft' : post.status;
  const publishedAt = status === 'published' || status === 'unpublished' ? (post.publishedAt ?? now) : status === 'scheduled' ? post.publishedAt : null;
  const values = {
    title: post.title,
    standfirst: post.standfirst,
    body: post.body,
    bodyFormat: 'html' as const,
    bodyText: articleBodyText(post.body, 'html'),
    sectionId,
    status,
    publishedAt,
    updatedAt: now,
  };

  let id: number;
  let slug: string;
  if (before) {
    id = before.id;
    slug = before.slug;
    // A new version: an editor's form opened before the import is refused rather than saved over it,
    // and pending changes typed over the old text are dropped (they stay in the revisions).
    await tx
      .update(articles)
      .set({ ...values, version: sql`${articles.version} + 1`, pendingRevisionId: null, pendingPublishAt: null })
      .where(eq(articles.id, id));
    await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, id));
    await tx.delete(articleTags).where(eq(articleTags.articleId, id));
    report.posts.updated++;
    // The section it leaves lists it no more.
    const oldSectionSlug = before.sectionId !== null && before.sectionId !== sectionId ? await sectionSlug(tx, before.sectionId) : null;
    if (oldSectionSlug) report.touched.add(cacheTags.section(oldSectionSlug));
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
  if (author) await tx.insert(articleAuthors).values({ articleId: id, userId: author.id, position: 0 });

  let tagSlugs: string[] = [];
  if (post.tags.length) {
    await tx.insert(tags).values(post.tags).onConflictDoNothing({ target: tags.slug });
    const tagRows = await tx
      .select({ id: tags.id, slug: tags.slug })
      .from(tags)
      .where(
        inArray(
          tags.slug,
          post.tags.map((t) => t.slug),
        ),
      );
    await tx.insert(articleTags).values(tagRows.map((t) => ({ articleId: id, tagId: t.id })));
    tagSlugs = tagRows.map((t) => t.slug);
  }

  if (!before || before.title !== post.title || before.body !== post.body || before.standfirst !== post.standfirst) {
    await tx.insert(revisions).values({
      articleId: id,
      title: post.title,
      standfirst: post.standfirst,
      body: post.body,
      meta: { note: before ? 'Re-imported from WordPress' : 'Imported from WordPress', status, wordpressId: post.sourceId },
      createdById: author?.id ?? null,
    });
  }

  if (post.oldPath && isUsableLegacyPath(post.oldPath) && post.oldPath !== `/articles/${slug}`) {
    await tx
      .insert(legacyRedirects)
      .values({ oldPath: post.oldPath, articleId: id })
      .onConflictDoUpdate({ target: legacyRedirects.oldPath, set: { articleId: id } });
    report.redirects++;
  } else if (post.oldPath) count(report.notes, 'permalinks not kept (they would hide one of this site’s own addresses)');

  await importComments(tx, report, id, post);

  const section = sectionId === null ? null : await sectionSlug(tx, sectionId);
  const touched = cacheTags.forArticle({ id, slug, sectionSlugs: section ? [section] : [], tagSlugs, authorSlugs: author ? [author.slug] : [] });
  for (const tag of touched) report.touched.add(tag);
}

async function sectionSlug(tx: Tx, id: number) {
  const [row] = await tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, id)).limit(1);
  return row?.slug ?? null;
}

/**
 * A post's comments, parents before children whatever their order in the file. Threads deeper than
 * the site shows are attached to the deepest reply that can hold them; a reply whose parent is not
 * in the file starts its own thread.
 */
async function importComments(tx: Tx, report: WxrImportReport, articleId: number, post: WxrPost) {
  for (const s of post.skippedComments) count(report.skippedComments, s.reason);
  if (post.comments.length === 0) return;

  const mapped = new Map<string, number>();
  const ids = post.comments.map((c) => c.sourceId);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx
      .select({ sourceId: wxrImports.sourceId, localId: wxrImports.localId })
      .from(wxrImports)
      .where(and(eq(wxrImports.site, report.site), eq(wxrImports.kind, 'comment'), inArray(wxrImports.sourceId, ids.slice(i, i + 500))));
    for (const r of rows) mapped.set(r.sourceId, r.localId);
  }
  const existing = new Set(
    mapped.size
      ? (
          await tx
            .select({ id: replies.id })
            .from(replies)
            .where(inArray(replies.id, [...mapped.values()]))
        ).map((r) => r.id)
      : [],
  );

  const inFile = new Set(ids);
  // Where each stored reply sits: its id, depth and parent, for its children.
  const placed = new Map<string, { id: number; depth: number; parentId: number | null }>();
  let remaining = post.comments;
  while (remaining.length) {
    const next = remaining.filter(
      (c) => c.parentSourceId !== null && inFile.has(c.parentSourceId) && !placed.has(c.parentSourceId) && c.parentSourceId !== c.sourceId,
    );
    const ready = remaining.filter((c) => !next.includes(c));
    // A cycle of parents: break it by placing the rest at the top level.
    const batch = ready.length ? ready : next;
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
      let id: number;
      if (localId !== undefined) {
        if (!existing.has(localId)) {
          count(report.skippedComments, 'deleted here since an earlier import');
          continue;
        }
        const [current] = await tx.select({ status: replies.status }).from(replies).where(eq(replies.id, localId));
        // The purge clock restarts only when the status changes.
        await tx
          .update(replies)
          .set({ ...values, statusChangedAt: current.status === c.status ? undefined : values.statusChangedAt })
          .where(eq(replies.id, localId));
        id = localId;
        report.comments.updated++;
      } else {
        const [row] = await tx.insert(replies).values(values).returning({ id: replies.id });
        id = row.id;
        await remember(tx, report.site, 'comment', c.sourceId, id);
        report.comments.created++;
      }
      placed.set(c.sourceId, { id, depth, parentId });
    }
    remaining = batch === ready ? next : [];
  }
  report.touched.add(cacheTags.article(articleId));
}
