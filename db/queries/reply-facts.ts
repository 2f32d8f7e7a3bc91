import 'server-only';
import type { ReplyFacts } from '@/lib/replies/admit';
import { REPLY_SLOW_SECONDS_MAX } from '@/lib/replies/reply-mode';
import { BACKLOG_LIMIT_MAX, FLOOD_SECONDS_MAX, type ReplySettings } from '@/lib/replies/settings';
import { getArticleForReply } from './articles';
import { approvedNamesForEmail, countPendingForArticle, findDuplicateReply, getReplyParent, latestReplyFrom, latestReplyOnArticleFrom } from './replies';
import { activeSanction } from './sanctions';
import { getReplySettings } from './settings';
import { isStaffEmail } from './staff';

type StoredFacts = Omit<ReplyFacts<NonNullable<Awaited<ReturnType<typeof getArticleForReply>>>>, 'reply' | 'isStaff' | 'now'>;

/**
 * Everything the reply rules (lib/replies/admit.ts) need from the database about a new reply, and the
 * settings, in one round trip: the reads are independent and go out together. The flood and backlog
 * reads do not wait for the settings: they look back as far and count as high as any setting allows,
 * and admitReply compares with the settings in force.
 */
export async function gatherReplyFacts(input: {
  articleId: number;
  parentId: number | null;
  email: string;
  body: string;
  ipHash: string | null;
  now: number;
}): Promise<StoredFacts & { settings: ReplySettings }> {
  const { articleId, parentId, email, body, ipHash } = input;
  const [settings, article, parent, sanction, duplicate, approvedNames, staffEmail, lastReplyAt, pendingOnArticle, lastReplyOnArticleAt] = await Promise.all([
    getReplySettings(),
    getArticleForReply(articleId),
    parentId !== null ? getReplyParent(parentId) : null,
    activeSanction({ email, ipHash }),
    findDuplicateReply({ articleId, email, body }),
    approvedNamesForEmail(email),
    isStaffEmail(email),
    latestReplyFrom({ email, ipHash, since: new Date(input.now - FLOOD_SECONDS_MAX * 1000) }),
    countPendingForArticle({ articleId, cap: BACKLOG_LIMIT_MAX }),
    // Slow mode's look-back (reply-mode.ts); read for every reply, as the article's mode is not known yet.
    latestReplyOnArticleFrom({ articleId, email, ipHash, since: new Date(input.now - REPLY_SLOW_SECONDS_MAX * 1000) }),
  ]);
  const replyMode = article ? { mode: article.replyMode, slowSeconds: article.replySlowSeconds, lastReplyOnArticleAt } : undefined;
  return { settings, article, parent, sanction, duplicate, approvedNames, staffEmail, lastReplyAt, pendingOnArticle, replyMode };
}
