import type { ArticleStatus } from '@/db/enums';

// How an article's status reads to staff (DESIGN.md's words), and the article list narrowed to one.

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

export function articleStatusLabel(status: ArticleStatus): string {
  return ARTICLE_STATUS_LABELS[status];
}

/** The staff article list showing only articles in this status (the list's own filter, in its address). */
export function articleListHref(status?: ArticleStatus): string {
  return status ? `/admin/articles?status=${status}` : '/admin/articles';
}
