import Link from 'next/link';
import { noticeLink, noticeText, StatusNotice } from '@/components/site/status-notice';

// A reader page that called notFound() (an unknown article, a list page past the last): under the
// masthead, so the sections and search are still at hand.
export default function SiteNotFound() {
  return (
    <StatusNotice title="Page not found">
      <p className={noticeText}>We could not find that page. It may have moved, or the address may be mistyped.</p>
      <Link href="/" className={noticeLink}>
        Go to the front page
      </Link>
    </StatusNotice>
  );
}
