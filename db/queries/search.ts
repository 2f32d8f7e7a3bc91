import 'server-only';
import { eq, isNull, sql } from 'drizzle-orm';
import { articleBodyText } from '@/lib/search/body-text';
import { MARK_CLOSE, MARK_OPEN } from '@/lib/search/highlight';
import { db } from '../index';
import { articles } from '../schema';
import { authorsFor, type AuthorRef } from './articles';

// The index itself (article_search, an FTS5 table) and the triggers that keep it in step with
// articles, bylines and tags live in migration 0004; FTS5 tables are not part of the Drizzle schema.

export type SearchHit = {
  id: number;
  slug: string;
  /** Headline with matched words between MARK_OPEN and MARK_CLOSE. */
  titleMarked: string;
  standfirst: string;
  /** A few words of the body around the matches, marked the same way. */
  snippet: string;
  publishedAt: Date;
  section: { slug: string; name: string } | null;
  authors: AuthorRef[];
};

export type SearchPage = { items: SearchHit[]; page: number; hasNext: boolean };

type Row = {
  id: number;
  slug: string;
  title_marked: string;
  standfirst_marked: string;
  standfirst: string;
  snippet: string;
  published_at: number;
  section_slug: string | null;
  section_name: string | null;
};

// Column weights for bm25, in the table's column order: headline, standfirst, body, authors, tags.
const BM25 = sql.raw('bm25(article_search, 10.0, 4.0, 1.0, 3.0, 3.0)');

/**
 * Published articles matching an FTS5 expression (from lib/search/query.ts, never raw input), best
 * first, one page at a time. Fetches one row more than the page to know whether there is a next one.
 */
export async function searchPublishedArticles(args: {
  match: string;
  sectionSlug?: string;
  from?: Date | null;
  before?: Date | null;
  page: number;
  perPage: number;
}): Promise<SearchPage> {
  const { match, page, perPage } = args;
  const now = Date.now();
  const rows = await db.all<Row>(sql`
    SELECT a.id, a.slug, a.standfirst, a.published_at, s.slug AS section_slug, s.name AS section_name,
      highlight(article_search, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS title_marked,
      highlight(article_search, 1, ${MARK_OPEN}, ${MARK_CLOSE}) AS standfirst_marked,
      snippet(article_search, 2, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 28) AS snippet
    FROM article_search
    JOIN articles a ON a.id = article_search.rowid
    LEFT JOIN sections s ON s.id = a.section_id
    WHERE article_search MATCH ${match}
      AND a.status = 'published' AND a.published_at <= ${now}
      ${args.sectionSlug ? sql`AND s.slug = ${args.sectionSlug}` : sql``}
      ${args.from ? sql`AND a.published_at >= ${args.from.getTime()}` : sql``}
      ${args.before ? sql`AND a.published_at < ${args.before.getTime()}` : sql``}
    ORDER BY ${BM25}, a.published_at DESC
    LIMIT ${perPage + 1} OFFSET ${(page - 1) * perPage}
  `);
  const hits = rows.slice(0, perPage);
  const authors = await authorsFor(hits.map((r) => r.id));
  return {
    page,
    hasNext: rows.length > perPage,
    items: hits.map((r) => ({
      id: r.id,
      slug: r.slug,
      titleMarked: r.title_marked,
      standfirst: r.standfirst,
      // The body's words around the match, else the standfirst when that is where the match is.
      snippet: r.snippet.includes(MARK_OPEN) || !r.standfirst_marked.includes(MARK_OPEN) ? r.snippet : r.standfirst_marked,
      publishedAt: new Date(Number(r.published_at)),
      section: r.section_slug && r.section_name ? { slug: r.section_slug, name: r.section_name } : null,
      authors: authors.get(r.id) ?? [],
    })),
  };
}

/**
 * Writes the plain text of bodies that have none (articles from before the search index, or whose
 * body a write changed without it); the index triggers then re-index them. Returns how many.
 */
export async function fillMissingBodyText(batchSize = 200): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await db.select({ id: articles.id, body: articles.body }).from(articles).where(isNull(articles.bodyText)).limit(batchSize);
    if (batch.length === 0) return done;
    const [first, ...rest] = batch.map((a) => db.update(articles).set({ bodyText: articleBodyText(a.body) }).where(eq(articles.id, a.id)));
    await db.batch([first, ...rest]);
    done += batch.length;
  }
}
