import type { PublicReply } from '@/db/queries/replies';
import { buildThread, type ThreadNode } from '@/lib/replies/thread';
import { Time } from '@/components/ui/time';
import { ReplyBody } from './reply-body';

export const AWAITING_MODERATION = 'Your comment is awaiting moderation.';

function Comment({ node, articleSlug, canReply, maxDepth }: { node: ThreadNode<PublicReply>; articleSlug: string; canReply: boolean; maxDepth: number }) {
  const r = node.reply;
  const held = r.status === 'pending';
  const name = r.authorUrl ? (
    <a href={r.authorUrl} rel="nofollow ugc noopener" className="underline-offset-2 hover:underline">
      {r.authorName}
    </a>
  ) : (
    r.authorName
  );
  return (
    <li id={`comment-${r.id}`} className="scroll-mt-6">
      <article
        aria-label={`Comment by ${r.authorName}`}
        className={`rounded-sm border-l-2 py-3 pl-4 ${held ? 'border-amber-600 bg-amber-50 dark:bg-amber-950/40' : 'border-current/15'}`}
      >
        <header className="mb-1.5 flex flex-wrap items-baseline gap-x-2 text-sm">
          <span className="font-semibold">{name}</span>
          {r.isStaff && (
            <span className="rounded-sm bg-[var(--color-ink)] px-1.5 py-0.5 text-[0.65rem] font-bold uppercase tracking-wider text-[var(--color-paper)]">
              Staff
            </span>
          )}
          <a href={`#comment-${r.id}`} className="text-current/70 hover:underline">
            <Time date={r.createdAt} withTime />
          </a>
        </header>
        {held && <p className="mb-2 text-sm font-semibold italic text-amber-800 dark:text-amber-300">{AWAITING_MODERATION}</p>}
        <div data-comment-body className="font-serif text-[1.05rem] leading-relaxed">
          <ReplyBody body={r.body} />
        </div>
        <div className="mt-2 flex items-center gap-4">
          {canReply && !held && r.depth < maxDepth && (
            <a
              href={`/articles/${articleSlug}/reply/${r.id}#respond`}
              data-reply-to={r.id}
              data-reply-name={r.authorName}
              className="inline-block text-sm font-semibold text-[var(--color-accent)] hover:underline"
              aria-label={`Reply to ${r.authorName}`}
            >
              Reply
            </a>
          )}
          {!held && (
            // A GET form: a real button that opens the report page, with or without JavaScript.
            <form method="get" action={`/articles/${articleSlug}/report/${r.id}`}>
              <button className="text-sm text-current/70 hover:text-current hover:underline" aria-label={`Report the comment by ${r.authorName}`}>
                Report
              </button>
            </form>
          )}
        </div>
      </article>
      {/* Where "Reply" opens the form, under the reply it answers (components/comments/reply-form-island.tsx). */}
      <div data-reply-slot={r.id} />
      {node.children.length > 0 && (
        <ol className="ml-3 mt-2 space-y-2 border-l border-dotted border-current/20 pl-3 sm:ml-6 sm:pl-4">
          {node.children.map((child) => (
            <Comment key={child.reply.id} node={child} articleSlug={articleSlug} canReply={canReply} maxDepth={maxDepth} />
          ))}
        </ol>
      )}
    </li>
  );
}

export function CommentThread({
  replies,
  articleSlug,
  canReply,
  maxDepth,
}: {
  replies: PublicReply[];
  articleSlug: string;
  canReply: boolean;
  maxDepth: number;
}) {
  const tree = buildThread(replies);
  if (tree.length === 0) return null;
  return (
    <ol className="space-y-3">
      {tree.map((node) => (
        <Comment key={node.reply.id} node={node} articleSlug={articleSlug} canReply={canReply} maxDepth={maxDepth} />
      ))}
    </ol>
  );
}
