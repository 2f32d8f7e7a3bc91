import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { notFound } from 'next/navigation';
import {
  countPublishedArticles,
  getArticleForReply,
  getPublishedArticleBySlug,
  getRedirectedSlug,
  listLatestPerSection,
  listPublishedArticles,
} from '@/db/queries/articles';
import type { ArticleListFilter, AuthorRef } from '@/db/queries/articles';
import { listPageCount } from '@/lib/articles/paging';
import { getApprovedReply, listApprovalTimes, listApprovedReplies } from '@/db/queries/replies';
import { APPROVALS_KEPT, liveTags, type LiveSnapshot } from '@/lib/live/cursor';
import { replyPageCount } from '@/lib/replies/paging';
import { getReplySettings, getSiteSettings } from '@/db/queries/settings';
import { repliesOpen } from '@/lib/replies/open';
import { getAuthorBySlug, getSectionBySlug, getTagBySlug, listSections } from '@/db/queries/taxonomy';
import { getPublishedPageBySlug, listFooterPages } from '@/db/queries/pages';
import { listActivePins, type ActivePin } from '@/db/queries/front-pins';
import { cacheTags } from '@/lib/cache-tags';
import { chosenOrder, nextExpiry } from '@/lib/front/order';
import { DEFAULT_TIME_ZONE } from '@/lib/time/zone';
import { getLiveUpdate, latestLiveUpdateNumber, listKeyEvents, listLiveUpdates, listShownLiveUpdates } from '@/db/queries/live-updates';
import { JSON_LD_UPDATES } from '@/lib/seo/live';
import { UPDATES_PER_PAGE, updatePageCount } from '@/lib/live/schema';
import { searchFor } from '@/db/queries/search';
import { parseSearchCacheKey } from '@/lib/search/cache-key';

// Reader pages read through these: cached until a change revalidates their tags, so a repeat
// request runs no query. Each function tags exactly what it read.

export const PER_PAGE = 20;
/** The front page's lead and latest stories; its page 2 continues from the tenth. */
const FRONT_PAGE_LATEST = 9;

/**
 * `next build` must not bake the build machine's rows into pages. Dynamic routes list only this
 * placeholder in generateStaticParams (Cache Components requires one), and it renders a 404
 * without touching the database.
 */
export const BUILD_PLACEHOLDER = '__build-placeholder';
export const placeholderParams = <K extends string>(...keys: K[]) => [Object.fromEntries(keys.map((k) => [k, BUILD_PLACEHOLDER])) as Record<K, string>];

const isBuildPhase = () => process.env.NEXT_PHASE === 'phase-production-build';

/**
 * How long an answer that something does not exist stays cached: unknown slugs and page numbers are
 * endless, so their entries must not live as long as a real page's (in Redis, without bound). Not
 * shorter: Next leaves an entry that expires in under five minutes out of the page (a per-request
 * hole, where notFound() would answer 200), and one stale for under five minutes out of its shell.
 */
export const NOT_FOUND_LIFE = { stale: 300, revalidate: 300, expire: 600 };

/** Read on the way to a 404: a page lives as long as the shortest entry it read, so its 404 goes soon too. */
async function shortLived() {
  'use cache';
  cacheLife(NOT_FOUND_LIFE);
  return true;
}

/** notFound() for a reader page, whose cached 404 then expires within minutes (see NOT_FOUND_LIFE). */
export async function notFoundBriefly(): Promise<never> {
  await shortLived();
  notFound();
}

export function getSectionsNav() {
  // The build phase gets its own cache entry (empty), never reused by the running server.
  return getSectionsNavCached(isBuildPhase());
}

async function getSectionsNavCached(duringBuild: boolean) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.sections);
  if (duringBuild) return [];
  return listSections();
}

/** The pages the footer links, in the editor's order: read by every reader page, expired when they change. */
export function getFooterPages() {
  return getFooterPagesCached(isBuildPhase());
}

async function getFooterPagesCached(duringBuild: boolean) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.footerPages);
  if (duringBuild) return [];
  return listFooterPages();
}

/** A published page at /{slug} (null: none, or a draft), cached until a save of it expires its tags. */
export async function getPageData(slug: string) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.pageSlug(slug));
  const page = await getPublishedPageBySlug(slug);
  if (!page) return missing();
  cacheTag(cacheTags.page(page.id));
  return page;
}

/**
 * The site's time zone, which every page showing a time reads (components/ui/time.tsx): cached, and
 * tagged so that saving the setting expires every such page, admin pages included.
 */
export function getSiteTimeZone(): Promise<string> {
  return getSiteTimeZoneCached(isBuildPhase());
}

async function getSiteTimeZoneCached(duringBuild: boolean): Promise<string> {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.siteSettings);
  if (duringBuild) return DEFAULT_TIME_ZONE;
  return (await getSiteSettings()).timeZone;
}

/** Tags the cache entry being filled with the byline of every author it shows. */
export function tagBylines(lists: { authors: AuthorRef[] }[][]) {
  const ids = new Set(lists.flatMap((items) => items.flatMap((a) => a.authors.map((au) => au.id))));
  if (ids.size) cacheTag(...[...ids].map(cacheTags.byline));
}

export async function getArticlePageData(slug: string, commentPage = 1) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.articleSlug(slug));
  const article = await getPublishedArticleBySlug(slug);
  if (!article) {
    const redirectTo = await getRedirectedSlug(slug);
    // An old address keeps its redirect as long as a page; an unknown one is forgotten within minutes.
    if (!redirectTo) cacheLife(NOT_FOUND_LIFE);
    return { article: null, replies: [], comments: { page: 1, pages: 1, total: 0 }, maxDepth: 0, redirectTo, cursors: { u: 0, c: 0 } } as const;
  }
  cacheTag(cacheTags.article(article.id), cacheTags.replySettings);
  tagBylines([[article]]);
  const [{ replies, total }, settings, latestUpdate, [newestApproval = 0]] = await Promise.all([
    listApprovedReplies({ articleId: article.id, page: commentPage }),
    getReplySettings(),
    article.liveStartedAt ? latestLiveUpdateNumber(article.id) : 0,
    listApprovalTimes(article.id, 1),
  ]);
  // What this render holds, for the reader island's poll (lib/live/cursor.ts): the newest update
  // number and the newest approval time. Tagged like the rest, so they move with the page.
  const cursors = { u: latestUpdate, c: newestApproval };
  const comments = { page: commentPage, pages: replyPageCount(total), total };
  // A page number past the discussion's end is a 404: forgotten within minutes.
  if (commentPage > comments.pages) cacheLife(NOT_FOUND_LIFE);
  const discussion = repliesOpen(article, settings.closeAfterDays);
  // An article that closes by age later keeps its cached page only until then.
  if (discussion.closesAt !== null) {
    const seconds = Math.max(60, Math.ceil((discussion.closesAt - Date.now()) / 1000));
    cacheLife({ stale: Math.min(300, seconds), revalidate: seconds, expire: seconds });
  }
  return { article: { ...article, commentsOpen: discussion.open }, replies, comments, maxDepth: settings.maxDepth, redirectTo: null, cursors } as const;
}

/** One approved reply of an article (the reply and report pages), cached with the article. */
export async function getArticleReply(articleId: number, replyId: number) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.article(articleId));
  const reply = await getApprovedReply({ articleId, replyId });
  if (!reply) cacheLife(NOT_FOUND_LIFE);
  return reply;
}

type ListKind = 'all' | 'section' | 'tag' | 'author';

/**
 * How many pages a list has (null: no such section, tag or author), cached with the list's own tag.
 * A list page reads this first and answers a page number past the end with a 404 without reading the
 * list, so unknown page numbers neither walk the index nor leave a long-lived entry each.
 */
export async function getListPageCount(kind: ListKind, slug = ''): Promise<number | null> {
  'use cache';
  cacheLife('max');
  let filter: ArticleListFilter;
  if (kind === 'all') {
    cacheTag(cacheTags.home);
    filter = { kind: 'all' };
  } else if (kind === 'section') {
    cacheTag(cacheTags.section(slug));
    const section = await getSectionBySlug(slug);
    if (!section) return missing();
    filter = { kind: 'section', sectionId: section.id };
  } else if (kind === 'tag') {
    cacheTag(cacheTags.tag(slug));
    const tag = await getTagBySlug(slug);
    if (!tag) return missing();
    filter = { kind: 'tag', tagId: tag.id };
  } else {
    cacheTag(cacheTags.author(slug));
    const author = await getAuthorBySlug(slug);
    if (!author) return missing();
    filter = { kind: 'author', userId: author.id };
  }
  return listPageCount(await countPublishedArticles(filter), PER_PAGE, kind === 'all' ? FRONT_PAGE_LATEST : PER_PAGE);
}

/** Inside a 'use cache' function: this answer is "nothing here", kept briefly. */
function missing(): null {
  cacheLife(NOT_FOUND_LIFE);
  return null;
}

export async function getFrontPage(page: number) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.home);
  const [latest, sections, bySection, pins] = await Promise.all([
    listPublishedArticles({ kind: 'all' }, page, PER_PAGE, FRONT_PAGE_LATEST),
    page === 1 ? listSections() : Promise.resolve([]),
    page === 1 ? listLatestPerSection(4) : Promise.resolve(new Map()),
    page === 1 ? readPins() : Promise.resolve([]),
  ]);
  // Page 1 is chosen: the pinned lead and top stories first, the rest newest-first (each section's
  // block likewise leads with its pinned lead). Later pages stay purely newest-first.
  const now = new Date();
  const items = page === 1 ? chosenOrder(pinsIn(pins, null), latest.items, now) : latest.items;
  tagBylines([items, ...bySection.values(), pins.map((p) => p.article)]);
  return {
    latest: { ...latest, items },
    sectionBlocks: sections
      .map((s) => ({ section: s, articles: chosenOrder(pinsIn(pins, s.id), bySection.get(s.id) ?? [], now).slice(0, 4) }))
      .filter((b) => b.articles.length > 0),
  };
}

/**
 * The live pins, inside a cached page. The scheduler deletes a pin when it expires and refreshes its
 * pages (api/publish-due); as a backstop the page looks again by the next expiry (never sooner than
 * five minutes, which would leave the page uncached; see NOT_FOUND_LIFE).
 */
async function readPins(): Promise<ActivePin[]> {
  const pins = await listActivePins();
  const next = nextExpiry(pins, new Date());
  if (next) {
    const seconds = Math.max(300, Math.ceil((next.getTime() - Date.now()) / 1000));
    cacheLife({ stale: 300, revalidate: seconds, expire: seconds });
  }
  return pins;
}

const pinsIn = (pins: ActivePin[], sectionId: number | null) => pins.filter((p) => p.sectionId === sectionId);

export async function getSectionPage(slug: string, page: number) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.section(slug));
  const section = await getSectionBySlug(slug);
  if (!section) return missing();
  const [list, pins] = await Promise.all([
    listPublishedArticles({ kind: 'section', sectionId: section.id }, page, PER_PAGE),
    page === 1 ? readPins() : Promise.resolve([]),
  ]);
  // Page 1 leads with the section's pinned lead; the rest stays newest-first.
  if (page === 1) list.items = chosenOrder(pinsIn(pins, section.id), list.items, new Date());
  tagBylines([list.items]);
  return { section, list };
}

export async function getTagPage(slug: string, page: number) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.tag(slug));
  const tag = await getTagBySlug(slug);
  if (!tag) return missing();
  const list = await listPublishedArticles({ kind: 'tag', tagId: tag.id }, page, PER_PAGE);
  tagBylines([list.items]);
  return { tag, list };
}

export async function getAuthorPage(slug: string, page: number) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.author(slug));
  const author = await getAuthorBySlug(slug);
  if (!author) return missing();
  const list = await listPublishedArticles({ kind: 'author', userId: author.id }, page, PER_PAGE);
  tagBylines([list.items]);
  return { author, list };
}

/**
 * The latest updates a live article's JSON-LD names (liveBlogUpdate), in one query, cached with the
 * article: posting, editing or deleting an update expires cacheTags.article(id).
 */
export async function getLiveJsonLdUpdates(articleId: number) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.article(articleId));
  return listShownLiveUpdates(articleId, JSON_LD_UPDATES);
}

/**
 * What the reader island's poll (/api/articles/[id]/live) answers from: the article's newest update
 * number and newest approval times, one entry per article whatever the reader's cursors, expired with
 * the article's page (liveTags). null: no such published article, forgotten within minutes.
 */
export function getLiveSnapshot(articleId: number): Promise<LiveSnapshot | null> {
  return getLiveSnapshotCached(articleId, isBuildPhase());
}

async function getLiveSnapshotCached(articleId: number, duringBuild: boolean): Promise<LiveSnapshot | null> {
  'use cache';
  cacheLife('max');
  cacheTag(...liveTags(articleId));
  if (duringBuild) return null;
  const article = await getArticleForReply(articleId);
  if (!article) {
    cacheLife(NOT_FOUND_LIFE);
    return null;
  }
  const [latestUpdate, approvals] = await Promise.all([latestLiveUpdateNumber(articleId), listApprovalTimes(articleId, APPROVALS_KEPT)]);
  return { latestUpdate, approvals };
}

/**
 * One page of a live article's updates (newest first; page 1 on the article's own page), with the key
 * events and how many pages there are: three indexed reads, cached with the article's tag, which every
 * post, edit and delete expires. Numbers run 1…latest without gaps (a delete keeps its row), so page p
 * holds the numbers below latest − (p − 1) × 20 + 1.
 */
export async function getLiveUpdatesPage(articleId: number, page = 1) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.article(articleId));
  const latest = await latestLiveUpdateNumber(articleId);
  const pages = updatePageCount(latest);
  if (page > pages) {
    cacheLife(NOT_FOUND_LIFE);
    return { updates: [], keyEvents: [], page, pages, latest };
  }
  const [updates, keyEvents] = await Promise.all([
    listLiveUpdates(articleId, { limit: UPDATES_PER_PAGE, before: latest - (page - 1) * UPDATES_PER_PAGE + 1 }),
    listKeyEvents(articleId),
  ]);
  return { updates, keyEvents, page, pages, latest };
}

/** Update N of a live article with a few neighbours (null: no such update), cached with the article. */
export async function getLiveUpdateInContext(articleId: number, number: number) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.article(articleId));
  const update = await getLiveUpdate(articleId, number);
  if (!update) return missing();
  // Two newer and two older, newest first, the update itself in the middle.
  const around = await listLiveUpdates(articleId, { limit: 5, before: number + 3 });
  return { update, around };
}

/**
 * A search's answer by its cache key (lib/search/cache-key.ts; null: not a key, forgotten within minutes).
 * Tagged `search`, which every article change expires (cacheTags.forArticle); `sections` and `tags` for a
 * renamed section or tag (the results show section names, the index holds tag names); the bylines shown.
 */
export async function getSearchAnswer(key: string) {
  'use cache';
  cacheLife('max');
  const params = parseSearchCacheKey(key);
  if (!params) return missing();
  cacheTag(cacheTags.search, cacheTags.sections, cacheTags.tags);
  const found = await searchFor(params, PER_PAGE);
  if (found) tagBylines([found.items]);
  return { params, found };
}
