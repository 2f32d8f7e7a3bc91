import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { listPendingRepliesByIds } from '@/db/queries/replies';
import { decodeHeldCookie, HELD_COOKIE } from '@/lib/replies/held-cookie';
import { safeReturnPath } from '@/lib/safe-redirect';
import { appSecret } from '@/lib/secret';
import { getArticlePageData } from '../../../cached-data';
import { articleMetadata } from '../article-metadata';

// Rendered per request, whole (no Suspense hole), so it works without JavaScript.
export const instant = false;

/**
 * The article for a reader with held replies of their own: proxy.ts rewrites their requests here
 * when their signed cookie names this article. Everyone else gets the cached page.
 */
async function load(params: PageProps<'/articles/[slug]/held'>['params']) {
  const { slug } = await params;
  const entries = decodeHeldCookie((await cookies()).get(HELD_COOKIE)?.value, appSecret());
  const ids = (entries ?? []).filter((e) => e.slug === slug).map((e) => e.replyId);
  if (ids.length === 0) redirect(safeReturnPath(`/articles/${encodeURIComponent(slug)}`, '/'));
  const data = await getArticlePageData(slug);
  if (!data.article) notFound();
  const held = await listPendingRepliesByIds(data.article.id, ids);
  const replies = [...data.replies, ...held].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  return { article: data.article, replies, maxDepth: data.maxDepth, comments: data.comments, cursors: data.cursors };
}

export async function generateMetadata({ params }: PageProps<'/articles/[slug]/held'>): Promise<Metadata> {
  const { article } = await load(params);
  return { ...articleMetadata(article), robots: { index: false } };
}

export default async function ArticleWithHeldRepliesPage({ params }: PageProps<'/articles/[slug]/held'>) {
  const { article, replies, maxDepth, comments, cursors } = await load(params);
  return <ArticleView article={article} replies={replies} maxDepth={maxDepth} comments={comments} cursors={cursors} />;
}
