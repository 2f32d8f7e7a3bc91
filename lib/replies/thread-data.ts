/**
 * The discussion as the page's client renderer gets it (components/comments/thread-view.tsx).
 *
 * Every element a server component renders is sent twice: as HTML, and again in the page's inline RSC
 * payload as an element tree (tag, props, class lists, keys, each escaped into a script string). For a
 * 50-reply discussion that tree was 60 KB of a 145 KB page. Rendering the thread in a client component
 * from this compact form sends the same HTML and, in the payload, only the data: names, times and
 * text, as arrays. Nothing is dropped: the HTML still holds every reply, with or without JavaScript.
 *
 * Pure module: no framework, no I/O.
 */
import type { PublicReply } from '@/db/queries/replies';
import { buildThread, type ThreadNode } from './thread';
import { parseReplyText } from './text';
import { REPLY_FLAG, type ThreadItem, type ThreadLine } from './thread-item';

export { REPLY_FLAG, type ThreadItem, type ThreadLine };

/** A reply as the article page reads it (db/queries/replies.ts). */
export type ThreadReply = PublicReply;

/** A reply's text as paragraphs of lines, links as [href, text] (parseReplyText's rules). */
export function compactReplyText(body: string): ThreadLine[][] {
  return parseReplyText(body).map((p) => p.lines.map((line) => line.map((s) => (s.kind === 'link' ? [s.href, s.text] : s.text))));
}

export function toThreadItems(
  replies: ThreadReply[],
  { canReply, maxDepth, formatTime }: { canReply: boolean; maxDepth: number; formatTime: (date: Date) => string },
): ThreadItem[] {
  const item = ({ reply: r, children }: ThreadNode<ThreadReply>): ThreadItem => {
    const held = r.status === 'pending';
    const flags = (r.isStaff ? REPLY_FLAG.staff : 0) | (held ? REPLY_FLAG.held : 0) | (canReply && !held && r.depth < maxDepth ? REPLY_FLAG.canReply : 0);
    return [r.id, r.authorName, r.authorUrl, flags, r.createdAt.getTime(), formatTime(r.createdAt), compactReplyText(r.body), children.map(item)];
  };
  return buildThread(replies).map(item);
}
