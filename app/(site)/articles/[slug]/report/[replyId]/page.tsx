import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReplyBody } from '@/components/comments/reply-body';
import { ReportForm } from '@/components/comments/report-form';
import { BUILD_PLACEHOLDER, getArticlePageData, getArticleReply, notFoundBriefly, placeholderParams } from '../../../../cached-data';

export const generateStaticParams = () => placeholderParams('slug', 'replyId');

export const metadata: Metadata = { title: 'Report a comment', robots: { index: false } };

// The "Report" button's page: the comment, and the form asking why. Reads the cached article data.
export default async function ReportCommentPage({ params }: PageProps<'/articles/[slug]/report/[replyId]'>) {
  const { slug, replyId } = await params;
  if (slug === BUILD_PLACEHOLDER) notFound();
  const data = await getArticlePageData(slug);
  if (!data.article || !/^[1-9][0-9]{0,12}$/.test(replyId)) return notFoundBriefly();
  // A comment held again (perhaps by this very report) is no longer shown, but the form stays to
  // give its answer.
  const reply = data.replies.find((r) => String(r.id) === replyId) ?? (await getArticleReply(data.article.id, Number(replyId)));
  return (
    <div className="mx-auto max-w-2xl">
      <p className="mb-2 text-sm">
        <Link href={`/articles/${slug}${reply ? `#comment-${reply.id}` : ''}`} className="font-semibold text-[var(--color-accent)] hover:underline">
          ← Back to “{data.article.title}”
        </Link>
      </p>
      <h1 className="mb-6 font-serif text-3xl font-bold">Report a comment</h1>
      {reply ? (
        <blockquote className="mb-8 border-l-4 border-current/20 pl-4">
          <p className="mb-1 text-sm font-semibold">{reply.authorName} wrote:</p>
          <div className="reply-body">
            <ReplyBody body={reply.body} />
          </div>
        </blockquote>
      ) : (
        <p className="mb-8 text-current/80">This comment is not shown on the article at the moment.</p>
      )}
      <ReportForm replyId={Number(replyId)} permalink={`/articles/${slug}/report/${replyId}`} />
    </div>
  );
}
