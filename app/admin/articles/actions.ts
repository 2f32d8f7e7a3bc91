'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getArticleForEdit, getRevision, latestChange, saveArticle, type SaveResult } from '@/db/queries/admin-articles';
import { keepAutosave } from '@/db/queries/article-editing';
import { queueReviewRequestMail } from '@/db/queries/review-requests';
import { getSiteTimeZone } from '@/app/(site)/cached-data';
import { SlugTakenError, StaleSaveError, UnknownSectionError } from '@/db/queries/errors';
import { storeImage } from '@/db/queries/media';
import { BODY_FORMATS } from '@/db/enums';
import type { ArticleStatus } from '@/db/schema';
import { conflictMessage, editedVersion, saveConflict } from '@/lib/articles/editing';
import { articleResource } from '@/lib/articles/resource';
import { ARTICLE_FIELDS, ArticleFormSchema, scheduledForInZone } from '@/lib/articles/schema';
import { formatInZone } from '@/lib/time/zone';
import type { Action, ArticleResource } from '@/lib/auth/permissions';
import { ActionError, assertCan, staffAction, staffCall, staffRedirectAction } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import type { ActionState } from '@/lib/forms';
import { isPlainFormPost } from '@/lib/form-result-server';
import { imageMarkdown } from '@/lib/markdown/figure';
import { renderBody, renderMarkdown } from '@/lib/markdown/render';
import { ImageRejectedError, processImageUpload } from '@/lib/media/process-image';
import { expireTags } from '@/lib/revalidate/expire';
import type { DiffPart } from '@/lib/text/word-diff';

/** A save refused because someone saved first: who, when, and the difference, so the editor can choose. */
export type SaveConflict = {
  /** The version to save over on purpose ("Save my version") or after merging by hand. */
  version: number;
  by: string;
  at: number;
  /** What the refused save was for, so "Save my version" does the same. */
  intent: Intent;
  /** Word diffs from the current text to the editor's, per field that differs. */
  diffs: { field: 'title' | 'standfirst' | 'body'; label: string; parts: DiffPart[] }[];
};

export type ArticleFormState = ActionState<Record<(typeof ARTICLE_FIELDS)[number], string>> & { conflict?: SaveConflict };

const INTENTS = ['save', 'submit', 'publish', 'schedule', 'unpublish'] as const;
type Intent = (typeof INTENTS)[number];

const version = z
  .string()
  .regex(/^([0-9]{1,15})?$/, 'Reload the article: this form is from an unknown version.')
  .transform((v) => (v === '' ? null : Number(v)));

const SaveSchema = ArticleFormSchema.extend({
  // Empty for a new article.
  id: z
    .string()
    .regex(/^([1-9][0-9]{0,15})?$/, 'That article no longer exists.')
    .transform((v) => (v === '' ? null : Number(v))),
  // The version the editor opened (empty for a new article): a save over a newer one is refused.
  baseVersion: version,
  intent: z.enum(INTENTS, { message: 'Unknown action.' }),
});

/** What the intent needs beyond the gate ('article.create'): an author may not change what an editor has published or scheduled. */
function permissionsFor(intent: Intent, article: ArticleResource | null): Action[] {
  const needed: Action[] = [article ? { do: 'article.edit', article } : { do: 'article.create' }];
  if (intent === 'submit' && article) needed.push({ do: 'article.submit', article });
  if (intent === 'publish') needed.push({ do: 'article.publish' });
  if (intent === 'schedule') needed.push({ do: 'article.schedule' });
  if (intent === 'unpublish') needed.push({ do: 'article.unpublish' });
  return needed;
}

const NOTICE: Record<Intent, string> = { save: 'saved', submit: 'submitted', publish: 'published', schedule: 'scheduled', unpublish: 'unpublished' };

/** One action for the editor's buttons ("Save draft", "Submit for review", "Publish", "Schedule", "Unpublish"). */
export const saveArticleAction = staffAction(
  {
    allow: 'article.create',
    schema: SaveSchema,
    fields: [...ARTICLE_FIELDS, 'id', 'baseVersion', 'intent'],
    echo: ARTICLE_FIELDS,
    invalid: 'The article was not saved. Please correct the marked fields.',
  },
  async ({ id, baseVersion, intent, ...input }, { staff, formData, values }): Promise<ArticleFormState> => {
    const existing = id ? await getArticleForEdit(id) : null;
    if (id && !existing) throw new ActionError('That article no longer exists.');
    for (const action of permissionsFor(intent, existing ? articleResource(existing) : null)) assertCan(staff, action);
    if (existing && baseVersion === null)
      throw new ActionError('The article was not saved: this form does not say which version it was based on. Reload the article.');

    // On a published article, saving keeps the changes pending (readers see the live version) until
    // someone publishes them, or until the time they are scheduled for.
    const pending = existing?.status === 'published' && intent !== 'publish' && intent !== 'unpublish';
    let status: ArticleStatus = existing?.status ?? 'draft';
    let publishedAt = existing?.publishedAt ?? null;
    if (intent === 'submit' && !pending) status = 'review';
    if (intent === 'publish') {
      status = 'published';
      publishedAt = existing?.status === 'published' && existing.publishedAt ? existing.publishedAt : new Date();
    }
    // The schedule is typed in the site's time zone.
    const timeZone = await getSiteTimeZone();
    const scheduledFor = scheduledForInZone(values.scheduledFor ?? '', timeZone);
    if (intent === 'schedule') {
      if (!scheduledFor) throw new ActionError('Choose when to publish.', { scheduledFor: 'Enter a date and time to publish at.' });
      if (scheduledFor.getTime() <= Date.now())
        throw new ActionError('The publication time must be in the future.', { scheduledFor: 'Choose a time in the future.' });
      if (!pending) {
        status = 'scheduled';
        publishedAt = scheduledFor;
      }
    }
    if (intent === 'unpublish') status = 'unpublished';

    // Refused before any upload when it is already plain that someone saved first (the save itself checks again).
    if (existing && baseVersion !== existing.version) return refuseStale(existing.id, intent, staff.id, baseVersion ?? 0, values, timeZone);

    // A cover needs alt text; an upload is checked by content and re-encoded before anything is saved.
    const cover = formData.get('cover');
    const hasNewCover = cover instanceof File && cover.size > 0;
    const currentCover = existing?.pending ? existing.pending.meta.coverImagePath : existing?.coverImagePath;
    if ((hasNewCover || currentCover) && !input.coverAlt) {
      throw new ActionError('The article was not saved. A cover image needs alt text.', {
        coverAlt: 'Describe the cover image for readers who cannot see it.',
      });
    }
    let coverImagePath: string | undefined;
    if (hasNewCover) {
      assertCan(staff, { do: 'media.upload' });
      try {
        coverImagePath = await storeImage(await processImageUpload(Buffer.from(await cover.arrayBuffer())), staff.id);
      } catch (e) {
        if (e instanceof ImageRejectedError) throw new ActionError('The article was not saved.', { cover: e.message });
        throw e;
      }
    }

    let saved;
    try {
      saved = await saveArticle({
        id,
        baseVersion: baseVersion ?? undefined,
        input,
        actorId: staff.id,
        status,
        publishedAt,
        coverImagePath,
        pending: pending ? { publishAt: intent === 'schedule' ? scheduledFor : undefined } : undefined,
      });
    } catch (e) {
      if (e instanceof SlugTakenError) throw new ActionError('The article was not saved.', { slug: e.message });
      if (e instanceof UnknownSectionError) throw new ActionError('The article was not saved.', { sectionId: e.message });
      if (e instanceof StaleSaveError) return refuseStale(e.articleId, intent, staff.id, baseVersion ?? 0, values, timeZone);
      throw e;
    }
    // Editors are told when something waits for their review.
    if (saved.status === 'review' && intent === 'submit') await queueReviewRequestMail(saved.id, staff.id);
    if (!saved.pending) await expireSavedArticle(saved, existing?.status === 'published');
    redirect(`/admin/articles/${saved.id}?notice=${saved.pending ? (intent === 'schedule' ? 'pending-scheduled' : 'pending') : NOTICE[intent]}`);
  },
);

/**
 * Someone saved since this editor opened the article: nothing was changed. Their text is kept as their
 * autosave copy (so even a closed tab loses nothing) and comes back with who saved, when, and the
 * difference. Without JavaScript the editor page shows the same from that copy.
 */
async function refuseStale(
  articleId: number,
  intent: Intent,
  userId: number,
  baseVersion: number,
  values: Record<string, string>,
  timeZone: string,
): Promise<ArticleFormState> {
  const mine = { title: values.title ?? '', standfirst: values.standfirst ?? '', body: values.body ?? '' };
  await keepAutosave(userId, articleId, baseVersion, mine);
  if (await isPlainFormPost()) redirect(`/admin/articles/${articleId}?restore=autosave&intent=${intent}`);
  const current = await getArticleForEdit(articleId);
  if (!current) throw new ActionError('That article no longer exists.');
  const conflict = saveConflict(current, mine, intent);
  return { status: 'error', message: conflictMessage(conflict, timeZone), values, conflict };
}

/** Expires exactly what readers could see change: the article (old and new address) and its lists. */
async function expireSavedArticle(saved: SaveResult, wasPublic: boolean) {
  if (!wasPublic && saved.status !== 'published' && saved.status !== 'scheduled') return;
  // An address may have moved, or an old one may have gone public or private with the article.
  await expireTags(cacheTags.forArticle(saved), { redirects: true });
}

const recordId = z.coerce
  .number({ message: 'Unknown revision.' })
  .int('Unknown revision.')
  .positive('Unknown revision.')
  .max(Number.MAX_SAFE_INTEGER, 'Unknown revision.');
const RestoreSchema = z.object({ articleId: recordId, revisionId: recordId, baseVersion: version });

/** The revision page the restore button was on; the list of articles when the form names none. */
function revisionPage(formData: FormData): string {
  const parsed = z
    .object({ articleId: recordId, revisionId: recordId })
    .safeParse({ articleId: formData.get('articleId'), revisionId: formData.get('revisionId') });
  return parsed.success ? `/admin/articles/${parsed.data.articleId}/revisions/${parsed.data.revisionId}` : '/admin/articles';
}

/**
 * Restores a revision's title, standfirst and body as a new save (itself a revision): nothing is lost.
 * On a published article the restored text is pending, like any save, until someone publishes it.
 */
export const restoreRevisionAction = staffRedirectAction(
  {
    allow: 'article.create',
    schema: RestoreSchema,
    input: (formData) => ({ articleId: formData.get('articleId'), revisionId: formData.get('revisionId'), baseVersion: formData.get('baseVersion') ?? '' }),
    back: revisionPage,
  },
  async ({ articleId, revisionId, baseVersion }, { staff }) => {
    const [article, revision] = await Promise.all([getArticleForEdit(articleId), getRevision(articleId, revisionId)]);
    if (!article || !revision) throw new ActionError('Unknown revision.');
    assertCan(staff, { do: 'article.edit', article: articleResource(article) });
    if (baseVersion === null) throw new ActionError('Nothing was restored: this form does not say which version it was based on. Reload the page.');
    const base = editedVersion(article);
    try {
      const saved = await saveArticle({
        id: article.id,
        baseVersion,
        input: { ...base, title: revision.title, standfirst: revision.standfirst, body: revision.body, scheduledFor: null },
        actorId: staff.id,
        status: article.status,
        publishedAt: article.publishedAt,
        note: `Restored from the revision of ${formatInZone(revision.createdAt, await getSiteTimeZone(), true)}`,
        pending: article.status === 'published' ? {} : undefined,
        // The text comes back in the format it was written in (revisions from before formats keep the article's).
        bodyFormat: z.enum(BODY_FORMATS).optional().catch(undefined).parse(revision.meta.bodyFormat),
      });
      if (!saved.pending) await expireSavedArticle(saved, article.status === 'published');
      return `/admin/articles/${article.id}?notice=${saved.pending ? 'restored-pending' : 'restored'}`;
    } catch (e) {
      if (e instanceof StaleSaveError) {
        const change = await latestChange(article.id);
        throw new ActionError(
          `Nothing was restored: ${conflictMessage({ by: change?.by ?? 'Someone', at: change?.at.getTime() ?? Date.now() })} Look at the current text first.`,
        );
      }
      throw e;
    }
  },
);

// The inline image form is a client island: it sends a FormData with the file, its alt text, and an
// optional caption and credit (shown under the image in the article).
const InlineImageSchema = z
  .custom<FormData>((v) => typeof (v as FormData | null)?.get === 'function', 'Choose an image first.')
  .transform((fd) => ({
    image: fd.get('image'),
    alt: String(fd.get('alt') ?? '')
      .trim()
      .slice(0, 300),
    caption: String(fd.get('caption') ?? '').trim(),
    credit: String(fd.get('credit') ?? '').trim(),
  }))
  .pipe(
    z.object({
      image: z.instanceof(File, { message: 'Choose an image first.' }).refine((f) => f.size > 0, 'Choose an image first.'),
      alt: z.string().min(1, 'Describe the image (alt text) before inserting it.'),
      caption: z.string().max(500, 'Keep the caption under 500 characters.'),
      credit: z.string().max(200, 'Keep the credit under 200 characters.'),
    }),
  );

/** Uploads an image for the body; returns the Markdown to insert, or a message. */
export const uploadInlineImageAction = staffCall(
  { allow: 'media.upload', schema: InlineImageSchema, refused: (error): { markdown?: string; error?: string } => ({ error }) },
  async ({ image, alt, caption, credit }, { staff }) => {
    try {
      const path = await storeImage(await processImageUpload(Buffer.from(await image.arrayBuffer())), staff.id);
      return { markdown: imageMarkdown({ src: `/media/${path}`, alt, caption, credit }) };
    } catch (e) {
      if (e instanceof ImageRejectedError) throw new ActionError(e.message);
      throw e;
    }
  },
);

const PreviewBody = z.string().max(200_000, 'The preview shows bodies up to 200,000 characters.');

/**
 * The editor's live preview, through the public page's renderer. Nothing is stored. A body alone is
 * Markdown; `{ body, format }` previews an imported HTML body as HTML, as readers see it.
 */
export const previewMarkdownAction = staffCall(
  {
    allow: 'article.create',
    schema: z.union([PreviewBody, z.object({ body: PreviewBody, format: z.enum(BODY_FORMATS) })]),
    // The refusal shows in the preview pane, as escaped text.
    refused: (message) => renderMarkdown(message),
  },
  async (input) => (typeof input === 'string' ? renderMarkdown(input) : renderBody(input.body, input.format)),
);
