import type { ArticleStatus } from '@/db/enums';
import { articleStatusLabel } from '@/lib/articles/status';

// One colour per status, so a column of them scans at a glance; the word is always there too.
const tone: Record<ArticleStatus, string> = {
  draft: 'bg-stone-200 text-stone-800 dark:bg-stone-700 dark:text-stone-100',
  review: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  scheduled: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  published: 'bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100',
  unpublished: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
};

/** An article's status as a small badge ("In review"). */
export function ArticleStatusBadge({ status }: { status: ArticleStatus }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${tone[status]}`} data-status={status}>
      {articleStatusLabel(status)}
    </span>
  );
}
