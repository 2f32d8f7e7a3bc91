'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getSiteTimeZone } from '@/app/(site)/cached-data';
import { BODY_FORMATS } from '@/db/enums';
import { SlugTakenError } from '@/db/queries/errors';
import {
  deletePage,
  getPageForEdit,
  moveFooterPage,
  PageGoneError,
  restorePageRevision,
  savePage,
  StalePageSaveError,
  type PageSaveResult,
} from '@/db/queries/pages';
import type { PageStatus } from '@/db/enums';
import { ActionError, staffAction, staffCall, staffRedirectAction, withNotice } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import type { ActionState } from '@/lib/forms';
import { isPlainFormPost } from '@/lib/form-result-server';
import { renderBody } from '@/lib/markdown/render';
import { pageConflict, pageConflictMessage, type PageConflict } from '@/lib/pages/editing';
import { unmovedReason } from '@/lib/pages/footer';
import {
  FooterMoveSchema,
  PAGE_BODY_MAX,
  PAGE_EDITOR_FORM,
  PAGE_FIELDS,
  PageIdSchema,
  PageRestoreSchema,
  PageSaveSchema,
  type PageIntent,
} from '@/lib/pages/schema';
import { expireTags } from '@/lib/revalidate/expire';
import { formatInZone } from '@/lib/time/zone';

// The site's own pages (About, policies). Every action: can('page.manage') through the wrapper, the
// work, then exactly the reader pages that show what changed: the page at its address (old and new),
// and the footer when the page is in it.

/** The editor's values; after a refused save also the version to save over and what the save was for. */
export type PageFormState = ActionState<Record<(typeof PAGE_FIELDS)[number] | 'id' | 'baseVersion' | 'intent' | 'conflictIntent', string>> & {
  conflict?: PageConflict;
};

const editorPage = (id: string | undefined) => (/^[1-9][0-9]{0,15}$/.test(id ?? '') ? `/admin/pages/${id}` : '/admin/pages/new');

const STATUS: Record<PageIntent, (current: PageStatus | null) => PageStatus> = {
  // On a published page the editor offers Publish (save, still live) and Unpublish; a plain save keeps the status.
  save: (current) => current ?? 'draft',
  publish: () => 'published',
  unpublish: () => 'draft',
};

const NOTICE: Record<PageIntent, string> = { save: 'saved', publish: 'published', unpublish: 'unpublished' };

/** Expires what readers could see change: the page at its address (and a former one), and the footer if it lists the page. */
async function expireSavedPage(saved: PageSaveResult) {
  const published = saved.status === 'published';
  if (!saved.wasPublished && !published) return;
  await expireTags(
    [
      cacheTags.page(saved.id),
      cacheTags.pageSlug(saved.slug),
      ...(saved.previousSlug ? [cacheTags.pageSlug(saved.previousSlug)] : []),
      ...(saved.inFooter ? [cacheTags.footerPages] : []),
      cacheTags.sitePages,
    ],
    // An imported site's old addresses may lead to this page by its slug.
    { redirects: Boolean(saved.previousSlug) || saved.wasPublished !== published },
  );
}

/** One action for the editor's buttons ("Save draft", "Publish", "Unpublish", and "Save my version"). */
export const savePageAction = staffAction(
  {
    allow: 'page.manage',
    schema: PageSaveSchema,
    fields: [...PAGE_FIELDS, 'id', 'baseVersion', 'intent'],
    invalid: 'The page was not saved. Please correct the marked fields.',
    plainPost: { form: () => PAGE_EDITOR_FORM, page: (values) => editorPage(values.id) },
  },
  async ({ id, baseVersion, intent, ...input }, { staff, values }): Promise<PageFormState> => {
    const existing = id ? await getPageForEdit(id) : null;
    if (id && !existing) throw new ActionError('That page no longer exists.');
    if (existing && baseVersion === null)
      throw new ActionError('The page was not saved: this form does not say which version it was based on. Reload the page.');
    if (existing && baseVersion !== existing.version) return refuseStale(existing.id, intent, values);
    let saved: PageSaveResult;
    try {
      saved = await savePage({
        id,
        baseVersion: baseVersion ?? undefined,
        input,
        status: STATUS[intent](existing?.status ?? null),
        actorId: staff.id,
      });
    } catch (e) {
      if (e instanceof SlugTakenError) throw new ActionError('The page was not saved.', { slug: e.message });
      if (e instanceof StalePageSaveError) return refuseStale(e.pageId, intent, values);
      if (e instanceof PageGoneError) throw new ActionError(e.message);
      throw e;
    }
    await expireSavedPage(saved);
    revalidatePath('/admin/pages');
    redirect(`/admin/pages/${saved.id}?notice=${NOTICE[intent]}`);
  },
);

/**
 * Someone saved since this editor opened the page: nothing was changed. The typed text comes back with
 * who saved, when, the difference, and the version to save over ("Save my version"). Without JavaScript
 * the editor page works the difference out again from the same values.
 */
async function refuseStale(pageId: number, intent: PageIntent, values: Record<string, string>): Promise<PageFormState> {
  const current = await getPageForEdit(pageId);
  if (!current) throw new ActionError('That page no longer exists.');
  const mine = { title: values.title ?? '', body: values.body ?? '' };
  const conflict = pageConflict(current, mine, intent);
  const state: PageFormState = {
    status: 'error',
    message: pageConflictMessage(conflict, await getSiteTimeZone()),
    values: { ...values, baseVersion: String(current.version), conflictIntent: intent },
  };
  // A plain post carries the state in a cookie (strings only); the page works out the conflict itself.
  return (await isPlainFormPost()) ? state : { ...state, conflict };
}

/** The editor's live preview, through the reader page's renderer, in the page's own format. Nothing is stored. */
export const previewPageAction = staffCall(
  {
    allow: 'page.manage',
    schema: z.object({ body: z.string().max(PAGE_BODY_MAX, 'The preview shows bodies up to 200,000 characters.'), format: z.enum(BODY_FORMATS) }),
    refused: (message) => renderBody(message, 'markdown'),
  },
  async ({ body, format }) => renderBody(body, format),
);

const pageIdFrom = (formData: FormData) => {
  const id = formData.get('pageId') ?? formData.get('id');
  return typeof id === 'string' ? id : undefined;
};

/** Puts a revision's title and body back as a new save (itself a revision): nothing is lost. */
export const restorePageRevisionAction = staffRedirectAction(
  {
    allow: 'page.manage',
    schema: PageRestoreSchema,
    input: (formData) => ({ pageId: formData.get('pageId'), revisionId: formData.get('revisionId'), baseVersion: formData.get('baseVersion') ?? '' }),
    back: (formData) => editorPage(pageIdFrom(formData)),
  },
  async ({ pageId, revisionId, baseVersion }, { staff }) => {
    const timeZone = await getSiteTimeZone();
    let saved: PageSaveResult | null;
    try {
      saved = await restorePageRevision({
        pageId,
        revisionId,
        baseVersion,
        actorId: staff.id,
        note: (savedAt) => `Restored from the revision of ${formatInZone(savedAt, timeZone, true)}`,
      });
    } catch (e) {
      if (e instanceof StalePageSaveError) {
        const current = await getPageForEdit(pageId);
        const change = { by: current?.lastChange?.by ?? 'Someone', at: current?.lastChange?.at.getTime() ?? Date.now() };
        throw new ActionError(`Nothing was restored: ${pageConflictMessage(change, timeZone)} Look at the current text first.`);
      }
      throw e;
    }
    if (!saved) throw new ActionError('Unknown revision.');
    await expireSavedPage(saved);
    revalidatePath('/admin/pages');
    return `/admin/pages/${pageId}?notice=restored`;
  },
);

/** Deletes a page with its revisions; readers get a 404 at its address. */
export const deletePageAction = staffRedirectAction(
  {
    allow: 'page.manage',
    schema: PageIdSchema,
    input: (formData) => ({ id: formData.get('id') }),
    back: (formData) => editorPage(pageIdFrom(formData)),
  },
  async ({ id }) => {
    const deleted = await deletePage(id);
    if (!deleted) throw new ActionError('That page no longer exists.');
    if (deleted.status === 'published')
      await expireTags([cacheTags.page(id), cacheTags.pageSlug(deleted.slug), cacheTags.sitePages, ...(deleted.inFooter ? [cacheTags.footerPages] : [])], {
        redirects: true,
      });
    revalidatePath('/admin/pages');
    return withNotice('/admin/pages', { notice: 'deleted', n: deleted.title });
  },
);

const FOOTER_NOTICE = { add: 'footer-added', remove: 'footer-removed', up: 'footer-moved', down: 'footer-moved' } as const;

/** The footer's links: add a published page, take one out, or move one up or down (plain forms on the desk). */
export const moveFooterPageAction = staffRedirectAction(
  {
    allow: 'page.manage',
    schema: FooterMoveSchema,
    input: (formData) => ({ id: formData.get('id'), move: formData.get('move') }),
    back: () => '/admin/pages',
  },
  async ({ id, move }) => {
    const result = await moveFooterPage(id, move);
    if (!result.moved) {
      if (result.reason === 'gone') throw new ActionError('That page no longer exists.');
      if (result.reason === 'draft') throw new ActionError('Only a published page can be in the footer. Publish it first.');
      throw new ActionError(unmovedReason(move));
    }
    await expireTags([cacheTags.footerPages]);
    revalidatePath('/admin/pages');
    return withNotice('/admin/pages', { notice: FOOTER_NOTICE[move], n: result.title });
  },
);
