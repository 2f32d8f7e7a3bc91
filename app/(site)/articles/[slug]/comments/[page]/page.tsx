import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { parsePageNumber } from '@/components/ui/page-number';
import { BUILD_PLACEHOLDER, getArticlePageData, notFoundBriefly, placeholderParams } from '../../../../cached-data';
import { articleMetadata } from '../../article-metadata';

export const generateStaticParams = () => placeholderParams('slug', 'page');

// Later pages of a long discussion: the article again, with that page of its approved replies.
async function load(params: PageProps<'/articles/[slug]/comments/[page]'>['params']) {
  const { slug, page: pageParam } = await params;
  if (slug === BUILD_PLACEHOLDER) notFound();
  const page = parsePageNumber(pageParam);
  // Page 1 lives at the article's own address.
  if (!page || page < 2) return notFoundBriefly();
  // The article's own page (cached) knows how many pages there are: one past the end is a 404 without a query.
  const first = await getArticlePageData(slug);
  if (!first.article || page > first.comments.pages) return notFoundBriefly();
  const data = await getArticlePageData(slug, page);
  if (!data.article || page > data.comments.pages) return notFoundBriefly();
  return { ...data, article: data.article };
}

export async function generateMetadata({ params }: PageProps<'/articles/[slug]/comments/[page]'>): Promise<Metadata> {
  const { article, comments } = await load(params);
  const base = articleMetadata(article);
  return { ...base, title: `${article.title} — comments, page ${comments.page}`, robots: { index: false, follow: true } };
}

export default async function ArticleCommentsPage({ params }: PageProps<'/articles/[slug]/comments/[page]'>) {
  const { article, replies, maxDepth, comments, cursors } = await load(params);
  return <ArticleView article={article} replies={replies} maxDepth={maxDepth} comments={comments} cursors={cursors} />;
}
