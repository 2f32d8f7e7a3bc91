'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { eraseCommenter, replyIdsOfCommenter, replyIdsOfThread } from '@/db/queries/commenters';
import { applyDecision, editReplyBody, undoDecisions, type DecisionResult } from '@/db/queries/moderation-decisions';
import { getReplyForDesk } from '@/db/queries/moderation-queue';
import { queueReplyNotifications } from '@/db/queries/notifications';
import { createReply } from '@/db/queries/replies';
import { dismissReports } from '@/db/queries/reports';
import { liftSanction, sanctionCommenter } from '@/db/queries/sanctions';
import { getReplySettings } from '@/db/queries/settings';
import { ActionError, staffAction, staffRedirectAction, withNotice } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import type { ActionState } from '@/lib/forms';
import { expireTags } from '@/lib/revalidate/expire';
import {
  DecisionSchema,
  deskReturn,
  DismissReportsSchema,
  EditReplySchema,
  EraseCommenterSchema,
  LiftSanctionSchema,
  RemoveRepliesSchema,
  SanctionSchema,
  StaffReplySchema,
  UndoSchema,
} from '@/lib/replies/moderation-schema';

// The moderation desk. Every action is made with the guarded wrappers (session → can('reply.moderate')
// → zod → the work), then revalidates the public articles whose visible replies changed, so readers
// see it on their next request. Plain forms go back to the desk page they came from with a notice.

/** A form field as a string, or undefined when missing (zod then says what is wrong). */
const text = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : undefined;
};

/** Only a desk page is a place to come back to (deskReturn refuses any other address). */
const deskBack = (formData: FormData) => deskReturn(text(formData, 'returnTo'));

const desk = { allow: 'reply.moderate', back: deskBack } as const;

/** The notice of a decision: how many replies changed, and the log ids that undo it. */
const decided = (done: string, result: DecisionResult) => ({
  done,
  n: String(result.changed.length),
  ...(result.logIds.length ? { undo: result.logIds.join(',') } : {}),
});

/** Articles whose public page shows a different set of replies after these changes. */
async function refreshArticles(changed: DecisionResult['changed']) {
  await expireTags(changed.filter((c) => c.from === 'approved' || c.to === 'approved').map((c) => cacheTags.article(c.articleId)));
  revalidatePath('/admin', 'layout');
}

/** Mails for replies that became visible: their held authors, and the people they answer. */
async function notifyVisible(changed: DecisionResult['changed'], actorEmail: string) {
  const visible = changed.filter((c) => c.to === 'approved' && c.from !== 'approved');
  await queueReplyNotifications({
    visible: visible.map((c) => c.replyId),
    approvedFromHold: visible.filter((c) => c.from === 'pending').map((c) => c.replyId),
    actorEmail,
  });
}

/** Approve, unapprove, spam, trash or restore one reply or many (the row buttons and the bulk bar). */
export const moderateRepliesAction = staffRedirectAction(
  { ...desk, schema: DecisionSchema, input: (fd) => ({ ids: fd.getAll('ids').map(String), decision: text(fd, 'decision'), returnTo: text(fd, 'returnTo') }) },
  async ({ ids, decision }, { staff, back }) => {
    const result = await applyDecision({ ids, decision, by: staff.id });
    await refreshArticles(result.changed);
    await notifyVisible(result.changed, staff.email);
    return withNotice(back, decided(decision, result));
  },
);

/** Puts the replies of the last decision back where they were (if nobody has moved them since). */
export const undoDecisionAction = staffRedirectAction(
  { ...desk, schema: UndoSchema, input: (fd) => ({ logIds: text(fd, 'logIds'), returnTo: text(fd, 'returnTo') }) },
  async ({ logIds }, { staff, back }) => {
    const result = await undoDecisions({ logIds, by: staff.id });
    await refreshArticles(result.changed);
    await notifyVisible(result.changed, staff.email);
    return withNotice(back, { done: 'undo', n: String(result.changed.length) });
  },
);

export type DeskReplyState = ActionState<{ body: string }>;

/** Plain form posts (no JavaScript) come back to the desk page the form was on (only a desk address), to that row's form. */
const deskAnswer = (form: string, key: 'parentId' | 'id') => ({
  form: (values: Partial<Record<'parentId' | 'id', string>>) => `${form}-${/^[0-9]{1,12}$/.test(values[key] ?? '') ? values[key] : 'unknown'}`,
  page: (values: { returnTo: string }) => deskReturn(values.returnTo),
});

/**
 * A staff reply from the desk: approved at once, marked Staff, threaded under the reply it answers.
 * Answering a held reply approves it too (it would otherwise hang under nothing).
 */
export const staffReplyAction = staffAction(
  {
    allow: 'reply.moderate',
    schema: StaffReplySchema,
    fields: ['parentId', 'body', 'returnTo'],
    echo: ['body'],
    invalid: 'The reply was not posted.',
    plainPost: deskAnswer('staff-reply', 'parentId'),
  },
  async ({ parentId, body }, { staff, formData }): Promise<DeskReplyState> => {
    const parent = await getReplyForDesk(parentId);
    if (!parent) throw new ActionError('That reply no longer exists.');
    if (parent.status === 'spam' || parent.status === 'trash') throw new ActionError('Restore the reply before answering it.');
    const { maxDepth } = await getReplySettings();
    // At the deepest level the answer joins the same conversation one level up, as on the public page.
    const threadParent = parent.depth >= maxDepth && parent.parentId !== null ? parent.parentId : parent.id;
    const depth = threadParent === parent.id ? parent.depth + 1 : parent.depth;
    const changed: DecisionResult['changed'] = [];
    if (parent.status === 'pending') changed.push(...(await applyDecision({ ids: [parent.id], decision: 'approve', by: staff.id })).changed);
    const answer = await createReply({
      articleId: parent.articleId,
      parentId: threadParent,
      depth,
      authorName: staff.name,
      authorEmail: staff.email,
      authorUrl: null,
      body,
      status: 'approved',
      statusReason: null,
      userId: staff.id,
      ipHash: null,
      userAgent: null,
    });
    changed.push({ replyId: answer.id, articleId: parent.articleId, from: 'pending', to: 'approved' });
    await refreshArticles(changed);
    await queueReplyNotifications({
      visible: changed.map((c) => c.replyId),
      approvedFromHold: parent.status === 'pending' ? [parent.id] : [],
      actorEmail: staff.email,
    });
    // Back to the desk with the notice there: answering a held reply moves it out of this queue.
    redirect(withNotice(deskBack(formData), { done: parent.status === 'pending' ? 'reply-approved' : 'reply', n: '1' }));
  },
);

export type EditReplyState = ActionState<{ body: string }>;

/** Corrects a reply's text; the previous text stays in the reply's log. */
export const editReplyAction = staffAction(
  {
    allow: 'reply.moderate',
    schema: EditReplySchema,
    fields: ['id', 'body', 'returnTo'],
    echo: ['body'],
    invalid: 'The reply was not saved.',
    plainPost: deskAnswer('edit-reply', 'id'),
  },
  async ({ id, body }, { staff }): Promise<EditReplyState> => {
    const edited = await editReplyBody({ id, body, by: staff.id });
    if (!edited) throw new ActionError('That reply no longer exists.');
    if (edited.changed && edited.status === 'approved') await refreshArticles([{ replyId: id, articleId: edited.articleId, from: 'approved', to: 'approved' }]);
    revalidatePath('/admin/comments');
    return { status: 'success', message: edited.changed ? 'Saved; the previous text is kept in the history.' : 'No change.' };
  },
);

/** Ban, suspend until a date, or always hold a commenter (by email, optionally by address too). */
export const sanctionCommenterAction = staffRedirectAction(
  {
    ...desk,
    schema: SanctionSchema,
    input: (fd) => ({
      email: text(fd, 'email'),
      kind: text(fd, 'kind'),
      until: text(fd, 'until') ?? '',
      reason: text(fd, 'reason'),
      includeAddress: text(fd, 'includeAddress'),
      returnTo: text(fd, 'returnTo'),
    }),
  },
  async ({ email, kind, until, reason, includeAddress }, { staff, back }) => {
    await sanctionCommenter({ email, kind, until, reason, includeAddress, actorId: staff.id });
    revalidatePath('/admin/comments');
    return withNotice(back, { done: `sanction-${kind}`, n: '1' });
  },
);

export const liftSanctionAction = staffRedirectAction(
  { ...desk, schema: LiftSanctionSchema, input: (fd) => ({ id: text(fd, 'id'), returnTo: text(fd, 'returnTo') }) },
  async ({ id }, { staff, back }) => {
    const lifted = await liftSanction(id, staff.id);
    revalidatePath('/admin/comments');
    return withNotice(back, { done: 'lift', n: lifted ? '1' : '0' });
  },
);

/** "Remove this commenter's replies" or "remove this whole thread": one step to the trash, undoable. */
export const removeRepliesAction = staffRedirectAction(
  {
    ...desk,
    schema: RemoveRepliesSchema,
    input: (fd) => ({ scope: text(fd, 'scope'), email: text(fd, 'email'), replyId: text(fd, 'replyId'), returnTo: text(fd, 'returnTo') }),
  },
  async (input, { staff, back }) => {
    const ids = input.scope === 'commenter' ? await replyIdsOfCommenter(input.email) : await replyIdsOfThread(input.replyId);
    const result = ids.length ? await applyDecision({ ids, decision: 'trash', by: staff.id }) : { changed: [], logIds: [] };
    await refreshArticles(result.changed);
    return withNotice(back, decided('trash', result));
  },
);

/** Clears the reports on replies the moderator judged fine; the replies stay as they are. */
export const dismissReportsAction = staffRedirectAction(
  { ...desk, schema: DismissReportsSchema, input: (fd) => ({ ids: fd.getAll('ids').map(String), returnTo: text(fd, 'returnTo') }) },
  async ({ ids }, { staff, back }) => {
    const n = await dismissReports(ids, staff.id);
    revalidatePath('/admin', 'layout');
    return withNotice(back, { done: 'dismiss', n: String(n) });
  },
);

/** Erases a commenter's personal data on request. Not undoable, so it must be confirmed. */
export const eraseCommenterAction = staffRedirectAction(
  { ...desk, schema: EraseCommenterSchema, input: (fd) => ({ email: text(fd, 'email'), confirm: text(fd, 'confirm') ?? '', returnTo: text(fd, 'returnTo') }) },
  async ({ email }, { staff, back }) => {
    const erased = await eraseCommenter(email, staff.id);
    await refreshArticles(erased.articleIds.map((articleId) => ({ replyId: 0, articleId, from: 'approved' as const, to: 'approved' as const })));
    // The filter named the erased email; it no longer matches anything.
    const url = new URL(back, 'http://desk');
    url.searchParams.delete('email');
    return withNotice(url.pathname + url.search, { done: 'erase', n: String(erased.replies) });
  },
);
