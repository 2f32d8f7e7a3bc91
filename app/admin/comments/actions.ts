'use server';

import { revalidatePath, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { applyDecision, editReplyBody, getReplyForDesk, undoDecisions, type DecisionResult } from '@/db/queries/moderation';
import { createReply } from '@/db/queries/replies';
import { getReplySettings } from '@/db/queries/settings';
import { can } from '@/lib/auth/permissions';
import { NotAllowedError, requireStaff } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import { fieldErrorsOf, formValues, type ActionState } from '@/lib/forms';
import { revalidateAgainShortly } from '@/lib/revalidate/echo';
import { DecisionSchema, EditReplySchema, StaffReplySchema, UndoSchema } from '@/lib/replies/moderation-schema';
import { safeReturnPath } from '@/lib/safe-redirect';

// The moderation desk. Every action: session → can('reply.moderate') → zod → the work → revalidate
// the public articles whose visible replies changed (so readers see it on their next request).

async function requireModerator() {
  const staff = await requireStaff();
  if (!can(staff, { do: 'reply.moderate' })) throw new NotAllowedError();
  return staff;
}

/** Only the desk itself is a place to come back to. */
function deskReturn(value: string | undefined) {
  const path = safeReturnPath(value, '/admin/comments');
  return path.startsWith('/admin/comments') ? path : '/admin/comments';
}

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
  redirect(withNotice(back, { done: 'undo', n: String(result.changed.length) }));
}

export type DeskReplyState = ActionState<{ body: string }>;

/**
 * A staff reply from the desk: approved at once, marked Staff, threaded under the reply it answers.
 * Answering a held reply approves it too (it would otherwise hang under nothing).
 */
export async function staffReplyAction(_prev: DeskReplyState, formData: FormData): Promise<DeskReplyState> {
  const values = formValues(formData, ['parentId', 'body'] as const);
  let staff;
  try {
    staff = await requireModerator();
  } catch (e) {
    if (e instanceof NotAllowedError) return { status: 'error', message: e.message, values: { body: values.body } };
    throw e;
  }
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
  await createReply({
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
  changed.push({ replyId: 0, articleId: parent.articleId, from: 'pending', to: 'approved' });
  refreshArticles(changed);
  // Back to the desk with the notice there: answering a held reply moves it out of this queue.
  const back = deskReturn(typeof formData.get('returnTo') === 'string' ? String(formData.get('returnTo')) : undefined);
  redirect(withNotice(back, { done: parent.status === 'pending' ? 'reply-approved' : 'reply', n: '1' }));
}

export type EditReplyState = ActionState<{ body: string }>;

/** Corrects a reply's text; the previous text stays in the reply's log. */
export async function editReplyAction(_prev: EditReplyState, formData: FormData): Promise<EditReplyState> {
  const values = formValues(formData, ['id', 'body'] as const);
  let staff;
  try {
    staff = await requireModerator();
  } catch (e) {
    if (e instanceof NotAllowedError) return { status: 'error', message: e.message, values: { body: values.body } };
    throw e;
  }
  const parsed = EditReplySchema.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'The reply was not saved.', fieldErrors: fieldErrorsOf(parsed.error), values: { body: values.body } };
  const edited = await editReplyBody(parsed.data.id, parsed.data.body, staff.id);
  if (!edited) return { status: 'error', message: 'That reply no longer exists.' };
  if (edited.changed && edited.status === 'approved') refreshArticles([{ replyId: parsed.data.id, articleId: edited.articleId, from: 'approved', to: 'approved' }]);
  revalidatePath('/admin/comments');
  return { status: 'success', message: edited.changed ? 'Saved; the previous text is kept in the history.' : 'No change.' };
}
