import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { BUILD_PLACEHOLDER, getArticlePageData, notFoundBriefly, placeholderParams } from '../../cached-data';
import { articleMetadata } from './article-metadata';

export const generateStaticParams = () => placeholderParams('slug');

async function load(slug: string) {
  if (slug === BUILD_PLACEHOLDER) notFound();
  const data = await getArticlePageData(slug);
  if (!data.article) {
    if (data.redirectTo) permanentRedirect(`/articles/${data.redirectTo}`);
    return notFoundBriefly();
  }
  return data;
}

export async function generateMetadata({ params }: PageProps<'/articles/[slug]'>): Promise<Metadata> {
  const { article } = await load((await params).slug);
  return articleMetadata(article);
}

/** The article as every reader gets it: rendered once, then served from the cache until a change. */
export default async function ArticlePage({ params }: PageProps<'/articles/[slug]'>) {
  const { article, replies, maxDepth, comments, cursors } = await load((await params).slug);
  return <ArticleView article={article} replies={replies} maxDepth={maxDepth} comments={comments} cursors={cursors} />;
}
