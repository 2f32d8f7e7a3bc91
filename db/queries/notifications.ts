import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { env } from '@/lib/env';
import { unsubscribeQuery } from '@/lib/mail/signed-link';
import { newAnswerMail, pendingDigestMail, replyApprovedMail } from '@/lib/mail/templates';
import { mailEnabled } from '@/lib/mail/transport';
import { appSecret } from '@/lib/secret';
import { db } from '../index';
import { articles, replies, users } from '../schema';
import { enqueueMail, type QueuedMail } from './mail';

// Who hears about a reply becoming visible. Two events: a held reply approved (its author hears, if
// they asked), and an answer published (the author of the reply it answers hears, if they asked).
// Nobody hears about their own action, and the queue's dedupe key makes each event one mail.

function unsubscribeUrl(email: string) {
  return `${env.SITE_URL}/unsubscribe?${unsubscribeQuery(email, appSecret())}`;
}

function withUnsubscribeHeaders(mail: Omit<QueuedMail, 'headers'>, email: string): QueuedMail {
  const url = unsubscribeUrl(email);
  return { ...mail, headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
}

/**
 * Queues the mails for replies that just became visible. `approvedFromHold`: those a moderator let
 * out of the queue (their authors are told); every id in `visible` may be an answer to someone.
 * `actorEmail`: whoever caused it, who is never mailed about it.
 */
export async function queueReplyNotifications(args: { visible: number[]; approvedFromHold: number[]; actorEmail: string | null }) {
  if (!mailEnabled() || args.visible.length === 0) return;
  const rows = await db
    .select({
      id: replies.id,
      parentId: replies.parentId,
      authorName: replies.authorName,
      authorEmail: replies.authorEmail,
      body: replies.body,
      notify: replies.notifyReplies,
      status: replies.status,
      slug: articles.slug,
      title: articles.title,
    })
    .from(replies)
    .innerJoin(articles, eq(articles.id, replies.articleId))
    .where(inArray(replies.id, args.visible));
  const parentIds = [...new Set(rows.map((r) => r.parentId).filter((id): id is number => id !== null))];
  const parents = parentIds.length
    ? await db
        .select({ id: replies.id, authorName: replies.authorName, authorEmail: replies.authorEmail, notify: replies.notifyReplies, status: replies.status })
        .from(replies)
        .where(inArray(replies.id, parentIds))
    : [];
  const parentById = new Map(parents.map((p) => [p.id, p]));
  const actor = args.actorEmail?.toLowerCase() ?? null;
  const held = new Set(args.approvedFromHold);
  const mails: QueuedMail[] = [];
  for (const r of rows) {
    if (r.status !== 'approved') continue;
    const replyUrl = `${env.SITE_URL}/articles/${r.slug}#comment-${r.id}`;
    if (held.has(r.id) && r.notify && r.authorEmail !== actor) {
      mails.push(
        withUnsubscribeHeaders(
          {
            dedupeKey: `approved:${r.id}`,
            to: r.authorEmail,
            ...replyApprovedMail({ name: r.authorName, articleTitle: r.title, replyUrl, unsubscribeUrl: unsubscribeUrl(r.authorEmail) }),
          },
          r.authorEmail,
        ),
      );
    }
    const parent = r.parentId !== null ? parentById.get(r.parentId) : undefined;
    if (parent && parent.notify && parent.status === 'approved' && parent.authorEmail !== r.authorEmail && parent.authorEmail !== actor) {
      mails.push(
        withUnsubscribeHeaders(
          {
            dedupeKey: `answer:${r.id}`,
            to: parent.authorEmail,
            ...newAnswerMail({
              name: parent.authorName,
              answerName: r.authorName,
              answerBody: r.body,
              articleTitle: r.title,
              answerUrl: replyUrl,
              unsubscribeUrl: unsubscribeUrl(parent.authorEmail),
            }),
          },
          parent.authorEmail,
        ),
      );
    }
  }
  await enqueueMail(mails);
}

/**
 * The moderators' digest: one mail per opted-in moderator per hour while replies wait. The hour in
 * the dedupe key keeps it to one, however often housekeeping runs.
 */
export async function queuePendingDigests(health: { pending: number; oldestPendingMinutes: number | null }) {
  if (!mailEnabled() || health.pending === 0) return 0;
  const moderators = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.pendingDigest, true), eq(users.disabled, false), inArray(users.role, ['admin', 'editor', 'moderator'])));
  const hour = new Date().toISOString().slice(0, 13);
  return enqueueMail(
    moderators.map((m) => ({
      dedupeKey: `digest:${m.id}:${hour}`,
      to: m.email,
      ...pendingDigestMail({
        name: m.name,
        pending: health.pending,
        oldestMinutes: health.oldestPendingMinutes ?? 0,
        deskUrl: `${env.SITE_URL}/admin/comments`,
      }),
    })),
  );
}
