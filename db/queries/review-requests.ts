import 'server-only';
import { and, asc, eq, inArray, isNotNull, max, ne } from 'drizzle-orm';
import { STAFF_ROLES } from '@/db/enums';
import { can } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { reviewRequestMail } from '@/lib/mail/templates';
import { mailEnabled } from '@/lib/mail/transport';
import { db } from '../index';
import { articleAuthors, articles, revisions, users } from '../schema';
import { enqueueMail } from './mail';

// Who hears that an article waits for review: everyone who could publish it (editors and admins, as
// lib/auth/permissions.ts decides), through the mail queue, never the one who submitted it.

/** The roles that may publish, asked of `can` itself so the two never disagree. */
const PUBLISHING_ROLES = STAFF_ROLES.filter((role) => can({ id: 0, role }, { do: 'article.publish' }));

/**
 * Queues one mail per publisher saying that `submittedById` submitted the article for review, naming
 * it, its byline and the editor's address. Nothing when mail is off or the article is not in review.
 * The dedupe key carries the submission's revision, so the same submission never mails twice while a
 * later one (after it was sent back) mails again. Returns how many mails were queued.
 */
export async function queueReviewRequestMail(articleId: number, submittedById: number): Promise<number> {
  if (!mailEnabled()) return 0;
  // The submission is saved by now: a failure to queue its mail is logged, never shown as a failed save.
  try {
    return await queueFor(articleId, submittedById);
  } catch (error) {
    log.error({ component: 'mail', articleId, err: error }, 'review request not queued');
    return 0;
  }
}

async function queueFor(articleId: number, submittedById: number): Promise<number> {
  const [article] = await db
    .select({ id: articles.id, title: articles.title, status: articles.status, updatedAt: articles.updatedAt })
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  if (!article || article.status !== 'review') return 0;
  const [[submitter], byline, [latest], publishers] = await Promise.all([
    db.select({ name: users.name }).from(users).where(eq(users.id, submittedById)).limit(1),
    db
      .select({ name: users.name })
      .from(articleAuthors)
      .innerJoin(users, eq(users.id, articleAuthors.userId))
      .where(eq(articleAuthors.articleId, articleId))
      .orderBy(asc(articleAuthors.position)),
    db
      .select({ id: max(revisions.id) })
      .from(revisions)
      .where(eq(revisions.articleId, articleId)),
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      // An account that cannot sign in (no password, disabled) could not act on the mail.
      .where(and(inArray(users.role, PUBLISHING_ROLES), eq(users.disabled, false), isNotNull(users.passwordHash), ne(users.id, submittedById))),
  ]);
  const submission = latest?.id ? `r${latest.id}` : `t${article.updatedAt?.getTime() ?? 0}`;
  const editUrl = `${env.SITE_URL}/admin/articles/${article.id}`;
  return enqueueMail(
    publishers.map((p) => ({
      dedupeKey: `review:${article.id}:${submission}:${p.id}`,
      to: p.email,
      ...reviewRequestMail({
        name: p.name,
        articleTitle: article.title,
        submittedBy: submitter?.name ?? 'Someone',
        byline: byline.map((b) => b.name),
        editUrl,
      }),
    })),
  );
}
