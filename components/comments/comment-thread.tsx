import type { PublicReply } from '@/db/queries/replies';
import { toThreadItems } from '@/lib/replies/thread-data';
import { formatInZone } from '@/lib/time/zone';
import { siteTimeZone } from '@/components/ui/time';
import { ThreadView } from './thread-view';

/** The discussion: the replies as compact data for the thread's renderer (see lib/replies/thread-data.ts). */
export async function CommentThread({
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
  if (replies.length === 0) return null;
  const timeZone = await siteTimeZone();
  const items = toThreadItems(replies, { canReply, maxDepth, formatTime: (date) => formatInZone(date, timeZone, true) });
  return <ThreadView items={items} articleSlug={articleSlug} />;
}
