'use client';

import { REPLY_FLAG, type ThreadItem } from '@/lib/replies/thread-item';
import { ReplyText } from './reply-text';

const AWAITING_MODERATION = 'Your comment is awaiting moderation.';

/**
 * The discussion, rendered from its compact data (see lib/replies/thread-data.ts why: the page's RSC
 * payload carries the data, not an element tree). It renders on the server like any component, so the
 * HTML holds every reply without JavaScript; in the browser it only hydrates. No utility classes:
 * `.thread` in app/globals.css styles each part by its position.
 */
export function ThreadView({ items, articleSlug }: { items: ThreadItem[]; articleSlug: string }) {
  return (
    <ol className="thread">
      {items.map((item) => (
        <Reply key={item[0]} item={item} articleSlug={articleSlug} />
      ))}
    </ol>
  );
}

function Reply({ item, articleSlug }: { item: ThreadItem; articleSlug: string }) {
  const [id, name, url, flags, createdAt, createdAtText, body, children] = item;
  const held = (flags & REPLY_FLAG.held) !== 0;
  return (
    <li id={`comment-${id}`}>
      <article aria-label={`Comment by ${name}`} {...(held ? { className: 'held' } : {})}>
        <header>
          <b>
            {url ? (
              <a href={url} rel="nofollow ugc noopener">
                {name}
              </a>
            ) : (
              name
            )}
          </b>
          {(flags & REPLY_FLAG.staff) !== 0 && <span className="staff">Staff</span>}
          <a href={`#comment-${id}`}>
            <time dateTime={new Date(createdAt).toISOString()}>{createdAtText}</time>
          </a>
        </header>
        {held && <p className="held-note">{AWAITING_MODERATION}</p>}
        <div data-comment-body className="reply-body">
          <ReplyText paragraphs={body} />
        </div>
        <footer>
          {(flags & REPLY_FLAG.canReply) !== 0 && (
            <a href={`/articles/${articleSlug}/reply/${id}#respond`} data-reply-to={id} data-reply-name={name} aria-label={`Reply to ${name}`}>
              Reply
            </a>
          )}
          {!held && (
            // A GET form: a real button that opens the report page, with or without JavaScript.
            <form method="get" action={`/articles/${articleSlug}/report/${id}`}>
              <button aria-label={`Report the comment by ${name}`}>Report</button>
            </form>
          )}
        </footer>
      </article>
      {/* Where "Reply" opens the form, under the reply it answers (components/comments/reply-form-island.tsx). */}
      <div data-reply-slot={id} />
      {children.length > 0 && (
        <ol>
          {children.map((child) => (
            <Reply key={child[0]} item={child} articleSlug={articleSlug} />
          ))}
        </ol>
      )}
    </li>
  );
}
