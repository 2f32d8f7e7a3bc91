import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { parsePageNumber } from '@/components/ui/page-number';
import { BUILD_PLACEHOLDER, getArticlePageData, getLiveUpdatesPage, notFoundBriefly, placeholderParams } from '../../../../../cached-data';
import { articleMetadata } from '../../../article-metadata';

export const generateStaticParams = () => placeholderParams('slug', 'page');

// Older updates of a live article, 20 a page, newest first: the article again with that page of them.
// Cached with the article's tags, like the pages of a long discussion.
async function load(params: PageProps<'/articles/[slug]/updates/page/[page]'>['params']) {
  const { slug, page: pageParam } = await params;
  if (slug === BUILD_PLACEHOLDER) notFound();
  const page = parsePageNumber(pageParam);
  // Page 1 lives at the article's own address.
  if (!page || page < 2) return notFoundBriefly();
  const data = await getArticlePageData(slug);
  if (!data.article || !data.article.liveStartedAt) return notFoundBriefly();
  const live = await getLiveUpdatesPage(data.article.id, page);
  if (page > live.pages) return notFoundBriefly();
  return { ...data, article: data.article, live };
}

export async function generateMetadata({ params }: PageProps<'/articles/[slug]/updates/page/[page]'>): Promise<Metadata> {
  const { article, live } = await load(params);
  return { ...articleMetadata(article), title: `${article.title} — updates, page ${live.page}`, robots: { index: false, follow: true } };
}

export default async function ArticleUpdatesPage({ params }: PageProps<'/articles/[slug]/updates/page/[page]'>) {
  const { article, replies, maxDepth, comments, live } = await load(params);
  return <ArticleView article={article} replies={replies} maxDepth={maxDepth} comments={comments} live={live} />;
}
