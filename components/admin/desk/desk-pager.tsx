import Link from 'next/link';
import type { QueuePage } from '@/db/queries/moderation-queue';
import { queueHref, type QueueParams } from '@/lib/replies/moderation-schema';

const linkClass = 'underline underline-offset-4';

/**
 * Previous and next pages of a queue, by keyset cursor (created time and id). The Reported queue
 * only goes forward, by report id.
 */
export function DeskPager({ params, page }: { params: QueueParams; page: Pick<QueuePage, 'next' | 'prev'> }) {
  if (params.view === 'reported') {
    if (!page.next) return null;
    return (
      <nav aria-label="Queue pages" className="mt-4 flex justify-end text-sm font-semibold">
        <Link href={queueHref({ status: 'pending', view: 'reported', reportsBefore: page.next.id })} className={linkClass}>
          Next page →
        </Link>
      </nav>
    );
  }
  return (
    <nav aria-label="Queue pages" className="mt-4 flex justify-between text-sm font-semibold">
      {page.prev ? (
        <Link href={queueHref({ ...params, after: undefined, before: `${page.prev.createdAt}:${page.prev.id}` })} className={linkClass}>
          ← Previous page
        </Link>
      ) : (
        <span />
      )}
      {page.next ? (
        <Link href={queueHref({ ...params, before: undefined, after: `${page.next.createdAt}:${page.next.id}` })} className={linkClass}>
          Next page →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
