import Link from 'next/link';
import { noticeLink, noticeText, StatusNotice } from '@/components/site/status-notice';

// An address that matches no page at all, outside any section's layout.
export default function NotFound() {
  return (
    <StatusNotice title="Page not found" wordmark>
      <p className={noticeText}>We could not find that page. It may have moved, or the address may be mistyped.</p>
      <Link href="/" className={noticeLink}>
        Go to the front page
      </Link>
    </StatusNotice>
  );
}
