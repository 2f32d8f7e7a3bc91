import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import {
  getPublishedArticleBySlug,
  getRedirectedSlug,
  listLatestPerSection,
  listPublishedArticles,
} from '@/db/queries/articles';
import type { AuthorRef } from '@/db/queries/articles';
import { getApprovedReply, listApprovedReplies } from '@/db/queries/replies';
import { replyPageCount } from '@/lib/replies/paging';
import { getReplySettings } from '@/db/queries/settings';
import { repliesOpen } from '@/lib/replies/open';
import { getAuthorBySlug, getSectionBySlug, getTagBySlug, listSections } from '@/db/queries/taxonomy';
import { cacheTags } from '@/lib/cache-tags';

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
export const placeholderParams = <K extends string>(...keys: K[]) =>
  [Object.fromEntries(keys.map((k) => [k, BUILD_PLACEHOLDER])) as Record<K, string>];

const isBuildPhase = () => process.env.NEXT_PHASE === 'phase-production-build';

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
    return { article: null, replies: [], comments: { page: 1, pages: 1, total: 0 }, maxDepth: 0, redirectTo: await getRedirectedSlug(slug) } as const;
  }
  cacheTag(cacheTags.article(article.id), cacheTags.replySettings);
  tagBylines([[article]]);
  const [{ replies, total }, settings] = await Promise.all([listApprovedReplies({ articleId: article.id, page: commentPage }), getReplySettings()]);
  const comments = { page: commentPage, pages: replyPageCount(total), total };
  const discussion = repliesOpen(article, settings.closeAfterDays);
  // An article that closes by age later keeps its cached page only until then.
  if (discussion.closesAt !== null) {
    const seconds = Math.max(60, Math.ceil((discussion.closesAt - Date.now()) / 1000));
    cacheLife({ stale: Math.min(300, seconds), revalidate: seconds, expire: seconds });
  }
  return { article: { ...article, commentsOpen: discussion.open }, replies, comments, maxDepth: settings.maxDepth, redirectTo: null } as const;
}

/** One approved reply of an article (the reply and report pages), cached with the article. */
export async function getArticleReply(articleId: number, replyId: number) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.article(articleId));
  return getApprovedReply({ articleId, replyId });
}

export async function getFrontPage(page: number) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.home);
  const [latest, sections, bySection] = await Promise.all([
    listPublishedArticles({ kind: 'all' }, page, PER_PAGE, FRONT_PAGE_LATEST),
    page === 1 ? listSections() : Promise.resolve([]),
    page === 1 ? listLatestPerSection(4) : Promise.resolve(new Map()),
  ]);
  tagBylines([latest.items, ...bySection.values()]);
  return {
    latest,
    sectionBlocks: sections.map((s) => ({ section: s, articles: bySection.get(s.id) ?? [] })).filter((b) => b.articles.length > 0),
  };
}

export async function getSectionPage(slug: string, page: number) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.section(slug));
  const section = await getSectionBySlug(slug);
  if (!section) return null;
  const list = await listPublishedArticles({ kind: 'section', sectionId: section.id }, page, PER_PAGE);
  tagBylines([list.items]);
  return { section, list };
}

export async function getTagPage(slug: string, page: number) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.tag(slug));
  const tag = await getTagBySlug(slug);
  if (!tag) return null;
  const list = await listPublishedArticles({ kind: 'tag', tagId: tag.id }, page, PER_PAGE);
  tagBylines([list.items]);
  return { tag, list };
}

export async function getAuthorPage(slug: string, page: number) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.author(slug));
  const author = await getAuthorBySlug(slug);
  if (!author) return null;
  const list = await listPublishedArticles({ kind: 'author', userId: author.id }, page, PER_PAGE);
  tagBylines([list.items]);
  return { author, list };
}
