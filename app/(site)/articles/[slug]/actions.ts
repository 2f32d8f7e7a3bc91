'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { queueReplyNotifications } from '@/db/queries/notifications';
import { countApprovedReplies, createReply } from '@/db/queries/replies';
import { gatherReplyFacts } from '@/db/queries/reply-facts';
import { cacheTags } from '@/lib/cache-tags';
import { env } from '@/lib/env';
import { capValues, fieldErrorsOf, formValues, type ActionState } from '@/lib/forms';
import { mailEnabled } from '@/lib/mail/transport';
import { countReply } from '@/lib/metrics';
import { clientAddress, hashAddress } from '@/lib/request-address';
import { admitReply } from '@/lib/replies/admit';
import { statusReasonOf } from '@/lib/replies/rules';
import { addHeldEntry, decodeHeldCookie, encodeHeldCookie, HELD_COOKIE, HELD_COOKIE_MAX_AGE } from '@/lib/replies/held-cookie';
import { newReplyPath } from '@/lib/replies/paging';
import { REPLY_FIELDS, ReplyFormSchema } from '@/lib/replies/schema';
import { expireTags } from '@/lib/revalidate/expire';
import { appSecret } from '@/lib/secret';

type ReplyValues = Record<'comment' | 'name' | 'email' | 'website' | 'notify', string>;
export type ReplyFormState = ActionState<ReplyValues>;

/**
 * Posts a reader's reply: parse → facts → admitReply (every rule, lib/replies/admit.ts) → store →
 * revalidate → redirect. A public endpoint: it validates everything itself, and works as a plain form
 * post without JavaScript (it answers with a 303 to the article, or re-renders the form).
 */
export async function postReplyAction(_prev: ReplyFormState, formData: FormData): Promise<ReplyFormState> {
  const raw = formValues(formData, REPLY_FIELDS);
  // What goes back into the form: each field at most its own limit, so an oversized post is never sent back whole.
  const values: ReplyValues = capValues(
    { comment: raw.comment, name: raw.name, email: raw.email, website: raw.website, notify: raw.notify },
    { comment: 5000, name: 80, email: 254, website: 200, notify: 10 },
  );
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

  const requestHeaders = await headers();
  const address = clientAddress(requestHeaders);
  const secret = appSecret();
  const ipHash = address ? hashAddress(address, secret) : null;
  const now = Date.now();
  // One round trip: the session and every fact the rules read go out together.
  const [staff, { settings, ...stored }] = await Promise.all([
    getCurrentStaff(),
    gatherReplyFacts({ articleId: input.articleId, parentId: input.parentId, email: input.email, body: input.comment, ipHash, now }),
  ]);
  const admission = admitReply(
    {
      ...stored,
      reply: {
        parentId: input.parentId,
        name: input.name,
        email: input.email,
        url: input.website,
        body: input.comment,
        ip: address,
        honeypot: input.company,
        secondsSinceFormRendered: input.startedAt === null ? null : (now - input.startedAt) / 1000,
      },
      isStaff: staff !== null,
      now,
    },
    settings,
  );
  if (!admission.admitted) return fail(admission.message, admission.fieldErrors);
  const { article, depth, decision } = admission;

  const reply = await createReply({
    articleId: article.id,
    parentId: input.parentId,
    depth,
    authorName: staff?.name ?? input.name,
    authorEmail: staff?.email ?? input.email,
    authorUrl: input.website,
    body: input.comment,
    status: decision.status,
    statusReason: statusReasonOf(decision),
    userId: staff?.id ?? null,
    ipHash,
    userAgent: requestHeaders.get('user-agent')?.slice(0, 300) ?? null,
    notifyReplies: input.notify && mailEnabled(),
  });
  countReply(decision.status);

  if (decision.status === 'approved') {
    await expireTags([cacheTags.article(article.id)]);
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
