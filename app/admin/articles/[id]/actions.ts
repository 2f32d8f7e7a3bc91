'use server';

import { z } from 'zod';
import { getArticleResource } from '@/db/queries/admin-access';
import { discardAutosave, editorHeartbeat, keepAutosave, takeOverArticle, type Heartbeat } from '@/db/queries/article-editing';
import { ActionError, assertCan, staffCall, staffRedirectAction, withNotice } from '@/lib/auth/staff-action';

// The editor's safety net: autosave copies, who has the article open, taking it over. None of these
// change the article or what readers see.

const articleId = z.coerce
  .number({ message: 'Unknown article.' })
  .int('Unknown article.')
  .positive('Unknown article.')
  .max(Number.MAX_SAFE_INTEGER, 'Unknown article.');

/** Checks the article exists and this editor may change it: two indexed lookups, since the heartbeat asks every 15 s. */
async function editableArticle(id: number, staff: Parameters<typeof assertCan>[0]) {
  const article = await getArticleResource(id);
  if (!article) throw new ActionError('That article no longer exists.');
  assertCan(staff, { do: 'article.edit', article });
}

const AutosaveSchema = z.object({
  // Null while the article has not been saved yet.
  articleId: articleId.nullable(),
  baseVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  title: z.string().max(300 * 4, 'The title is too long to keep.'),
  standfirst: z.string().max(600 * 4, 'The standfirst is too long to keep.'),
  body: z.string().max(200_000, 'The body is too long to keep (200,000 characters at most).'),
});

export type AutosaveAnswer = { savedAt: number } | { error: string };

/** Keeps the editor's private copy of what they are typing; the article and its page do not change. */
export const autosaveArticleAction = staffCall(
  { allow: 'article.create', schema: AutosaveSchema, refused: (error): AutosaveAnswer => ({ error }) },
  async ({ articleId, baseVersion, ...text }, { staff }): Promise<AutosaveAnswer> => {
    if (articleId) await editableArticle(articleId, staff);
    const now = new Date();
    await keepAutosave(staff.id, articleId, baseVersion, text, now);
    return { savedAt: now.getTime() };
  },
);

export type HeartbeatAnswer = (Omit<Heartbeat, 'takenOver'> & { takenOver: { by: string; at: number } | null }) | { error: string };

/** "I still have this article open" every ~15 s; answers who else has, and whether it was taken over. */
export const editorHeartbeatAction = staffCall(
  {
    allow: 'article.create',
    schema: z.object({ articleId, first: z.boolean() }),
    refused: (error): HeartbeatAnswer => ({ error }),
  },
  async ({ articleId, first }, { staff }): Promise<HeartbeatAnswer> => {
    await editableArticle(articleId, staff);
    const beat = await editorHeartbeat(articleId, staff.id, first);
    return { ...beat, takenOver: beat.takenOver ? { by: beat.takenOver.by, at: beat.takenOver.at.getTime() } : null };
  },
);

const ArticleForm = z.object({ articleId });
const editorPage = (formData: FormData) => {
  const parsed = ArticleForm.safeParse({ articleId: formData.get('articleId') });
  return parsed.success ? `/admin/articles/${parsed.data.articleId}` : '/admin/articles';
};

/** Takes the article over from whoever holds it; they are told at their next heartbeat, and their text is kept. */
export const takeOverArticleAction = staffRedirectAction(
  { allow: 'article.create', schema: ArticleForm, input: (formData) => ({ articleId: formData.get('articleId') }), back: editorPage },
  async ({ articleId }, { staff, back }) => {
    await editableArticle(articleId, staff);
    await takeOverArticle(articleId, staff.id);
    return withNotice(back, { notice: 'taken-over' });
  },
);

/** Throws away this editor's autosave copy of the article (or of a new one). */
export const discardAutosaveAction = staffRedirectAction(
  {
    allow: 'article.create',
    schema: z.object({ articleId: articleId.nullable() }),
    input: (formData) => ({ articleId: formData.get('articleId') || null }),
    back: (formData) => (formData.get('articleId') ? editorPage(formData) : '/admin/articles/new'),
  },
  async ({ articleId }, { staff, back }) => {
    if (articleId) await editableArticle(articleId, staff);
    await discardAutosave(staff.id, articleId);
    return withNotice(back, { notice: 'discarded' });
  },
);
