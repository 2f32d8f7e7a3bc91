import type { EditableArticle } from '@/db/queries/admin-articles';
import type { StaffMember } from '@/db/queries/staff';
import type { EditorArticle } from '@/components/admin/article-editor';
import { articleResource } from '@/lib/articles/resource';
import { can } from '@/lib/auth/permissions';
import { toLocalInputValue } from '@/lib/time/zone';
import { mediaUrl } from '@/lib/uploads';

export function editorArticle(a: NonNullable<EditableArticle> | null, timeZone = 'UTC'): EditorArticle {
  const scheduled = a?.status === 'scheduled' && a.publishedAt ? toLocalInputValue(a.publishedAt, timeZone) : '';
  return {
    id: a?.id ?? null,
    title: a?.title ?? '',
    slug: a?.slug ?? '',
    standfirst: a?.standfirst ?? '',
    body: a?.body ?? '',
    sectionId: a?.sectionId ?? null,
    tags: a?.tags.map((t) => t.name).join(', ') ?? '',
    coverAlt: a?.coverAlt ?? '',
    coverCaption: a?.coverCaption ?? '',
    seoTitle: a?.seoTitle ?? '',
    seoDescription: a?.seoDescription ?? '',
    commentsOpen: a?.commentsOpen ?? true,
    status: a?.status ?? 'draft',
    scheduledFor: scheduled,
    coverUrl: a?.coverImagePath ? mediaUrl(a.coverImagePath) : null,
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
    schedule: editable && can(staff, { do: 'article.schedule' }) && status !== 'published',
    unpublish: editable && can(staff, { do: 'article.unpublish' }) && (status === 'published' || status === 'scheduled'),
  };
}
