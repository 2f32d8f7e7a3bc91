'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { storeImage } from '@/db/queries/media';
import {
  correctLiveUpdate,
  deleteLiveUpdate,
  editLiveUpdate,
  endLiveCoverage,
  getLiveArticle,
  postLiveUpdate,
  setReplyMode,
  startLiveCoverage,
  type LiveArticle,
} from '@/db/queries/live-updates';
import type { StaffMember } from '@/db/queries/staff';
import { ActionError, assertCan, staffAction, staffRedirectAction, withNotice } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import type { ActionState } from '@/lib/forms';
import {
  articleIdField,
  CORRECTION_FIELDS,
  CorrectionSchema,
  DeleteUpdateSchema,
  EDIT_FIELDS,
  EditUpdateSchema,
  END_FIELDS,
  EndLiveSchema,
  POST_FIELDS,
  PostUpdateSchema,
  refuseEnd,
  refusePost,
  refuseStart,
  REPLY_MODE_FIELDS,
  ReplyModeSchema,
} from '@/lib/live/schema';
import { ImageRejectedError, processImageUpload } from '@/lib/media/process-image';
import { expireTags } from '@/lib/revalidate/expire';

// The live desk: starting and ending coverage (from the article editor), and the composer's updates,
// edits, deletes, corrections and reply mode. Every action: the wrapper's gate (whoever may publish),
// zod, then article.live on the loaded article; every write expires the article's reader pages.

export type LiveFormState = ActionState;

const composer = (id: number) => `/admin/articles/${id}/live`;
const editor = (id: number) => `/admin/articles/${id}`;
const idOf = (values: Record<string, string | undefined>) => (/^[1-9][0-9]{0,15}$/.test(values.articleId ?? '') ? Number(values.articleId) : null);
/** A plain post (no JavaScript) answers on the page it came from; an unknown article goes to the list. */
const plainOn = (page: (id: number) => string, form: (values: Record<string, string | undefined>) => string) => ({
  form,
  page: (values: Record<string, string | undefined>) => {
    const id = idOf(values);
    return id ? page(id) : '/admin/articles';
  },
});
const numberOf = (values: Record<string, string | undefined>) => (/^[1-9][0-9]{0,11}$/.test(values.number ?? '') ? values.number : null);
const rowForm = (kind: string) => (values: Record<string, string | undefined>) => `${kind}-${numberOf(values) ?? 'unknown'}`;
/** The composer with update N's edit and correction forms open. */
const editing = (values: Record<string, string | undefined>) => {
  const id = idOf(values);
  const n = numberOf(values);
  return id ? (n ? `${composer(id)}?edit=${n}` : composer(id)) : '/admin/articles';
};

/** The article, loaded, with the check that needs it. */
async function liveArticle(id: number, staff: StaffMember): Promise<LiveArticle> {
  const article = await getLiveArticle(id);
  if (!article) throw new ActionError('That article no longer exists.');
  assertCan(staff, { do: 'article.live', article: article.resource });
  return article;
}

/** An update changed: the article's own pages (and the poll route, tagged with the article) go stale. */
async function expireUpdates(article: LiveArticle) {
  await expireTags([cacheTags.article(article.id), cacheTags.articleSlug(article.slug)]);
  revalidatePath(composer(article.id));
}

/** Coverage started or ended: the badge shows in every list the article is in, too. */
async function expireCoverage(article: LiveArticle) {
  await expireTags(cacheTags.forArticle(article));
  revalidatePath(composer(article.id));
  revalidatePath(editor(article.id));
}

const ArticleForm = z.object({ articleId: articleIdField });
const editorBack = (formData: FormData) => {
  const parsed = ArticleForm.safeParse({ articleId: formData.get('articleId') });
  return parsed.success ? editor(parsed.data.articleId) : '/admin/articles';
};

/** "Start live coverage" on a published article's editor. */
export const startLiveCoverageAction = staffRedirectAction(
  { allow: 'article.publish', schema: ArticleForm, input: (formData) => ({ articleId: formData.get('articleId') }), back: editorBack },
  async ({ articleId }, { staff, back }) => {
    const article = await liveArticle(articleId, staff);
    const refusal = refuseStart(article);
    if (refusal) throw new ActionError(refusal);
    await startLiveCoverage(articleId);
    await expireCoverage(article);
    return withNotice(back, { notice: 'live-started' });
  },
);

/** "End live coverage", with the summary that then leads the page. */
export const endLiveCoverageAction = staffAction(
  {
    allow: 'article.publish',
    schema: EndLiveSchema,
    fields: END_FIELDS,
    invalid: 'Live coverage was not ended.',
    plainPost: plainOn(editor, () => 'live-end'),
  },
  async ({ articleId, summary }, { staff }): Promise<LiveFormState> => {
    const article = await liveArticle(articleId, staff);
    const refusal = refuseEnd(article);
    if (refusal) throw new ActionError(refusal);
    if (!(await endLiveCoverage(articleId, summary))) throw new ActionError('Live coverage of this article is not running.');
    await expireCoverage(article);
    redirect(withNotice(editor(articleId), { notice: 'live-ended' }));
  },
);

/** Reads the optional image of an update through the editor's upload pipeline (null: none chosen). */
async function storedImage(formData: FormData, alt: string, staffId: number): Promise<string | null> {
  const image = formData.get('image');
  if (!(image instanceof File) || image.size === 0) return null;
  if (!alt) throw new ActionError('The update was not posted.', { imageAlt: 'Describe the image for readers who cannot see it.' });
  try {
    return await storeImage(await processImageUpload(Buffer.from(await image.arrayBuffer())), staffId);
  } catch (e) {
    if (e instanceof ImageRejectedError) throw new ActionError('The update was not posted.', { image: e.message });
    throw e;
  }
}

/** "Post update": the next number, newest first on the page. */
export const postLiveUpdateAction = staffAction(
  {
    allow: 'article.publish',
    schema: PostUpdateSchema,
    fields: POST_FIELDS,
    invalid: 'The update was not posted.',
    plainPost: plainOn(composer, () => 'live-post'),
  },
  async ({ articleId, body, imageAlt, keyEvent }, { staff, formData }): Promise<LiveFormState> => {
    const article = await liveArticle(articleId, staff);
    const refusal = refusePost(article);
    if (refusal) throw new ActionError(refusal);
    const imagePath = await storedImage(formData, imageAlt, staff.id);
    const number = await postLiveUpdate(articleId, { body, imagePath, imageAlt: imagePath ? imageAlt : null, keyEvent, authorId: staff.id });
    await expireUpdates(article);
    return { status: 'success', message: `Update ${number} posted.` };
  },
);

/** Edits an update: its number stays, readers see "Updated …". */
export const editLiveUpdateAction = staffAction(
  {
    allow: 'article.publish',
    schema: EditUpdateSchema,
    fields: EDIT_FIELDS,
    invalid: 'The update was not saved.',
    plainPost: { form: rowForm('live-edit'), page: editing },
  },
  async ({ articleId, number, body, keyEvent }, { staff }): Promise<LiveFormState> => {
    const article = await liveArticle(articleId, staff);
    if (!(await editLiveUpdate(articleId, number, { body, keyEvent }))) throw new ActionError('That update no longer exists.');
    await expireUpdates(article);
    redirect(withNotice(composer(articleId), { notice: 'edited', n: String(number) }));
  },
);

/** Adds (or replaces) the correction shown under an update. */
export const correctLiveUpdateAction = staffAction(
  {
    allow: 'article.publish',
    schema: CorrectionSchema,
    fields: CORRECTION_FIELDS,
    invalid: 'The correction was not added.',
    plainPost: { form: rowForm('live-correct'), page: editing },
  },
  async ({ articleId, number, correction }, { staff }): Promise<LiveFormState> => {
    const article = await liveArticle(articleId, staff);
    if (!(await correctLiveUpdate(articleId, number, correction))) throw new ActionError('That update no longer exists.');
    await expireUpdates(article);
    redirect(withNotice(composer(articleId), { notice: 'corrected', n: String(number) }));
  },
);

const composerBack = (formData: FormData) => {
  const parsed = ArticleForm.safeParse({ articleId: formData.get('articleId') });
  return parsed.success ? composer(parsed.data.articleId) : '/admin/articles';
};

/** Deletes an update: its place and address stay, with a dated note. */
export const deleteLiveUpdateAction = staffRedirectAction(
  {
    allow: 'article.publish',
    schema: DeleteUpdateSchema,
    input: (formData) => ({ articleId: formData.get('articleId'), number: formData.get('number') }),
    back: composerBack,
  },
  async ({ articleId, number }, { staff, back }) => {
    const article = await liveArticle(articleId, staff);
    if (!(await deleteLiveUpdate(articleId, number))) throw new ActionError('That update no longer exists.');
    await expireUpdates(article);
    return withNotice(back, { notice: 'deleted', n: String(number) });
  },
);

/** How the article takes replies; the reply action enforces it. */
export const saveReplyModeAction = staffAction(
  {
    allow: 'article.publish',
    schema: ReplyModeSchema,
    fields: REPLY_MODE_FIELDS,
    invalid: 'The reply mode was not saved.',
    plainPost: plainOn(composer, () => 'reply-mode'),
  },
  async ({ articleId, replyMode, replySlowSeconds }, { staff }): Promise<LiveFormState> => {
    const article = await liveArticle(articleId, staff);
    await setReplyMode(articleId, replyMode, replySlowSeconds);
    await expireTags(cacheTags.forArticle(article));
    revalidatePath(composer(articleId));
    const said = {
      normal: 'Replies are open as usual.',
      hold: 'Every reply is held for a moderator.',
      slow: `Slow mode: one reply per reader every ${replySlowSeconds} seconds.`,
    };
    return { status: 'success', message: `Reply mode saved. ${said[replyMode]}` };
  },
);
