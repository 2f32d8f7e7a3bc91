'use server';

import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getArticleForEdit, getRevision, SlugTakenError, saveArticle, type SaveResult } from '@/db/queries/admin-articles';
import type { ArticleStatus } from '@/db/schema';
import { ARTICLE_FIELDS, ArticleFormSchema } from '@/lib/articles/schema';
import { can, type Action } from '@/lib/auth/permissions';
import { NotAllowedError, requireStaff } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import { fieldErrorsOf, formValues, type ActionState } from '@/lib/forms';
import { renderMarkdown } from '@/lib/markdown/render';
import { refreshRedirects } from '@/lib/redirects/refresh';
import { revalidateAgainShortly } from '@/lib/revalidate/echo';
import { storeImage } from '@/db/queries/media';
import { ImageRejectedError, processImageUpload } from '@/lib/media/process-image';

export type ArticleFormState = ActionState<Record<(typeof ARTICLE_FIELDS)[number], string>>;

const INTENTS = ['save', 'submit', 'publish', 'schedule', 'unpublish'] as const;
type Intent = (typeof INTENTS)[number];

/**
 * One action for the editor's buttons ("Save draft", "Submit for review", "Publish", "Schedule",
 * "Unpublish"). Order: session → permission → validation → work → revalidation.
 */
export async function saveArticleAction(_prev: ArticleFormState, formData: FormData): Promise<ArticleFormState> {
  const raw = formValues(formData, [...ARTICLE_FIELDS, 'id', 'intent'] as const);
  const values = Object.fromEntries(ARTICLE_FIELDS.map((k) => [k, raw[k]])) as Record<(typeof ARTICLE_FIELDS)[number], string>;
  const fail = (message: string, fieldErrors?: Record<string, string>): ArticleFormState => ({ status: 'error', message, fieldErrors, values });

  let staff;
  try {
    staff = await requireStaff();
  } catch (e) {
    return fail((e as Error).message);
  }
  const intent = (INTENTS as readonly string[]).includes(raw.intent) ? (raw.intent as Intent) : null;
  if (!intent) return fail('Unknown action.');
  const id = /^[1-9][0-9]*$/.test(raw.id) ? Number(raw.id) : null;
  const existing = id ? await getArticleForEdit(id) : null;
  if (id && !existing) return fail('That article no longer exists.');

  const resource = existing
    ? { createdById: existing.createdById, authorIds: existing.authors.map((a) => a.id), status: existing.status }
    : null;
  const needed: Action[] = [resource ? { do: 'article.edit', article: resource } : { do: 'article.create' }];
  if (intent === 'submit') needed.push(resource ? { do: 'article.submit', article: resource } : { do: 'article.create' });
  if (intent === 'publish') needed.push({ do: 'article.publish' });
  if (intent === 'schedule') needed.push({ do: 'article.schedule' });
  if (intent === 'unpublish') needed.push({ do: 'article.unpublish' });
  // An author's edit to something an editor has published or scheduled would change it without review.
  if (!needed.every((a) => can(staff, a))) return fail(new NotAllowedError().message);

  const parsed = ArticleFormSchema.safeParse(values);
  if (!parsed.success) return fail('The article was not saved. Please correct the marked fields.', fieldErrorsOf(parsed.error));
  const input = parsed.data;

  let status: ArticleStatus = existing?.status ?? 'draft';
  let publishedAt = existing?.publishedAt ?? null;
  if (intent === 'submit') status = 'review';
  if (intent === 'publish') {
    status = 'published';
    publishedAt = existing?.status === 'published' && existing.publishedAt ? existing.publishedAt : new Date();
  }
  if (intent === 'schedule') {
    if (!input.scheduledFor) return fail('Choose when to publish.', { scheduledFor: 'Enter a date and time to publish at.' });
    if (input.scheduledFor.getTime() <= Date.now()) return fail('The publication time must be in the future.', { scheduledFor: 'Choose a time in the future.' });
    status = 'scheduled';
    publishedAt = input.scheduledFor;
  }
  if (intent === 'unpublish') status = 'unpublished';

  // A cover needs alt text; an upload is checked by content and re-encoded before anything is saved.
  const cover = formData.get('cover');
  const hasNewCover = cover instanceof File && cover.size > 0;
  if ((hasNewCover || existing?.coverImagePath) && !input.coverAlt) {
    return fail('The article was not saved. A cover image needs alt text.', { coverAlt: 'Describe the cover image for readers who cannot see it.' });
  }
  let coverImagePath: string | undefined;
  if (hasNewCover) {
    if (!can(staff, { do: 'media.upload' })) return fail(new NotAllowedError().message);
    try {
      coverImagePath = await storeImage(await processImageUpload(Buffer.from(await cover.arrayBuffer())), staff.id);
    } catch (e) {
      if (e instanceof ImageRejectedError) return fail('The article was not saved.', { cover: e.message });
      throw e;
    }
  }

  let saved;
  try {
    saved = await saveArticle({ id, input, actorId: staff.id, status, publishedAt, coverImagePath });
  } catch (e) {
    if (e instanceof SlugTakenError) return fail('The article was not saved.', { slug: e.message });
    throw e;
  }

  await revalidateSavedArticle(saved, existing?.status === 'published');
  const notice = { save: 'saved', submit: 'submitted', publish: 'published', schedule: 'scheduled', unpublish: 'unpublished' }[intent];
  redirect(`/admin/articles/${saved.id}?notice=${notice}`);
}

/** Revalidates exactly what readers could see change: the article (old and new address) and its lists. */
async function revalidateSavedArticle(saved: SaveResult, wasPublic: boolean) {
  if (!wasPublic && saved.status !== 'published' && saved.status !== 'scheduled') return;
  const tags = [
    cacheTags.article(saved.id),
    cacheTags.articleSlug(saved.slug),
    ...(saved.previousSlug ? [cacheTags.articleSlug(saved.previousSlug)] : []),
    cacheTags.home,
    ...saved.sectionSlugs.map(cacheTags.section),
    ...saved.tagSlugs.map(cacheTags.tag),
    ...saved.authorSlugs.map(cacheTags.author),
  ];
  for (const tag of tags) updateTag(tag);
  revalidateAgainShortly(tags);
  // An address may have moved, or an old one may have gone public or private with the article.
  await refreshRedirects();
}

const RestoreSchema = z.object({ articleId: z.coerce.number().int().positive(), revisionId: z.coerce.number().int().positive() });

/** Restores a revision's title, standfirst and body as a new save (itself a revision): nothing is lost. */
export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const staff = await requireStaff();
  const parsed = RestoreSchema.safeParse({ articleId: formData.get('articleId'), revisionId: formData.get('revisionId') });
  if (!parsed.success) throw new Error('Unknown revision.');
  const { articleId, revisionId } = parsed.data;
  const [article, revision] = await Promise.all([getArticleForEdit(articleId), getRevision(articleId, revisionId)]);
  if (!article || !revision) throw new Error('Unknown revision.');
  const resource = { createdById: article.createdById, authorIds: article.authors.map((a) => a.id), status: article.status };
  if (!can(staff, { do: 'article.edit', article: resource })) throw new NotAllowedError();
  const saved = await saveArticle({
    id: article.id,
    input: {
      title: revision.title,
      slug: article.slug,
      standfirst: revision.standfirst,
      body: revision.body,
      sectionId: article.sectionId,
      tags: article.tags.map((t) => t.name),
      coverAlt: article.coverAlt,
      coverCaption: article.coverCaption,
      seoTitle: article.seoTitle,
      seoDescription: article.seoDescription,
      commentsOpen: article.commentsOpen,
      scheduledFor: null,
      correction: null,
    },
    actorId: staff.id,
    status: article.status,
    publishedAt: article.publishedAt,
    note: `Restored from the revision of ${revision.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  });
  await revalidateSavedArticle(saved, article.status === 'published');
  redirect(`/admin/articles/${article.id}?notice=restored`);
}

/** Uploads an image for the body; returns the Markdown to insert, or a message. */
export async function uploadInlineImageAction(formData: FormData): Promise<{ markdown?: string; error?: string }> {
  const staff = await requireStaff();
  if (!can(staff, { do: 'media.upload' })) return { error: new NotAllowedError().message };
  const file = formData.get('image');
  const alt = String(formData.get('alt') ?? '').trim().slice(0, 300);
  if (!(file instanceof File) || file.size === 0) return { error: 'Choose an image first.' };
  if (!alt) return { error: 'Describe the image (alt text) before inserting it.' };
  try {
    const path = await storeImage(await processImageUpload(Buffer.from(await file.arrayBuffer())), staff.id);
    return { markdown: `![${alt.replace(/[[\]]/g, '')}](/media/${path})` };
  } catch (e) {
    if (e instanceof ImageRejectedError) return { error: e.message };
    throw e;
  }
}

/** The editor's live preview, through the same renderer as the public page. */
const PreviewSchema = z.string().max(200_000);

/** The editor's live preview, through the public page's renderer. Nothing is stored. */
export async function previewMarkdownAction(body: unknown): Promise<string> {
  const staff = await requireStaff();
  if (!can(staff, { do: 'article.create' })) throw new NotAllowedError();
  const parsed = PreviewSchema.safeParse(body);
  if (!parsed.success) return '<p>The preview shows bodies up to 200,000 characters.</p>';
  return renderMarkdown(parsed.data);
}
