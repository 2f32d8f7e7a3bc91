import 'server-only';
import { and, count, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { BodyFormat, ReplyMode } from '../enums';
import { isLive } from '@/lib/live/state';
import { db } from '../index';
import { articleAuthors, articles, articleTags, corrections, sections, slugRedirects, tags, users } from '../schema';

export type AuthorRef = { id: number; name: string; slug: string };
export type ArticleCard = {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  coverImagePath: string | null;
  coverAlt: string | null;
  publishedAt: Date;
  section: { slug: string; name: string } | null;
  authors: AuthorRef[];
  /** Live coverage is running (the "Live" badge). */
  live: boolean;
};

export const cardColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  standfirst: articles.standfirst,
  coverImagePath: articles.coverImagePath,
  coverAlt: articles.coverAlt,
  publishedAt: articles.publishedAt,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  liveStartedAt: articles.liveStartedAt,
  liveEndedAt: articles.liveEndedAt,
};

// Visibility lives here: every public read goes through this condition.
export const isPublic = () => and(eq(articles.status, 'published'), lte(articles.publishedAt, new Date()));

/** Bylines for many articles in one query (no query per card). */
export async function authorsFor(articleIds: number[]): Promise<Map<number, AuthorRef[]>> {
  const byArticle = new Map<number, AuthorRef[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .select({ articleId: articleAuthors.articleId, id: users.id, name: users.name, slug: users.slug })
    .from(articleAuthors)
    .innerJoin(users, eq(users.id, articleAuthors.userId))
    .where(inArray(articleAuthors.articleId, articleIds))
    .orderBy(articleAuthors.articleId, articleAuthors.position);
  for (const { articleId, ...author } of rows) {
    const list = byArticle.get(articleId) ?? [];
    list.push(author);
    byArticle.set(articleId, list);
  }
  return byArticle;
}

export type CardRow = {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  coverImagePath: string | null;
  coverAlt: string | null;
  publishedAt: Date | null;
  sectionSlug: string | null;
  sectionName: string | null;
  liveStartedAt: Date | null;
  liveEndedAt: Date | null;
};

export async function toCards(rows: CardRow[]): Promise<ArticleCard[]> {
  const authors = await authorsFor(rows.map((r) => r.id));
  return rows.map(({ sectionSlug, sectionName, publishedAt, liveStartedAt, liveEndedAt, ...r }) => ({
    ...r,
    publishedAt: publishedAt ?? new Date(0),
    live: isLive({ liveStartedAt, liveEndedAt }),
    section: sectionSlug && sectionName ? { slug: sectionSlug, name: sectionName } : null,
    authors: authors.get(r.id) ?? [],
  }));
}

export type ArticleListFilter = { kind: 'all' } | { kind: 'section'; sectionId: number } | { kind: 'tag'; tagId: number } | { kind: 'author'; userId: number };

export type ArticlePage = { items: ArticleCard[]; page: number; hasNext: boolean };

/**
 * A page of published articles, newest first. Fetches one row more than the page to know whether
 * a next page exists instead of counting the whole list.
 */
export async function listPublishedArticles(
  filter: ArticleListFilter,
  page: number,
  perPage: number,
  /** A first page of a different size (the front page's nine); later pages continue after it. */
  firstPageSize: number = perPage,
  /** How a tag list is read (see tagListPlan); tests pin it to compare both. */
  tagPlan?: TagListPlan,
): Promise<ArticlePage> {
  const offset = page === 1 ? 0 : firstPageSize + (page - 2) * perPage;
  if (page === 1) perPage = firstPageSize;
  let query = db.select(cardColumns).from(articles).leftJoin(sections, eq(sections.id, articles.sectionId)).$dynamic();
  let where = filter.kind === 'section' ? and(eq(articles.sectionId, filter.sectionId), isPublic()) : isPublic();
  // Tag and author lists join their link table (its index gives the article ids); the order and
  // paging are the same for every list. A big tag is read the other way round (see tagListPlan).
  if (filter.kind === 'tag') {
    const plan = tagPlan ?? (await tagListPlan(filter.tagId, offset + perPage + 1));
    if (plan === 'walk') {
      where = and(where, sql`exists (select 1 from ${articleTags} where ${articleTags.articleId} = ${articles.id} and ${articleTags.tagId} = ${filter.tagId})`);
    } else {
      query = query.innerJoin(articleTags, and(eq(articleTags.articleId, articles.id), eq(articleTags.tagId, filter.tagId)));
    }
  } else if (filter.kind === 'author') {
    query = query.innerJoin(articleAuthors, and(eq(articleAuthors.articleId, articles.id), eq(articleAuthors.userId, filter.userId)));
  }
  const rows: CardRow[] = await query
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(perPage + 1)
    .offset(offset);
  const hasNext = rows.length > perPage;
  return { items: await toCards(rows.slice(0, perPage)), page, hasNext };
}

/**
 * How many published articles a list holds, so a page number past its end is refused without reading
 * (an OFFSET past the end walks the whole index). The same indexes as the list.
 */
export async function countPublishedArticles(filter: ArticleListFilter): Promise<number> {
  let query = db.select({ n: count() }).from(articles).$dynamic();
  const where = filter.kind === 'section' ? and(eq(articles.sectionId, filter.sectionId), isPublic()) : isPublic();
  if (filter.kind === 'tag') query = query.innerJoin(articleTags, and(eq(articleTags.articleId, articles.id), eq(articleTags.tagId, filter.tagId)));
  else if (filter.kind === 'author')
    query = query.innerJoin(articleAuthors, and(eq(articleAuthors.articleId, articles.id), eq(articleAuthors.userId, filter.userId)));
  const [row] = await query.where(where);
  return row?.n ?? 0;
}

export type TagListPlan = 'join' | 'walk';

/**
 * How to read one page of a tag's articles. "join" takes the tag's article ids from its index and
 * sorts them all by date: cheap for a small tag, ~45 ms for a tag on 15,000 of 100,000 articles.
 * "walk" goes down the published-date index and keeps the tagged ones: it reads about
 * rowsNeeded × (articles ÷ tag size) entries, so it wins for a big tag's early pages. The tag's size is
 * counted along its index (capped), the article total estimated by the highest id.
 */
async function tagListPlan(tagId: number, rowsNeeded: number): Promise<TagListPlan> {
  const row = await db.get<{ size: number; top: number | null }>(sql`
    SELECT (SELECT count(*) FROM (SELECT 1 FROM ${articleTags} WHERE ${articleTags.tagId} = ${tagId} LIMIT 50000)) AS size,
      (SELECT max(${articles.id}) FROM ${articles}) AS top`);
  const size = Number(row?.size ?? 0);
  if (size < 500) return 'join';
  return rowsNeeded * (Number(row?.top ?? 0) / size) < size ? 'walk' : 'join';
}

/** The newest few published articles of each section, for the front page, in one query. */
export async function listLatestPerSection(perSection: number): Promise<Map<number, ArticleCard[]>> {
  const ranked = db
    .select({
      ...cardColumns,
      // Aliased: the subquery would otherwise expose two columns named "slug" and "name".
      sectionSlug: sql<string>`${sections.slug}`.as('section_slug'),
      sectionName: sql<string>`${sections.name}`.as('section_name'),
      sectionId: articles.sectionId,
      rank: sql<number>`row_number() over (partition by ${articles.sectionId} order by ${articles.publishedAt} desc, ${articles.id} desc)`.as('rank'),
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(isPublic())
    .as('ranked');
  // Each section reads its own index range; the window only ranks those rows.
  const rows = await db.select().from(ranked).where(lte(ranked.rank, perSection));
  const cards = await toCards(rows);
  const bySection = new Map<number, ArticleCard[]>();
  rows.forEach((r, i) => {
    const list = bySection.get(r.sectionId!) ?? [];
    list.push(cards[i]);
    bySection.set(r.sectionId!, list);
  });
  return bySection;
}

export type ArticleDetail = {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  body: string;
  bodyFormat: BodyFormat;
  coverImagePath: string | null;
  coverAlt: string | null;
  coverCaption: string | null;
  publishedAt: Date;
  contentUpdatedAt: Date | null;
  commentsOpen: boolean;
  seoTitle: string | null;
  seoDescription: string | null;
  section: { slug: string; name: string } | null;
  authors: AuthorRef[];
  tags: { slug: string; name: string }[];
  corrections: { id: number; body: string; createdAt: Date }[];
  /** Live coverage: when it started (null: never live) and ended (null: still live), its closing summary. */
  liveStartedAt: Date | null;
  liveEndedAt: Date | null;
  liveSummary: string | null;
  replyMode: ReplyMode;
  replySlowSeconds: number;
};

export async function getPublishedArticleBySlug(slug: string): Promise<ArticleDetail | null> {
  const [row] = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      standfirst: articles.standfirst,
      body: articles.body,
      bodyFormat: articles.bodyFormat,
      coverImagePath: articles.coverImagePath,
      coverAlt: articles.coverAlt,
      coverCaption: articles.coverCaption,
      publishedAt: articles.publishedAt,
      contentUpdatedAt: articles.contentUpdatedAt,
      commentsOpen: articles.commentsOpen,
      seoTitle: articles.seoTitle,
      seoDescription: articles.seoDescription,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      liveStartedAt: articles.liveStartedAt,
      liveEndedAt: articles.liveEndedAt,
      liveSummary: articles.liveSummary,
      replyMode: articles.replyMode,
      replySlowSeconds: articles.replySlowSeconds,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.slug, slug), isPublic()))
    .limit(1);
  if (!row) return null;
  const [authors, tagRows, correctionRows] = await Promise.all([
    authorsFor([row.id]),
    db
      .select({ slug: tags.slug, name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, row.id))
      .orderBy(tags.name),
    db
      .select({ id: corrections.id, body: corrections.body, createdAt: corrections.createdAt })
      .from(corrections)
      .where(eq(corrections.articleId, row.id))
      .orderBy(corrections.createdAt),
  ]);
  const { sectionSlug, sectionName, publishedAt, ...rest } = row;
  return {
    ...rest,
    publishedAt: publishedAt ?? new Date(0),
    section: sectionSlug && sectionName ? { slug: sectionSlug, name: sectionName } : null,
    authors: authors.get(row.id) ?? [],
    tags: tagRows,
    corrections: correctionRows,
  };
}

/** The current slug of a published article that used to live at `oldSlug`, for a 301. */
export async function getRedirectedSlug(oldSlug: string): Promise<string | null> {
  const [row] = await db
    .select({ slug: articles.slug })
    .from(slugRedirects)
    .innerJoin(articles, eq(articles.id, slugRedirects.articleId))
    .where(and(eq(slugRedirects.oldSlug, oldSlug), isPublic()))
    .limit(1);
  return row?.slug ?? null;
}

/** What the reply action needs to know about the article a reply is posted to. */
export async function getArticleForReply(articleId: number) {
  const [row] = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      commentsOpen: articles.commentsOpen,
      publishedAt: articles.publishedAt,
      replyMode: articles.replyMode,
      replySlowSeconds: articles.replySlowSeconds,
    })
    .from(articles)
    .where(and(eq(articles.id, articleId), isPublic()))
    .limit(1);
  return row ?? null;
}
