import Link from 'next/link';
import type { ArticleDetail } from '@/db/queries/articles';
import type { PublicReply } from '@/db/queries/replies';
import { renderBody } from '@/lib/markdown/render';
import { mediaUrl } from '@/lib/uploads';
import { CommentThread } from '@/components/comments/comment-thread';
import { ReplyForm } from '@/components/comments/reply-form';
import { mailEnabled } from '@/lib/mail/transport';
import { replyModeNote } from '@/lib/replies/reply-mode';
import { Time } from '@/components/ui/time';
import { ResponsiveImage } from '@/components/ui/responsive-image';
import { NewItemsButton } from '@/components/live-island/new-items-button';
import type { LiveCursors } from '@/lib/live/cursor';
import { isLive, liveState } from '@/lib/live/state';
import { ArticleJsonLd } from './article-json-ld';
import { LiveBadge } from '@/components/live/live-badge';
import { KeyEvents, LiveSummary, LiveUpdatesSection, type LiveUpdatesData } from '@/components/live/live-updates';
import { Byline } from './byline';

export function ArticleView({
  article,
  replies,
  maxDepth,
  comments,
  replyTo,
  cursors,
  live,
}: {
  article: ArticleDetail;
  /** Approved replies, plus (for their own author only) held ones. */
  replies: PublicReply[];
  /** Deepest level a reply may sit at (the reply settings); deeper "Reply" links are not offered. */
  maxDepth: number;
  /** Which page of the approved replies this is, of how many, and how many there are in all. */
  comments: { page: number; pages: number; total: number };
  replyTo?: { id: number; name: string; quote?: string } | null;
  /** What this render holds (getArticlePageData): the reader island polls for anything newer. */
  cursors?: LiveCursors;
  /** A live (or once live) article's updates: this page of them and the key events. */
  live?: LiveUpdatesData | null;
}) {
  const coverage = liveState(article);
  // While live, or ended with updates: the updates section (and, once ended, the summary leading the page).
  const showUpdates = Boolean(live) && (coverage === 'live' || (coverage === 'ended' && (live?.latest ?? 0) > 0));
  const approvedCount = comments.total;
  const updated = article.contentUpdatedAt && article.contentUpdatedAt.getTime() - article.publishedAt.getTime() > 60_000 ? article.contentUpdatedAt : null;
  return (
    <article className="mx-auto max-w-3xl">
      <ArticleJsonLd article={article} commentCount={approvedCount} />
      <header className="mb-6">
        {(article.section || coverage === 'live') && (
          <p className="flex flex-wrap items-center gap-3">
            {coverage === 'live' && <LiveBadge />}
            {article.section && (
              <Link href={`/sections/${article.section.slug}`} className="text-xs font-bold uppercase tracking-widest text-[var(--color-accent)]">
                {article.section.name}
              </Link>
            )}
          </p>
        )}
        <h1 className="mt-2 font-serif text-4xl font-bold leading-tight sm:text-5xl">{article.title}</h1>
        {article.standfirst && <p className="mt-4 font-serif text-xl leading-snug text-current/80">{article.standfirst}</p>}
        <div className="mt-5 flex flex-col gap-1 border-y border-current/15 py-3 text-sm">
          <Byline authors={article.authors} />
          <p className="text-current/70">
            Published <Time date={article.publishedAt} withTime />
            {updated && (
              <>
                {' · '}Updated <Time date={updated} withTime />
              </>
            )}
          </p>
        </div>
      </header>

      {coverage === 'ended' && article.liveSummary && <LiveSummary summary={article.liveSummary} />}
      {showUpdates && live && <KeyEvents slug={article.slug} data={live} />}

      {article.coverImagePath && (
        <figure className="-mx-4 mb-8 sm:mx-0">
          <ResponsiveImage
            src={mediaUrl(article.coverImagePath)}
            alt={article.coverAlt ?? ''}
            width={1600}
            height={900}
            sizes="(min-width: 768px) 768px, 100vw"
            eager
            className="w-full"
          />
          {article.coverCaption && <figcaption className="mt-2 px-4 text-sm text-current/70 sm:px-0">{article.coverCaption}</figcaption>}
        </figure>
      )}

      <div
        className="prose prose-lg prose-neutral max-w-none font-serif dark:prose-invert prose-headings:font-serif prose-a:text-[var(--color-accent)]"
        dangerouslySetInnerHTML={{ __html: renderBody(article.body, article.bodyFormat) }}
      />

      {/* poll: keep this just above the live updates section. */}
      {cursors && isLive(article) && <NewItemsButton kind="updates" articleId={article.id} cursors={cursors} />}
      {showUpdates && live && <LiveUpdatesSection slug={article.slug} data={live} />}

      {article.corrections.length > 0 && (
        <aside aria-labelledby="corrections-heading" className="mt-10 border-l-4 border-[var(--color-accent)] bg-current/[0.03] px-4 py-3">
          <h2 id="corrections-heading" className="text-sm font-bold uppercase tracking-widest">
            Corrections
          </h2>
          <ul className="mt-2 space-y-2 font-serif">
            {article.corrections.map((c) => (
              <li key={c.id}>
                <Time date={c.createdAt} className="font-sans text-sm font-semibold" />: {c.body}
              </li>
            ))}
          </ul>
        </aside>
      )}

      {article.tags.length > 0 && (
        <nav aria-label="Tags" className="mt-10">
          <ul className="flex flex-wrap gap-2">
            {article.tags.map((t) => (
              <li key={t.slug}>
                <Link href={`/tags/${t.slug}`} className="inline-block rounded-full border border-current/25 px-3 py-1 text-sm hover:bg-current/5">
                  {t.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <section aria-labelledby="comments-heading" className="mt-12 border-t-4 border-double border-current/60 pt-6">
        <h2 id="comments-heading" className="mb-6 font-serif text-2xl font-bold">
          {approvedCount === 0 ? 'No comments yet' : approvedCount === 1 ? '1 comment' : `${approvedCount} comments`}
        </h2>
        {cursors && article.commentsOpen && (
          <div className="-mt-5 mb-1">
            <NewItemsButton kind="comments" articleId={article.id} cursors={cursors} />
          </div>
        )}
        {comments.pages > 1 && <CommentPager slug={article.slug} comments={comments} label="Comment pages, top" />}
        <CommentThread replies={replies} articleSlug={article.slug} canReply={article.commentsOpen} maxDepth={maxDepth} />
        {comments.pages > 1 && <CommentPager slug={article.slug} comments={comments} label="Comment pages" />}
        <div id="respond" className="mt-10 scroll-mt-6">
          {article.commentsOpen ? (
            <>
              <h2 className="mb-2 font-serif text-2xl font-bold">Leave a Reply</h2>
              <p className="mb-4 text-sm text-current/70">Your email address will not be published. Comments are moderated.</p>
              <ReplyForm
                articleId={article.id}
                articleSlug={article.slug}
                initialParent={replyTo ?? null}
                offerNotify={mailEnabled()}
                modeNote={replyModeNote(article.replyMode, article.replySlowSeconds)}
              />
            </>
          ) : (
            <p className="font-serif text-lg italic">Comments are closed.</p>
          )}
        </div>
      </section>
    </article>
  );
}

/** Links between the pages of a long discussion (oldest comments first). */
function CommentPager({ slug, comments, label }: { slug: string; comments: { page: number; pages: number }; label: string }) {
  const href = (page: number) => (page === 1 ? `/articles/${slug}#comments-heading` : `/articles/${slug}/comments/${page}#comments-heading`);
  return (
    <nav aria-label={label} className="my-4 flex items-center justify-between text-sm font-semibold">
      {comments.page > 1 ? (
        <Link href={href(comments.page - 1)} className="text-[var(--color-accent)] hover:underline">
          ← Earlier comments
        </Link>
      ) : (
        <span />
      )}
      <span className="text-current/70">
        Page {comments.page} of {comments.pages}
      </span>
      {comments.page < comments.pages ? (
        <Link href={href(comments.page + 1)} className="text-[var(--color-accent)] hover:underline">
          Later comments →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
