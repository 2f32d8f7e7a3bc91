import 'server-only';
import { and, desc, eq, inArray, like, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PendingFields } from '@/lib/articles/editing';
import type { ArticleFormInput } from '@/lib/articles/schema';
import { log } from '@/lib/log';
import { articleBodyText } from '@/lib/search/body-text';
import { slugify } from '@/lib/slug';
import type { BodyFormat } from '../enums';
import { db } from '../index';
import { SlugTakenError, StaleSaveError, UnknownSectionError } from './errors';
import {
  articleAuthors,
  articleAutosaves,
  articles,
  articleTags,
  corrections,
  revisions,
  sections,
  slugRedirects,
  tags,
  users,
  type ArticleStatus,
} from '../schema';

export type AdminArticleRow = {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  updatedAt: Date | null;
  sectionName: string | null;
  authors: string;
  /** A published article's changes that readers do not see yet. */
  hasPendingChanges: boolean;
};

/** The newsroom's article list: filters, newest change first, keyset paging on (updatedAt, id). */
export async function listArticlesForAdmin(filter: {
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  q?: string;
  before?: { updatedAt: number; id: number };
  limit: number;
}): Promise<{ rows: AdminArticleRow[]; next: { updatedAt: number; id: number } | null }> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(articles.status, filter.status));
  if (filter.sectionId) where.push(eq(articles.sectionId, filter.sectionId));
  if (filter.authorId) {
    where.push(inArray(articles.id, db.select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.userId, filter.authorId))));
  }
  if (filter.q) where.push(like(articles.title, `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  if (filter.before) {
    const at = new Date(filter.before.updatedAt);
    where.push(or(lt(articles.updatedAt, at), and(eq(articles.updatedAt, at), lt(articles.id, filter.before.id)))!);
  }
  const rows = await db
    .select({
      id: articles.id,
      title: articles.title,
      slug: articles.slug,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      hasPendingChanges: sql<boolean>`${articles.pendingRevisionId} is not null`.mapWith(Boolean),
      sectionName: sections.name,
      authors: sql<string>`coalesce((select group_concat(${users.name}, ', ') from ${articleAuthors} join ${users} on ${users.id} = ${articleAuthors.userId} where ${articleAuthors.articleId} = ${articles.id}), '')`,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    rows: page,
    next: rows.length > filter.limit && last?.updatedAt ? { updatedAt: last.updatedAt.getTime(), id: last.id } : null,
  };
}

/** An autosave's key: the article's id, or 'new' for one not saved yet. */
export const autosaveKey = (id: number | null) => (id ? String(id) : 'new');

export type EditableArticle = Awaited<ReturnType<typeof getArticleForEdit>>;

export async function getArticleForEdit(id: number) {
  const [row] = await db.select().from(articles).where(eq(articles.id, id)).limit(1);
  if (!row) return null;
  const [authorRows, tagRows, sectionRow, lastChange, pendingRow] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, slug: users.slug })
      .from(articleAuthors)
      .innerJoin(users, eq(users.id, articleAuthors.userId))
      .where(eq(articleAuthors.articleId, id))
      .orderBy(articleAuthors.position),
    db.select({ name: tags.name, slug: tags.slug }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, id)),
    row.sectionId ? db.select({ slug: sections.slug }).from(sections).where(eq(sections.id, row.sectionId)).limit(1) : Promise.resolve([]),
    latestChange(id),
    row.pendingRevisionId ? db.select().from(revisions).where(eq(revisions.id, row.pendingRevisionId)).limit(1) : Promise.resolve([]),
  ]);
  const pending = pendingRow[0] ? { ...pendingRow[0], meta: pendingRow[0].meta as PendingMeta } : null;
  return { ...row, authors: authorRows, tags: tagRows, sectionSlug: sectionRow[0]?.slug ?? null, lastChange, pending };
}

/** Who saved the article last and when (its newest revision), for "… changed this article at 10:42". */
export async function latestChange(articleId: number): Promise<{ by: string | null; at: Date } | null> {
  const [last] = await db
    .select({ by: users.name, at: revisions.createdAt })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.createdById))
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
    .limit(1);
  return last ?? null;
}

/** What a save touched, so the caller can revalidate exactly those pages. */
export type SaveResult = {
  id: number;
  slug: string;
  previousSlug: string | null;
  status: ArticleStatus;
  sectionSlugs: string[];
  tagSlugs: string[];
  authorSlugs: string[];
  /** The article's version after this save: the next save is based on it. */
  version: number;
  /** True when the changes were kept pending: readers see nothing new. */
  pending: boolean;
};

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** A pending revision's meta: the fields to apply when it is published, marked pending, with the save's note. */
export type PendingMeta = PendingFields & { pending: true; note: string | null; bodyFormat?: BodyFormat };

/**
 * Creates or updates an article, keeping a revision of every save, a 301 from a published article's
 * old slug, and a correction when one is given. All in one transaction.
 *
 * An update names the version it was based on: the first statement is a compare-and-set on it, so of
 * two saves from one version exactly one applies, and the other throws StaleSaveError having changed
 * nothing. `pending` keeps a published article's changes in a revision that readers do not see, until
 * someone publishes them (or `publishAt` comes).
 */
export async function saveArticle(args: {
  id: number | null;
  /** The version the editor opened; required for an existing article. */
  baseVersion?: number;
  input: ArticleFormInput;
  actorId: number;
  status: ArticleStatus;
  publishedAt: Date | null;
  /** Shown in the revision list, e.g. "Restored from revision 12". */
  note?: string;
  /** A newly uploaded cover's path; undefined keeps the current cover. */
  coverImagePath?: string | null;
  /** Keep the changes pending; publishAt: when they go live by themselves (undefined keeps any time already set). */
  pending?: { publishAt?: Date | null };
  /** The body's format (a restored revision's); undefined keeps the article's own, so an imported HTML article stays HTML. */
  bodyFormat?: BodyFormat;
}): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    let version = 0;
    if (args.id) {
      if (args.baseVersion === undefined) throw new Error('A save of an existing article must name the version it was based on.');
      // Compare-and-set before anything else: whatever happens below, a stale save has already stopped here.
      const [claimed] = await tx
        .update(articles)
        .set({ version: sql`${articles.version} + 1` })
        .where(and(eq(articles.id, args.id), eq(articles.version, args.baseVersion)))
        .returning({ version: articles.version });
      if (!claimed) {
        const [exists] = await tx.select({ version: articles.version }).from(articles).where(eq(articles.id, args.id)).limit(1);
        if (!exists) throw new Error('Article not found.');
        throw new StaleSaveError(args.id, exists.version);
      }
      version = claimed.version;
    }
    const before = args.id
      ? await tx
          .select()
          .from(articles)
          .where(eq(articles.id, args.id))
          .limit(1)
          .then((r) => r[0] ?? null)
      : null;
    if (args.id && !before) throw new Error('Article not found.');

    const slug = await resolveSlug(tx, args.id, args.input);
    if (args.input.sectionId && !(await sectionExists(tx, args.input.sectionId))) throw new UnknownSectionError();
    await tx.delete(articleAutosaves).where(and(eq(articleAutosaves.userId, args.actorId), eq(articleAutosaves.articleKey, autosaveKey(args.id))));

    if (args.pending && before) {
      const { input } = args;
      const earlier = await pendingMetaOf(tx, before);
      const meta: PendingMeta = {
        pending: true,
        note: args.note ?? null,
        bodyFormat: args.bodyFormat ?? earlier?.bodyFormat ?? before.bodyFormat,
        slug,
        sectionId: input.sectionId,
        tags: input.tags,
        coverImagePath: args.coverImagePath === undefined ? pendingCoverOf(before, earlier) : args.coverImagePath,
        coverAlt: input.coverAlt,
        coverCaption: input.coverCaption,
        seoTitle: input.seoTitle,
        seoDescription: input.seoDescription,
        commentsOpen: input.commentsOpen,
        correction: input.correction,
      };
      const [revision] = await tx
        .insert(revisions)
        .values({ articleId: before.id, title: input.title, standfirst: input.standfirst, body: input.body, meta, createdById: args.actorId })
        .returning({ id: revisions.id });
      await tx
        .update(articles)
        .set({
          pendingRevisionId: revision.id,
          ...(args.pending.publishAt !== undefined && { pendingPublishAt: args.pending.publishAt }),
          updatedAt: new Date(),
        })
        .where(eq(articles.id, before.id));
      return {
        id: before.id,
        slug: before.slug,
        previousSlug: null,
        status: before.status,
        sectionSlugs: [],
        tagSlugs: [],
        authorSlugs: [],
        version,
        pending: true,
      };
    }
    return { ...(await applyLive(tx, before, slug, args)), version, pending: false };
  });
}

/** The article's slug for this save: the one typed (refused when taken), or one made from the title. */
async function resolveSlug(tx: Tx, id: number | null, input: ArticleFormInput): Promise<string> {
  // A slug is taken by another article, or by another article's old address: that redirect is kept,
  // whoever saves (readers and search engines still follow it), so nobody can take it over or drop it.
  const takenBy = async (candidate: string): Promise<'article' | 'old-address' | null> => {
    const [other] = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.slug, candidate), id ? ne(articles.id, id) : undefined))
      .limit(1);
    if (other) return 'article';
    const [moved] = await tx
      .select({ articleId: slugRedirects.articleId })
      .from(slugRedirects)
      .where(and(eq(slugRedirects.oldSlug, candidate), id ? ne(slugRedirects.articleId, id) : undefined))
      .limit(1);
    return moved ? 'old-address' : null;
  };
  const wanted = input.slug || slugify(input.title) || 'article';
  const clash = await takenBy(wanted);
  if (!clash) return wanted;
  if (input.slug) throw new SlugTakenError('article', wanted, clash === 'old-address');
  for (let n = 2; ; n++) {
    const candidate = `${wanted}-${n}`;
    if (!(await takenBy(candidate))) return candidate;
  }
}

async function pendingMetaOf(tx: Tx, article: { pendingRevisionId: number | null }): Promise<PendingMeta | null> {
  if (!article.pendingRevisionId) return null;
  const [row] = await tx.select({ meta: revisions.meta }).from(revisions).where(eq(revisions.id, article.pendingRevisionId)).limit(1);
  return (row?.meta as PendingMeta | undefined) ?? null;
}

/** The cover a pending version shows: one uploaded with earlier pending changes, else the live one. */
function pendingCoverOf(article: { coverImagePath: string | null }, pending: PendingMeta | null): string | null {
  return pending ? pending.coverImagePath : article.coverImagePath;
}

/** Writes the article as readers will see it (or as it stands, unpublished), with everything that hangs off it. */
async function applyLive(
  tx: Tx,
  before: typeof articles.$inferSelect | null,
  slug: string,
  args: {
    input: ArticleFormInput;
    // Null for the scheduler publishing changes whose author has since left.
    actorId: number | null;
    status: ArticleStatus;
    publishedAt: Date | null;
    note?: string;
    coverImagePath?: string | null;
    now?: Date;
    bodyFormat?: BodyFormat;
  },
): Promise<Omit<SaveResult, 'version' | 'pending'>> {
  const { input, actorId } = args;
  const now = args.now ?? new Date();
  const wasLive = before?.status === 'published';
  const contentChanged = before ? before.title !== input.title || before.body !== input.body || before.standfirst !== input.standfirst : false;
  // Publishing pending changes brings their cover too (unless a new one came with this save).
  const pending = before ? await pendingMetaOf(tx, before) : null;
  // The format goes with the text: the one asked for, else pending changes' own, else the article's.
  const bodyFormat = args.bodyFormat ?? pending?.bodyFormat ?? before?.bodyFormat ?? 'markdown';
  const values = {
    title: input.title,
    slug,
    standfirst: input.standfirst,
    body: input.body,
    bodyFormat,
    bodyText: articleBodyText(input.body, bodyFormat),
    sectionId: input.sectionId,
    coverImagePath: args.coverImagePath === undefined ? (before ? pendingCoverOf(before, pending) : null) : args.coverImagePath,
    coverAlt: input.coverAlt,
    coverCaption: input.coverCaption,
    seoTitle: input.seoTitle,
    seoDescription: input.seoDescription,
    commentsOpen: input.commentsOpen,
    status: args.status,
    publishedAt: args.publishedAt,
    updatedAt: now,
    contentUpdatedAt: wasLive && args.status === 'published' && contentChanged ? now : (before?.contentUpdatedAt ?? null),
    pendingRevisionId: null,
    pendingPublishAt: null,
  };

  let id: number;
  if (before) {
    await tx.update(articles).set(values).where(eq(articles.id, before.id));
    id = before.id;
  } else {
    const [created] = await tx
      .insert(articles)
      .values({ ...values, createdById: actorId })
      .returning({ id: articles.id });
    id = created.id;
    if (actorId) await tx.insert(articleAuthors).values({ articleId: id, userId: actorId, position: 0 });
  }

  // A published article that changes address keeps answering at the old one.
  if (before && before.slug !== slug && (wasLive || before.publishedAt)) {
    await tx
      .insert(slugRedirects)
      .values({ oldSlug: before.slug, articleId: id })
      .onConflictDoUpdate({ target: slugRedirects.oldSlug, set: { articleId: id } });
  }
  // Back at one of its own old addresses: that redirect would now point at itself.
  await tx.delete(slugRedirects).where(and(eq(slugRedirects.oldSlug, slug), eq(slugRedirects.articleId, id)));

  const oldTagSlugs = before
    ? (await tx.select({ slug: tags.slug }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, id))).map(
        (t) => t.slug,
      )
    : [];
  const newTags = input.tags.map((name) => ({ name, slug: slugify(name) })).filter((t) => t.slug);
  if (newTags.length) await tx.insert(tags).values(newTags).onConflictDoNothing({ target: tags.slug });
  const tagIds = newTags.length
    ? await tx
        .select({ id: tags.id, slug: tags.slug })
        .from(tags)
        .where(
          inArray(
            tags.slug,
            newTags.map((t) => t.slug),
          ),
        )
    : [];
  await tx.delete(articleTags).where(eq(articleTags.articleId, id));
  if (tagIds.length) await tx.insert(articleTags).values(tagIds.map((t) => ({ articleId: id, tagId: t.id })));

  if (input.correction) await tx.insert(corrections).values({ articleId: id, body: input.correction, createdById: actorId });

  await tx.insert(revisions).values({
    articleId: id,
    title: input.title,
    standfirst: input.standfirst,
    body: input.body,
    meta: {
      note: args.note ?? null,
      status: args.status,
      bodyFormat,
      slug,
      sectionId: input.sectionId,
      tags: input.tags,
      seoTitle: input.seoTitle,
      seoDescription: input.seoDescription,
    },
    createdById: actorId,
  });

  const sectionIds = [...new Set([before?.sectionId, input.sectionId].filter((s): s is number => typeof s === 'number'))];
  const sectionSlugs = sectionIds.length
    ? (await tx.select({ slug: sections.slug }).from(sections).where(inArray(sections.id, sectionIds))).map((s) => s.slug)
    : [];
  const authorSlugs = (
    await tx.select({ slug: users.slug }).from(articleAuthors).innerJoin(users, eq(users.id, articleAuthors.userId)).where(eq(articleAuthors.articleId, id))
  ).map((a) => a.slug);

  return {
    id,
    slug,
    previousSlug: before && before.slug !== slug ? before.slug : null,
    status: args.status,
    sectionSlugs,
    tagSlugs: [...new Set([...oldTagSlugs, ...tagIds.map((t) => t.slug)])],
    authorSlugs,
  };
}

/** The form's input that a pending revision holds, to publish it later as it was saved. */
export function pendingInput(revision: { title: string; standfirst: string; body: string }, meta: PendingMeta): ArticleFormInput {
  return {
    title: revision.title,
    slug: meta.slug,
    standfirst: revision.standfirst,
    body: revision.body,
    sectionId: meta.sectionId,
    tags: meta.tags,
    coverAlt: meta.coverAlt,
    coverCaption: meta.coverCaption,
    seoTitle: meta.seoTitle,
    seoDescription: meta.seoDescription,
    commentsOpen: meta.commentsOpen,
    scheduledFor: null,
    correction: meta.correction,
  };
}

/**
 * Pending changes whose time has come, made live one by one as their own save: a compare-and-set on the
 * version this tick read, so a save made meanwhile is never overwritten (its changes wait for the next
 * tick). One that cannot be applied is logged and its schedule cleared, so it never stops the others.
 */
export async function publishDuePendingChanges(now = new Date()): Promise<SaveResult[]> {
  const due = await db
    .select({ id: articles.id, version: articles.version, createdById: revisions.createdById, revision: revisions })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.pendingRevisionId))
    .where(and(eq(articles.status, 'published'), lt(articles.pendingPublishAt, new Date(now.getTime() + 1))));
  const published: SaveResult[] = [];
  for (const row of due) {
    const meta = row.revision.meta as PendingMeta;
    try {
      published.push(
        await db.transaction(async (tx) => {
          const [claimed] = await tx
            .update(articles)
            .set({ version: sql`${articles.version} + 1` })
            .where(and(eq(articles.id, row.id), eq(articles.version, row.version), eq(articles.pendingRevisionId, row.revision.id)))
            .returning({ version: articles.version });
          if (!claimed) throw new StaleSaveError(row.id, row.version);
          const [before] = await tx.select().from(articles).where(eq(articles.id, row.id)).limit(1);
          const input = pendingInput(row.revision, meta);
          // The address and section were checked when saved; either may have gone since.
          const slug = await resolveSlug(tx, row.id, input).catch((e: unknown) => {
            if (e instanceof SlugTakenError) return before.slug;
            throw e;
          });
          if (input.sectionId && !(await sectionExists(tx, input.sectionId))) input.sectionId = null;
          const applied = await applyLive(tx, before, slug, {
            input,
            actorId: row.createdById,
            status: 'published',
            publishedAt: before.publishedAt ?? now,
            note: 'Scheduled changes published',
            coverImagePath: meta.coverImagePath,
            now,
            bodyFormat: meta.bodyFormat,
          });
          return { ...applied, version: claimed.version, pending: false };
        }),
      );
    } catch (error) {
      // Another instance published it first, or someone saved since: nothing to do for this one now.
      if (error instanceof StaleSaveError) continue;
      log.error({ component: 'scheduler', articleId: row.id, err: error }, 'could not publish the scheduled changes of an article; their schedule is cleared');
      await db
        .update(articles)
        .set({ pendingPublishAt: null })
        .where(and(eq(articles.id, row.id), eq(articles.pendingRevisionId, row.revision.id)));
    }
  }
  return published;
}

async function sectionExists(tx: Tx, id: number): Promise<boolean> {
  const [row] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, id)).limit(1);
  return Boolean(row);
}

/**
 * Scheduled articles whose time has come, published in one statement. Returns, for each, the slugs of
 * the pages that now show it (four statements in all, whatever the number of articles).
 */
export async function publishDueArticles(now = new Date()) {
  const due = await db
    .select({ id: articles.id, slug: articles.slug, sectionSlug: sections.slug })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.status, 'scheduled'), lt(articles.publishedAt, new Date(now.getTime() + 1))));
  if (!due.length) return [];
  // Only the rows this call moved: with several instances ticking, another one may have published
  // some of them a moment ago, and it revalidates those pages itself.
  const claimed = await db
    .update(articles)
    .set({ status: 'published', updatedAt: now })
    .where(
      and(
        inArray(
          articles.id,
          due.map((d) => d.id),
        ),
        eq(articles.status, 'scheduled'),
      ),
    )
    .returning({ id: articles.id });
  if (!claimed.length) return [];
  const ids = claimed.map((c) => c.id);
  const [tagRows, authorRows] = await Promise.all([
    db
      .select({ articleId: articleTags.articleId, slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(inArray(articleTags.articleId, ids)),
    db
      .select({ articleId: articleAuthors.articleId, slug: users.slug })
      .from(articleAuthors)
      .innerJoin(users, eq(users.id, articleAuthors.userId))
      .where(inArray(articleAuthors.articleId, ids)),
  ]);
  return due
    .filter((d) => ids.includes(d.id))
    .map((d) => ({
      ...d,
      tagSlugs: tagRows.filter((t) => t.articleId === d.id).map((t) => t.slug),
      authorSlugs: authorRows.filter((a) => a.articleId === d.id).map((a) => a.slug),
    }));
}

export async function listRevisions(articleId: number) {
  return db
    .select({ id: revisions.id, createdAt: revisions.createdAt, meta: revisions.meta, by: users.name })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.createdById))
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
    .limit(100);
}

export async function getRevision(articleId: number, revisionId: number) {
  const [row] = await db
    .select()
    .from(revisions)
    .where(and(eq(revisions.id, revisionId), eq(revisions.articleId, articleId)))
    .limit(1);
  return row ?? null;
}
