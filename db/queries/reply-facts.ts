import 'server-only';
import type { ReplyFacts } from '@/lib/replies/admit';
import { BACKLOG_LIMIT_MAX, FLOOD_SECONDS_MAX, type ReplySettings } from '@/lib/replies/settings';
import { getArticleForReply } from './articles';
import { approvedNamesForEmail, countPendingForArticle, findDuplicateReply, getReplyParent, latestReplyFrom } from './replies';
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
  const [settings, article, parent, sanction, duplicate, approvedNames, staffEmail, lastReplyAt, pendingOnArticle] = await Promise.all([
    getReplySettings(),
    getArticleForReply(articleId),
    parentId !== null ? getReplyParent(parentId) : null,
    activeSanction({ email, ipHash }),
    findDuplicateReply({ articleId, email, body }),
    approvedNamesForEmail(email),
    isStaffEmail(email),
    latestReplyFrom({ email, ipHash, since: new Date(input.now - FLOOD_SECONDS_MAX * 1000) }),
    countPendingForArticle({ articleId, cap: BACKLOG_LIMIT_MAX }),
  ]);
  return { settings, article, parent, sanction, duplicate, approvedNames, staffEmail, lastReplyAt, pendingOnArticle };
}
