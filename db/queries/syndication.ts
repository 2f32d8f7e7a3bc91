import 'server-only';
import { and, desc, eq, exists, gt, gte, inArray, isNotNull, isNull, lte, max, sql } from 'drizzle-orm';
import type { BodyFormat } from '../enums';
import { db } from '../index';
import { articleAuthors, articles, articleTags, corrections, liveUpdates, sections, tags, users } from '../schema';
import { authorsFor, isPublic, type ArticleListFilter, type AuthorRef } from './articles';

// Reads for feeds and sitemaps. Visibility is the same condition as every public read (isPublic).

export type FeedArticle = {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  body: string;
  bodyFormat: BodyFormat;
  coverImagePath: string | null;
  publishedAt: Date;
  contentUpdatedAt: Date | null;
  section: { slug: string; name: string } | null;
  authors: AuthorRef[];
  tags: { slug: string; name: string }[];
};

/** The newest published articles of a list, with what a feed item shows (body included). */
export async function listFeedArticles(filter: ArticleListFilter, limit: number): Promise<FeedArticle[]> {
  let query = db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      standfirst: articles.standfirst,
      body: articles.body,
      bodyFormat: articles.bodyFormat,
      coverImagePath: articles.coverImagePath,
      publishedAt: articles.publishedAt,
      contentUpdatedAt: articles.contentUpdatedAt,
      sectionSlug: sections.slug,
      sectionName: sections.name,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .$dynamic();
  if (filter.kind === 'tag') {
    query = query.innerJoin(articleTags, and(eq(articleTags.articleId, articles.id), eq(articleTags.tagId, filter.tagId)));
  } else if (filter.kind === 'author') {
    query = query.innerJoin(articleAuthors, and(eq(articleAuthors.articleId, articles.id), eq(articleAuthors.userId, filter.userId)));
  }
  const where = filter.kind === 'section' ? and(eq(articles.sectionId, filter.sectionId), isPublic()) : isPublic();
  const rows = await query.where(where).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(limit);
  const ids = rows.map((r) => r.id);
  const [authors, tagRows] = await Promise.all([
    authorsFor(ids),
    ids.length
      ? db
          .select({ articleId: articleTags.articleId, slug: tags.slug, name: tags.name })
          .from(articleTags)
          .innerJoin(tags, eq(tags.id, articleTags.tagId))
          .where(inArray(articleTags.articleId, ids))
          .orderBy(tags.name)
      : Promise.resolve([]),
  ]);
  return rows.map(({ sectionSlug, sectionName, publishedAt, ...r }) => ({
    ...r,
    publishedAt: publishedAt ?? new Date(0),
    section: sectionSlug && sectionName ? { slug: sectionSlug, name: sectionName } : null,
    authors: authors.get(r.id) ?? [],
    tags: tagRows.filter((t) => t.articleId === r.id).map(({ slug, name }) => ({ slug, name })),
  }));
}

export type FeedCorrection = { id: number; body: string; createdAt: Date; article: { id: number; slug: string; title: string } };

/** The newest corrections on published articles. Walks corrections by id (their order of creation) from the end. */
export async function listLatestCorrections(limit: number): Promise<FeedCorrection[]> {
  const rows = await db
    .select({
      id: corrections.id,
      body: corrections.body,
      createdAt: corrections.createdAt,
      articleId: articles.id,
      slug: articles.slug,
      title: articles.title,
    })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(isPublic())
    .orderBy(desc(corrections.id))
    .limit(limit);
  // Ids follow creation; the dates decide the order shown (they differ only for back-dated rows).
  return rows
    .map(({ articleId, slug, title, ...c }) => ({ ...c, article: { id: articleId, slug, title } }))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
}

// Sitemaps: only addresses and times, never bodies.

/** When an article last changed for readers: its correction or edit time, else its publication. */
const lastChanged = sql<number>`coalesce(${articles.contentUpdatedAt}, ${articles.publishedAt})`;

export type SitemapArticle = { slug: string; lastmod: Date };

const toSitemapArticle = (r: { slug: string; lastmod: number | null }): SitemapArticle => ({ slug: r.slug, lastmod: new Date(r.lastmod ?? 0) });

/** Published articles per fixed id range, from the (status, published_at) index alone. */
export async function countPublishedArticlesByIdRange(size: number) {
  const chunk = sql<number>`(${articles.id} - 1) / ${size} + 1`;
  const rows = await db
    .select({ chunk, count: sql<number>`count(*)`, lastPublished: max(articles.publishedAt) })
    .from(articles)
    .where(isPublic())
    .groupBy(chunk);
  return rows.map((r) => ({ chunk: Number(r.chunk), count: Number(r.count), lastmod: r.lastPublished ?? null }));
}

/** All published articles, newest first: only called when the whole sitemap fits one file (≤ 50,000). */
export async function listAllSitemapArticles(): Promise<SitemapArticle[]> {
  const rows = await db
    .select({ slug: articles.slug, lastmod: lastChanged })
    .from(articles)
    .where(isPublic())
    .orderBy(desc(articles.publishedAt), desc(articles.id));
  return rows.map(toSitemapArticle);
}

/**
 * Published articles with ids in (afterId, upToId], read in keyset batches on the primary key so that
 * only slugs and times are ever held, a batch at a time.
 */
export async function* sitemapArticlesInIdRange(afterId: number, upToId: number, batch = 5_000): AsyncGenerator<SitemapArticle[]> {
  let cursor = afterId;
  for (;;) {
    const rows = await db
      .select({ id: articles.id, slug: articles.slug, lastmod: lastChanged })
      .from(articles)
      .where(and(gt(articles.id, cursor), lte(articles.id, upToId), isPublic()))
      .orderBy(articles.id)
      .limit(batch);
    if (rows.length === 0) return;
    yield rows.map(toSitemapArticle);
    if (rows.length < batch) return;
    cursor = rows[rows.length - 1].id;
  }
}

/** Sections with the time of their newest article (one index probe per section). */
export async function listSitemapSections() {
  const newest = db
    .select({ t: max(articles.publishedAt) })
    .from(articles)
    .where(and(eq(articles.sectionId, sections.id), isPublic()));
  const rows = await db
    .select({ slug: sections.slug, lastmod: sql<number | null>`(${newest})` })
    .from(sections)
    .orderBy(sections.position, sections.name);
  return rows.map((r) => ({ slug: r.slug, lastmod: r.lastmod === null ? null : new Date(Number(r.lastmod)) }));
}

/** Tags with at least one published article (an empty tag page is not worth a crawler's visit). */
export async function listSitemapTags() {
  return db
    .select({ slug: tags.slug })
    .from(tags)
    .where(
      exists(
        db
          .select({ one: sql`1` })
          .from(articleTags)
          .innerJoin(articles, eq(articles.id, articleTags.articleId))
          .where(and(eq(articleTags.tagId, tags.id), isPublic())),
      ),
    )
    .orderBy(tags.slug);
}

/** Staff with at least one published article. */
export async function listSitemapAuthors() {
  return db
    .select({ slug: users.slug })
    .from(users)
    .where(
      exists(
        db
          .select({ one: sql`1` })
          .from(articleAuthors)
          .innerJoin(articles, eq(articles.id, articleAuthors.articleId))
          .where(and(eq(articleAuthors.userId, users.id), isPublic())),
      ),
    )
    .orderBy(users.slug);
}

/** When the newest article was published (the home page's lastmod). */
export async function getLatestPublicationTime(): Promise<Date | null> {
  const [row] = await db
    .select({ t: max(articles.publishedAt) })
    .from(articles)
    .where(isPublic());
  return row?.t ?? null;
}

/** Articles published since `since`, newest first, for the Google News sitemap. */
export async function listNewsArticles(since: Date, limit: number) {
  const rows = await db
    .select({ slug: articles.slug, title: articles.title, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(isPublic(), gte(articles.publishedAt, since)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ?? new Date(0) }));
}

/**
 * Public articles whose live coverage is running (lib/live/state.ts: started, not ended), however long
 * ago they were published, with their newest update's time (null: none yet). Walks articles_live_idx;
 * the newest update is one step down live_updates_article_number_uq per article.
 */
export async function listLiveNewsArticles(limit: number) {
  const newestUpdate = db
    .select({ at: liveUpdates.createdAt })
    .from(liveUpdates)
    .where(and(eq(liveUpdates.articleId, articles.id), isNull(liveUpdates.deletedAt)))
    .orderBy(desc(liveUpdates.number))
    .limit(1);
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      publishedAt: articles.publishedAt,
      latestUpdateAt: sql<number | null>`(${newestUpdate})`,
    })
    .from(articles)
    .where(and(isNotNull(articles.liveStartedAt), isNull(articles.liveEndedAt), isPublic()))
    .orderBy(desc(articles.liveStartedAt))
    .limit(limit);
  return rows.map((r) => ({
    ...r,
    publishedAt: r.publishedAt ?? new Date(0),
    latestUpdateAt: r.latestUpdateAt === null ? null : new Date(Number(r.latestUpdateAt)),
  }));
}
