'use server';

import { revalidatePath, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { applyDecision, editReplyBody, getReplyForDesk, undoDecisions, type DecisionResult } from '@/db/queries/moderation';
import { eraseCommenter, replyIdsOfCommenter, replyIdsOfThread } from '@/db/queries/commenters';
import { queueReplyNotifications } from '@/db/queries/notifications';
import { dismissReports } from '@/db/queries/reports';
import { liftSanction, sanctionCommenter } from '@/db/queries/sanctions';
import { createReply } from '@/db/queries/replies';
import { getReplySettings } from '@/db/queries/settings';
import { can } from '@/lib/auth/permissions';
import { NotAllowedError, requireStaff } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import { fieldErrorsOf, formValues, type ActionState } from '@/lib/forms';
import { revalidateAgainShortly } from '@/lib/revalidate/echo';
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

// The moderation desk. Every action: session → can('reply.moderate') → zod → the work → revalidate
// the public articles whose visible replies changed (so readers see it on their next request).

async function requireModerator() {
  const staff = await requireStaff();
  if (!can(staff, { do: 'reply.moderate' })) throw new NotAllowedError();
  return staff;
}

/** For forms that answer with a state: the moderator, or the refusal to show in the form. */
async function moderatorForForm(): Promise<Awaited<ReturnType<typeof requireModerator>> | { refused: { status: 'error'; message: string } }> {
  try {
    return await requireModerator();
  } catch (e) {
    if (e instanceof NotAllowedError) return { refused: { status: 'error', message: e.message } };
    throw e;
  }
}

/** Only the desk itself is a place to come back to. */
function withNotice(path: string, notice: Record<string, string>) {
  const url = new URL(path, 'http://desk');
  for (const key of ['done', 'n', 'undo', 'error']) url.searchParams.delete(key);
  for (const [k, v] of Object.entries(notice)) url.searchParams.set(k, v);
  return url.pathname + url.search;
}

/** Articles whose public page shows a different set of replies after these changes. */
function refreshArticles(changed: DecisionResult['changed']) {
  const tags = [...new Set(changed.filter((c) => c.from === 'approved' || c.to === 'approved').map((c) => cacheTags.article(c.articleId)))];
  for (const tag of tags) updateTag(tag);
  revalidateAgainShortly(tags);
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
export async function moderateRepliesAction(formData: FormData): Promise<void> {
  const staff = await requireModerator();
  const parsed = DecisionSchema.safeParse({
    ids: formData.getAll('ids').map(String),
    decision: formData.get('decision'),
    returnTo: formData.get('returnTo') ?? undefined,
  });
  const back = deskReturn(typeof formData.get('returnTo') === 'string' ? String(formData.get('returnTo')) : undefined);
  if (!parsed.success) redirect(withNotice(back, { error: parsed.error.issues[0].message }));
  const result = await applyDecision(parsed.data.ids, parsed.data.decision, staff.id);
  refreshArticles(result.changed);
  await notifyVisible(result.changed, staff.email);
  redirect(withNotice(back, { done: parsed.data.decision, n: String(result.changed.length), ...(result.logIds.length ? { undo: result.logIds.join(',') } : {}) }));
}

/** Puts the replies of the last decision back where they were (if nobody has moved them since). */
export async function undoDecisionAction(formData: FormData): Promise<void> {
  const staff = await requireModerator();
  const parsed = UndoSchema.safeParse({ logIds: formData.get('logIds'), returnTo: formData.get('returnTo') ?? undefined });
  const back = deskReturn(parsed.success ? parsed.data.returnTo : undefined);
  if (!parsed.success) redirect(withNotice(back, { error: parsed.error.issues[0].message }));
  const result = await undoDecisions(parsed.data.logIds, staff.id);
  refreshArticles(result.changed);
  await notifyVisible(result.changed, staff.email);
  redirect(withNotice(back, { done: 'undo', n: String(result.changed.length) }));
}

export type DeskReplyState = ActionState<{ body: string }>;

/**
 * A staff reply from the desk: approved at once, marked Staff, threaded under the reply it answers.
 * Answering a held reply approves it too (it would otherwise hang under nothing).
 */
export async function staffReplyAction(_prev: DeskReplyState, formData: FormData): Promise<DeskReplyState> {
  const values = formValues(formData, ['parentId', 'body'] as const);
  const staff = await moderatorForForm();
  if ('refused' in staff) return { ...staff.refused, values: { body: values.body } };
  const parsed = StaffReplySchema.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'The reply was not posted.', fieldErrors: fieldErrorsOf(parsed.error), values: { body: values.body } };
  const parent = await getReplyForDesk(parsed.data.parentId);
  if (!parent) return { status: 'error', message: 'That reply no longer exists.' };
  if (parent.status === 'spam' || parent.status === 'trash') {
    return { status: 'error', message: 'Restore the reply before answering it.', values: { body: values.body } };
  }
  const { maxDepth } = await getReplySettings();
  // At the deepest level the answer joins the same conversation one level up, as on the public page.
  const threadParent = parent.depth >= maxDepth && parent.parentId !== null ? parent.parentId : parent.id;
  const depth = threadParent === parent.id ? parent.depth + 1 : parent.depth;
  const changed: DecisionResult['changed'] = [];
  if (parent.status === 'pending') {
    const approved = await applyDecision([parent.id], 'approve', staff.id);
    changed.push(...approved.changed);
  }
  const answer = await createReply({
    articleId: parent.articleId,
    parentId: threadParent,
    depth,
    authorName: staff.name,
    authorEmail: staff.email,
    authorUrl: null,
    body: parsed.data.body,
    status: 'approved',
    statusReason: null,
    userId: staff.id,
    ipHash: null,
    userAgent: null,
  });
  changed.push({ replyId: answer.id, articleId: parent.articleId, from: 'pending', to: 'approved' });
  refreshArticles(changed);
  await queueReplyNotifications({
    visible: changed.map((c) => c.replyId),
    approvedFromHold: parent.status === 'pending' ? [parent.id] : [],
    actorEmail: staff.email,
  });
  // Back to the desk with the notice there: answering a held reply moves it out of this queue.
  const back = deskReturn(typeof formData.get('returnTo') === 'string' ? String(formData.get('returnTo')) : undefined);
  redirect(withNotice(back, { done: parent.status === 'pending' ? 'reply-approved' : 'reply', n: '1' }));
}

export type EditReplyState = ActionState<{ body: string }>;

/** Corrects a reply's text; the previous text stays in the reply's log. */
export async function editReplyAction(_prev: EditReplyState, formData: FormData): Promise<EditReplyState> {
  const values = formValues(formData, ['id', 'body'] as const);
  const staff = await moderatorForForm();
  if ('refused' in staff) return { ...staff.refused, values: { body: values.body } };
  const parsed = EditReplySchema.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'The reply was not saved.', fieldErrors: fieldErrorsOf(parsed.error), values: { body: values.body } };
  const edited = await editReplyBody(parsed.data.id, parsed.data.body, staff.id);
  if (!edited) return { status: 'error', message: 'That reply no longer exists.' };
  if (edited.changed && edited.status === 'approved') refreshArticles([{ replyId: parsed.data.id, articleId: edited.articleId, from: 'approved', to: 'approved' }]);
  revalidatePath('/admin/comments');
  return { status: 'success', message: edited.changed ? 'Saved; the previous text is kept in the history.' : 'No change.' };
}

const returnOf = (formData: FormData) => deskReturn(typeof formData.get('returnTo') === 'string' ? String(formData.get('returnTo')) : undefined);

/** Ban, suspend until a date, or always hold a commenter (by email, optionally by address too). */
export async function sanctionCommenterAction(formData: FormData): Promise<void> {
  const staff = await requireModerator();
  const back = returnOf(formData);
  const parsed = SanctionSchema.safeParse({
    email: formData.get('email'),
    kind: formData.get('kind'),
    until: formData.get('until') ?? '',
    reason: formData.get('reason'),
    includeAddress: formData.get('includeAddress') ?? undefined,
  });
  if (!parsed.success) redirect(withNotice(back, { error: parsed.error.issues[0].message }));
  const { email, kind, until, reason, includeAddress } = parsed.data;
  await sanctionCommenter({ email, kind, until, reason, includeAddress, actorId: staff.id });
  revalidatePath('/admin/comments');
  redirect(withNotice(back, { done: `sanction-${kind}`, n: '1' }));
}

export async function liftSanctionAction(formData: FormData): Promise<void> {
  const staff = await requireModerator();
  const back = returnOf(formData);
  const parsed = LiftSanctionSchema.safeParse({ id: formData.get('id') });
  if (!parsed.success) redirect(withNotice(back, { error: parsed.error.issues[0].message }));
  const lifted = await liftSanction(parsed.data.id, staff.id);
  revalidatePath('/admin/comments');
  redirect(withNotice(back, { done: 'lift', n: lifted ? '1' : '0' }));
}

/** "Remove this commenter's replies" or "remove this whole thread": one step to the trash, undoable. */
export async function removeRepliesAction(formData: FormData): Promise<void> {
  const staff = await requireModerator();
  const back = returnOf(formData);
  const parsed = RemoveRepliesSchema.safeParse({ scope: formData.get('scope'), email: formData.get('email') ?? undefined, replyId: formData.get('replyId') ?? undefined });
  if (!parsed.success) redirect(withNotice(back, { error: parsed.error.issues[0].message }));
  const ids = parsed.data.scope === 'commenter' ? await replyIdsOfCommenter(parsed.data.email) : await replyIdsOfThread(parsed.data.replyId);
  const result = ids.length ? await applyDecision(ids, 'trash', staff.id) : { changed: [], logIds: [] };
  refreshArticles(result.changed);
  redirect(withNotice(back, { done: 'trash', n: String(result.changed.length), ...(result.logIds.length ? { undo: result.logIds.join(',') } : {}) }));
}

/** Clears the reports on replies the moderator judged fine; the replies stay as they are. */
export async function dismissReportsAction(formData: FormData): Promise<void> {
  const staff = await requireModerator();
  const back = returnOf(formData);
  const parsed = DismissReportsSchema.safeParse({ ids: formData.getAll('ids').map(String) });
  if (!parsed.success) redirect(withNotice(back, { error: parsed.error.issues[0].message }));
  const n = await dismissReports(parsed.data.ids, staff.id);
  revalidatePath('/admin', 'layout');
  redirect(withNotice(back, { done: 'dismiss', n: String(n) }));
}

/** Erases a commenter's personal data on request. Not undoable, so it must be confirmed. */
export async function eraseCommenterAction(formData: FormData): Promise<void> {
  const staff = await requireModerator();
  const back = returnOf(formData);
  const parsed = EraseCommenterSchema.safeParse({ email: formData.get('email'), confirm: formData.get('confirm') ?? '' });
  if (!parsed.success) redirect(withNotice(back, { error: parsed.error.issues[0].message }));
  const erased = await eraseCommenter(parsed.data.email, staff.id);
  refreshArticles(erased.articleIds.map((articleId) => ({ replyId: 0, articleId, from: 'approved' as const, to: 'approved' as const })));
  // The filter named the erased email; it no longer matches anything.
  const url = new URL(back, 'http://desk');
  url.searchParams.delete('email');
  redirect(withNotice(url.pathname + url.search, { done: 'erase', n: String(erased.replies) }));
}
