import 'server-only';
import { eq, isNull, sql } from 'drizzle-orm';
import { articleBodyText } from '@/lib/search/body-text';
import { MARK_CLOSE, MARK_OPEN } from '@/lib/search/highlight';
import { dateBounds, type SearchParams } from '@/lib/search/params';
import { buildMatchExpression } from '@/lib/search/query';
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
  title: string;
  standfirst: string;
  published_at: number;
  section_slug: string | null;
  section_name: string | null;
};

// Column weights for bm25, in the table's column order: headline, standfirst, body, authors, tags.
const BM25 = sql.raw('bm25(article_search, 10.0, 4.0, 1.0, 3.0, 3.0)');

/**
 * How many matches are ranked: the newest this many (by id, which follows publication). Ranking every
 * match of a common word (60,000 of 100,000 articles) cost ~190 ms a query; a cap keeps any query
 * about as cheap as a rare one, and a reader who needs more narrows by words, section or date.
 */
export const SEARCH_RANK_CAP = 2_000;

/**
 * Published articles matching an FTS5 expression (from lib/search/query.ts, never raw input), best
 * first, one page at a time. Fetches one row more than the page to know whether there is a next one.
 * Two steps: rank the newest SEARCH_RANK_CAP matches with bm25 alone, then mark up only the page's
 * rows (highlight and snippet read each row's stored text, so they run on 21 rows, not thousands).
 */
export async function searchPublishedArticles(args: {
  match: string;
  sectionSlug?: string;
  from?: Date | null;
  before?: Date | null;
  page: number;
  perPage: number;
  rankCap?: number;
}): Promise<SearchPage> {
  const { match, page, perPage, rankCap = SEARCH_RANK_CAP } = args;
  const now = Date.now();
  const ranked = await db.all<Row>(sql`
    SELECT id, slug, title, standfirst, published_at, section_slug, section_name FROM (
      SELECT a.id, a.slug, a.title, a.standfirst, a.published_at, s.slug AS section_slug, s.name AS section_name, ${BM25} AS score
      FROM article_search
      JOIN articles a ON a.id = article_search.rowid
      LEFT JOIN sections s ON s.id = a.section_id
      WHERE article_search MATCH ${match}
        AND a.status = 'published' AND a.published_at <= ${now}
        ${args.sectionSlug ? sql`AND s.slug = ${args.sectionSlug}` : sql``}
        ${args.from ? sql`AND a.published_at >= ${args.from.getTime()}` : sql``}
        ${args.before ? sql`AND a.published_at < ${args.before.getTime()}` : sql``}
      ORDER BY article_search.rowid DESC
      LIMIT ${rankCap}
    )
    ORDER BY score, published_at DESC
    LIMIT ${perPage + 1} OFFSET ${(page - 1) * perPage}
  `);
  const hits = ranked.slice(0, perPage);
  const ids = hits.map((r) => r.id);
  const [marks, authors] = await Promise.all([markUp(match, ids), authorsFor(ids)]);
  return {
    page,
    hasNext: ranked.length > perPage,
    items: hits.map((r) => {
      const m = marks.get(r.id) ?? { title_marked: r.title, standfirst_marked: r.standfirst, snippet: '' };
      return {
        id: r.id,
        slug: r.slug,
        titleMarked: m.title_marked,
        standfirst: r.standfirst,
        // The body's words around the match, else the standfirst when that is where the match is.
        snippet: m.snippet.includes(MARK_OPEN) || !m.standfirst_marked.includes(MARK_OPEN) ? m.snippet : m.standfirst_marked,
        publishedAt: new Date(Number(r.published_at)),
        section: r.section_slug && r.section_name ? { slug: r.section_slug, name: r.section_name } : null,
        authors: authors.get(r.id) ?? [],
      };
    }),
  };
}

/**
 * What the search page shows for its parameters: matches of the words (whole words when they already
 * fill a page, else the last word as a prefix); with dates and no words, every article of those days (an
 * old date archive leads here); null when there is nothing to look up.
 */
export async function searchFor(params: SearchParams, perPage: number): Promise<SearchPage | null> {
  const bounds = dateBounds(params);
  const prefixed = buildMatchExpression(params.q);
  if (!prefixed)
    return !params.q && (params.from || params.to) ? listPublishedBetween({ sectionSlug: params.section, ...bounds, page: params.page, perPage }) : null;
  const match = await chooseMatchExpression(buildMatchExpression(params.q, { prefix: false })!, prefixed, perPage);
  return searchPublishedArticles({ match, sectionSlug: params.section, from: bounds.from, before: bounds.before, page: params.page, perPage });
}

/**
 * Published articles in a date range, newest first, with no words to match: the search form's dates
 * alone, which is where an old site's date archive (/2019/05/) leads. Reads the status/date index.
 */
export async function listPublishedBetween(args: {
  sectionSlug?: string;
  from?: Date | null;
  before?: Date | null;
  page: number;
  perPage: number;
}): Promise<SearchPage> {
  const { page, perPage } = args;
  const now = Date.now();
  const rows = await db.all<Row>(sql`
    SELECT a.id, a.slug, a.title, a.standfirst, a.published_at, s.slug AS section_slug, s.name AS section_name
    FROM articles a
    LEFT JOIN sections s ON s.id = a.section_id
    WHERE a.status = 'published' AND a.published_at <= ${now}
      ${args.sectionSlug ? sql`AND s.slug = ${args.sectionSlug}` : sql``}
      ${args.from ? sql`AND a.published_at >= ${args.from.getTime()}` : sql``}
      ${args.before ? sql`AND a.published_at < ${args.before.getTime()}` : sql``}
    ORDER BY a.published_at DESC, a.id DESC
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
      titleMarked: r.title,
      standfirst: r.standfirst,
      snippet: '',
      publishedAt: new Date(Number(r.published_at)),
      section: r.section_slug && r.section_name ? { slug: r.section_slug, name: r.section_name } : null,
      authors: authors.get(r.id) ?? [],
    })),
  };
}

/**
 * Which expression to search with: the whole-word one when it already finds more than `enough`
 * articles, else the one whose last word is a prefix (for a half-typed word). A prefix of a common
 * word ("harbour*": harbour, harbours, Harbourton…) merges many index lists and cost ~200 ms on the
 * 100k fixture; whole words cost ~15 ms. The check reads at most `enough + 1` row ids and does not
 * depend on the page, so every page of one search uses the same expression.
 */
export async function chooseMatchExpression(whole: string, prefixed: string, enough: number): Promise<string> {
  if (whole === prefixed) return whole;
  const row = await db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM article_search WHERE article_search MATCH ${whole} LIMIT ${enough + 1})`,
  );
  return Number(row?.n ?? 0) > enough ? whole : prefixed;
}

type Marks = { id: number; title_marked: string; standfirst_marked: string; snippet: string };

/** Marked headline, standfirst and body snippet for a few matched articles. */
async function markUp(match: string, ids: number[]): Promise<Map<number, Marks>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<Marks>(sql`
    SELECT rowid AS id,
      highlight(article_search, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS title_marked,
      highlight(article_search, 1, ${MARK_OPEN}, ${MARK_CLOSE}) AS standfirst_marked,
      snippet(article_search, 2, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 28) AS snippet
    FROM article_search
    WHERE article_search MATCH ${match} AND rowid IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})
  `);
  return new Map(rows.map((r) => [Number(r.id), r]));
}

/**
 * Writes the plain text of bodies that have none (articles from before the search index, or whose
 * body a write changed without it); the index triggers then re-index them. Returns how many.
 */
export async function fillMissingBodyText(batchSize = 200): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await db
      .select({ id: articles.id, body: articles.body, bodyFormat: articles.bodyFormat })
      .from(articles)
      .where(isNull(articles.bodyText))
      .limit(batchSize);
    if (batch.length === 0) return done;
    const [first, ...rest] = batch.map((a) =>
      db
        .update(articles)
        .set({ bodyText: articleBodyText(a.body, a.bodyFormat) })
        .where(eq(articles.id, a.id)),
    );
    await db.batch([first, ...rest]);
    done += batch.length;
  }
}
