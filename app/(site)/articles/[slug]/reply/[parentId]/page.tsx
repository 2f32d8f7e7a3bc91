import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { BUILD_PLACEHOLDER, getArticlePageData, placeholderParams } from '../../../../cached-data';
import { articleMetadata } from '../../article-metadata';

export const generateStaticParams = () => placeholderParams('slug', 'parentId');

// The no-JavaScript "Reply" link: the article with the form aimed at one approved reply.
async function load(params: PageProps<'/articles/[slug]/reply/[parentId]'>['params']) {
  const { slug, parentId } = await params;
  if (slug === BUILD_PLACEHOLDER) notFound();
  const data = await getArticlePageData(slug);
  const parent = data.replies.find((r) => String(r.id) === parentId);
  if (!data.article || !parent || !data.article.commentsOpen) notFound();
  return { ...data, article: data.article, parent };
}

export async function generateMetadata({ params }: PageProps<'/articles/[slug]/reply/[parentId]'>): Promise<Metadata> {
  const { article } = await load(params);
  return { ...articleMetadata(article), robots: { index: false } };
}

export default async function ReplyToCommentPage({ params }: PageProps<'/articles/[slug]/reply/[parentId]'>) {
  const { article, replies, parent, maxDepth } = await load(params);
  return <ArticleView article={article} replies={replies} maxDepth={maxDepth} replyTo={{ id: parent.id, name: parent.authorName }} />;
}
