'use server';

import { updateTag } from 'next/cache';
import { getCurrentStaff } from '@/auth';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getArticleForReply } from '@/db/queries/articles';
import {
  countApprovedReplies,
  countPendingForArticle,
  countRecentReplies,
  createReply,
  findDuplicateReply,
  getReplyParent,
  hasApprovedReplyFromEmail,
} from '@/db/queries/replies';
import { queueReplyNotifications } from '@/db/queries/notifications';
import { activeSanction } from '@/db/queries/sanctions';
import { getReplySettings } from '@/db/queries/settings';
import { cacheTags } from '@/lib/cache-tags';
import { env } from '@/lib/env';
import { fieldErrorsOf, formValues, type ActionState } from '@/lib/forms';
import { mailEnabled } from '@/lib/mail/transport';
import { clientAddress, hashAddress } from '@/lib/request-address';
import { addHeldEntry, decodeHeldCookie, encodeHeldCookie, HELD_COOKIE, HELD_COOKIE_MAX_AGE } from '@/lib/replies/held-cookie';
import { repliesOpen } from '@/lib/replies/open';
import { newReplyPath } from '@/lib/replies/paging';
import { revalidateAgainShortly } from '@/lib/revalidate/echo';
import { decideReplyStatus } from '@/lib/replies/rules';
import { REPLY_FIELDS, ReplyFormSchema } from '@/lib/replies/schema';
import { appSecret } from '@/lib/secret';

type ReplyValues = Record<'comment' | 'name' | 'email' | 'website' | 'notify', string>;
export type ReplyFormState = ActionState<ReplyValues>;

/**
 * Posts a reader's reply. A public endpoint: it validates everything itself, and works as a plain
 * form post without JavaScript (it answers with a 303 to the article, or re-renders the form).
 */
export async function postReply(_prev: ReplyFormState, formData: FormData): Promise<ReplyFormState> {
  const raw = formValues(formData, REPLY_FIELDS);
  const values: ReplyValues = { comment: raw.comment, name: raw.name, email: raw.email, website: raw.website, notify: raw.notify };
  const fail = (message: string, fieldErrors?: ReplyFormState['fieldErrors']): ReplyFormState => ({
    status: 'error',
    message,
    fieldErrors,
    values,
  });

  const parsed = ReplyFormSchema.safeParse(raw);
  if (!parsed.success) {
    return fail('Your comment was not posted. Please correct the marked fields.', fieldErrorsOf(parsed.error));
  }
  const input = parsed.data;

  // Independent reads go out together: one round trip's wait instead of several on a libSQL server.
  const requestHeaders = await headers();
  const address = clientAddress(requestHeaders, env.TRUST_PROXY);
  const secret = appSecret();
  const ipHash = address ? hashAddress(address, secret) : null;
  const [article, settings, parent, staff, sanctionFound, duplicate, hasApproved] = await Promise.all([
    getArticleForReply(input.articleId),
    getReplySettings(),
    input.parentId !== null ? getReplyParent(input.parentId) : null,
    getCurrentStaff(),
    activeSanction(input.email, ipHash),
    findDuplicateReply(input.articleId, input.email, input.comment),
    hasApprovedReplyFromEmail(input.email),
  ]);
  if (!article) return fail('This article is not available for comments.');
  if (!repliesOpen(article, settings.closeAfterDays).open) return fail('Comments are closed.');
  let depth = 1;
  if (input.parentId !== null) {
    if (!parent || parent.articleId !== article.id || parent.status !== 'approved') {
      return fail('The comment you are replying to is no longer available.');
    }
    if (parent.depth >= settings.maxDepth) return fail('This conversation is too deeply nested to reply to here; please reply further up.');
    depth = parent.depth + 1;
  }

  // Signed-in staff reply as themselves: approved by the rules and marked "Staff".
  // Sanctions first: a banned or suspended commenter is told so, and nothing is stored.
  const sanction = staff ? null : sanctionFound;
  if (sanction?.kind === 'ban') return fail('You can no longer comment on Broadsheet.');
  if (sanction?.kind === 'suspend') {
    return fail(`You cannot comment until ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(sanction.until!)}.`);
  }

  if (duplicate) {
    return fail('Duplicate comment detected: it looks as though you have already said that.', {
      comment: 'You have already posted this comment.',
    });
  }
  const since = new Date(Date.now() - settings.floodSeconds * 1000);
  if ((await countRecentReplies(input.email, ipHash, since)) > 0) {
    return fail(`You are posting comments too quickly. Please wait ${settings.floodSeconds} seconds and try again.`);
  }

  const ruled = decideReplyStatus(
    {
      name: input.name,
      email: input.email,
      url: input.website,
      body: input.comment,
      ip: address,
      isStaff: staff !== null,
      honeypot: input.company,
      secondsSinceFormRendered: input.startedAt === null ? null : (Date.now() - input.startedAt) / 1000,
      hasApprovedReplyFromEmail: hasApproved,
    },
    settings,
  );
  const decision = await holdIfNeeded(ruled, { sanctioned: sanction?.kind === 'hold', articleId: article.id, backlogLimit: settings.articleBacklogLimit });

  const reply = await createReply({
    articleId: article.id,
    parentId: input.parentId,
    depth,
    authorName: staff?.name ?? input.name,
    authorEmail: staff?.email ?? input.email,
    authorUrl: input.website,
    body: input.comment,
    status: decision.status,
    statusReason: decision.status === 'approved' ? null : { rule: decision.rule, detail: decision.detail, match: decision.match?.text, field: decision.match?.field },
    userId: staff?.id ?? null,
    ipHash,
    userAgent: requestHeaders.get('user-agent')?.slice(0, 300) ?? null,
    notifyReplies: input.notify && mailEnabled(),
  });

  if (decision.status === 'approved') {
    updateTag(cacheTags.article(article.id));
    // As the desk does: a render in flight, or another instance reading a replica that has not caught
    // up, could otherwise cache the page without this reply.
    revalidateAgainShortly([cacheTags.article(article.id)]);
    await queueReplyNotifications({ visible: [reply.id], approvedFromHold: [], actorEmail: input.email });
    // A long discussion is paged oldest first: the new reply is on its last page.
    redirect(newReplyPath(article.slug, reply.id, await countApprovedReplies(article.id)));
  } else if (decision.status === 'pending') {
    // Only this reader sees their held reply: the signed cookie routes them to the article's dynamic variant.
    const jar = await cookies();
    const held = addHeldEntry(decodeHeldCookie(jar.get(HELD_COOKIE)?.value, secret), { replyId: reply.id, slug: article.slug });
    jar.set(HELD_COOKIE, encodeHeldCookie(held, secret), {
      httpOnly: true,
      sameSite: 'lax',
      secure: env.SITE_URL.startsWith('https:'),
      path: '/',
      maxAge: HELD_COOKIE_MAX_AGE,
    });
  }
  // Spam is answered like a held reply would be, minus the cookie: no signal for the spammer to tune against.
  redirect(`/articles/${article.slug}${decision.status === 'spam' ? '#respond' : `#comment-${reply.id}`}`);
}

/**
 * Rules that need the database, applied after the pure rules: a commenter under "always hold", and
 * an article whose queue of held replies is past its limit, hold what would have been approved.
 */
async function holdIfNeeded(
  decision: ReturnType<typeof decideReplyStatus>,
  ctx: { sanctioned: boolean; articleId: number; backlogLimit: number },
): Promise<ReturnType<typeof decideReplyStatus>> {
  if (decision.status !== 'approved' || decision.rule === 'staff') return decision;
  if (ctx.sanctioned) return { status: 'pending', rule: 'always-hold', detail: 'A moderator set this commenter’s replies to be held.' };
  if (ctx.backlogLimit > 0) {
    const waiting = await countPendingForArticle(ctx.articleId, ctx.backlogLimit);
    if (waiting >= ctx.backlogLimit) {
      return { status: 'pending', rule: 'article-backlog', detail: `${waiting} replies are already waiting on this article; every reply is held until the queue is worked down.` };
    }
  }
  return decision;
}
