import type { EditableArticle } from '@/db/queries/admin-articles';
import type { StaffMember } from '@/db/queries/staff';
import type { EditorArticle } from '@/components/admin/article-editor';
import { editedVersion, type EditedText } from '@/lib/articles/editing';
import { articleResource } from '@/lib/articles/resource';
import { can } from '@/lib/auth/permissions';
import { toLocalInputValue } from '@/lib/time/zone';
import { mediaUrl } from '@/lib/uploads';

/**
 * The editor's fields: the pending changes when a published article has some, else the article; `text`
 * overrides (restored unsaved changes). Times for the form are in the site's zone.
 */
export function editorArticle(a: NonNullable<EditableArticle> | null, opts: { text?: EditedText; timeZone?: string } = {}): EditorArticle {
  const { text, timeZone = 'UTC' } = opts;
  const e = a ? editedVersion(a) : null;
  const scheduledAt = a?.status === 'scheduled' ? a.publishedAt : a?.status === 'published' ? a.pendingPublishAt : null;
  return {
    id: a?.id ?? null,
    title: text?.title ?? e?.title ?? '',
    slug: e?.slug ?? '',
    standfirst: text?.standfirst ?? e?.standfirst ?? '',
    body: text?.body ?? e?.body ?? '',
    sectionId: e?.sectionId ?? null,
    tags: e?.tags.join(', ') ?? '',
    coverAlt: e?.coverAlt ?? '',
    coverCaption: e?.coverCaption ?? '',
    seoTitle: e?.seoTitle ?? '',
    seoDescription: e?.seoDescription ?? '',
    commentsOpen: e?.commentsOpen ?? true,
    status: a?.status ?? 'draft',
    scheduledFor: scheduledAt ? toLocalInputValue(scheduledAt, timeZone) : '',
    coverUrl: e?.coverImagePath ? mediaUrl(e.coverImagePath) : null,
    correction: e?.correction ?? '',
    baseVersion: a?.version ?? 0,
    bodyFormat: a?.pending?.meta.bodyFormat ?? a?.bodyFormat ?? 'markdown',
  };
}

/** Which buttons to show; the action asks `can` again whatever is shown. */
export function editorButtons(staff: StaffMember, a: NonNullable<EditableArticle> | null) {
  const status = a?.status ?? 'draft';
  const resource = a ? articleResource(a) : null;
  const editable = resource ? can(staff, { do: 'article.edit', article: resource }) : can(staff, { do: 'article.create' });
  return {
    saveDraft: editable,
    submit: editable && (status === 'draft' || status === 'unpublished') && !can(staff, { do: 'article.publish' }),
    publish: editable && can(staff, { do: 'article.publish' }),
    // On a published article, Schedule sets when its pending changes go live.
    schedule: editable && can(staff, { do: 'article.schedule' }),
    unpublish: editable && can(staff, { do: 'article.unpublish' }) && (status === 'published' || status === 'scheduled'),
  };
}
