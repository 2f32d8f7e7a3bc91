import { Fragment } from 'react';
import { REPLY_LINK_REL, type ThreadLine } from '@/lib/replies/thread-item';

/**
 * A reply's text from its compact form (lib/replies/thread-data.ts): paragraphs, line breaks and
 * links, as flat as the text allows. Used on the server (ReplyBody) and in the client thread. Styled by
 * its container (`.reply-body` in app/globals.css), so it carries no classes of its own.
 */
export function ReplyText({ paragraphs }: { paragraphs: ThreadLine[][] }) {
  return paragraphs.map((lines, p) => (
    <p key={p}>
      {lines.map((line, l) => (
        <Fragment key={l}>
          {l > 0 && <br />}
          {line.map((segment, s) =>
            typeof segment === 'string' ? (
              segment
            ) : (
              <a key={s} href={segment[0]} rel={REPLY_LINK_REL}>
                {segment[1]}
              </a>
            ),
          )}
        </Fragment>
      ))}
    </p>
  ));
}
