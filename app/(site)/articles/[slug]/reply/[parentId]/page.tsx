import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { BUILD_PLACEHOLDER, getArticlePageData, getArticleReply, notFoundBriefly, placeholderParams } from '../../../../cached-data';
import { articleMetadata } from '../../article-metadata';
import { replyQuote } from '@/lib/replies/quote';

export const generateStaticParams = () => placeholderParams('slug', 'parentId');

// The no-JavaScript "Reply" link: the article with the form aimed at one approved reply.
async function load(params: PageProps<'/articles/[slug]/reply/[parentId]'>['params']) {
  const { slug, parentId } = await params;
  if (slug === BUILD_PLACEHOLDER) notFound();
  const data = await getArticlePageData(slug);
  if (!data.article || !data.article.commentsOpen || !/^[1-9][0-9]{0,12}$/.test(parentId)) return notFoundBriefly();
  // The parent may be on a later page of a long discussion.
  const parent = data.replies.find((r) => String(r.id) === parentId) ?? (await getArticleReply(data.article.id, Number(parentId)));
  if (!parent) return notFoundBriefly();
  return { ...data, article: data.article, parent };
}

export async function generateMetadata({ params }: PageProps<'/articles/[slug]/reply/[parentId]'>): Promise<Metadata> {
  const { article } = await load(params);
  return { ...articleMetadata(article), robots: { index: false } };
}

export default async function ReplyToCommentPage({ params }: PageProps<'/articles/[slug]/reply/[parentId]'>) {
  const { article, replies, parent, maxDepth, comments, cursors } = await load(params);
  return (
    <ArticleView
      article={article}
      replies={replies}
      maxDepth={maxDepth}
      comments={comments}
      cursors={cursors}
      replyTo={{ id: parent.id, name: parent.authorName, quote: replyQuote(parent.body) }}
    />
  );
}
