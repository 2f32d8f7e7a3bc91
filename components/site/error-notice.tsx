'use client';

import { ErrorReference } from '@/components/ui/error-reference';
import { secondaryButton } from '@/components/ui/styles';
import { noticeLink, noticeText, StatusNotice } from './status-notice';

/**
 * The reader's error page, for the error boundaries (app/(site)/error.tsx, app/error.tsx,
 * app/global-error.tsx). `retry` fetches the page from the server again (reset would only re-render
 * what failed). Its links are plain: a full page load home, since the client router may be what broke,
 * and because every reader page loads the three boundaries, each of which would carry next/link's
 * code of its own.
 */
export function ErrorNotice({ error, retry, wordmark = false }: { error: unknown; retry: () => void; wordmark?: boolean }) {
  // React already writes an error an error boundary caught to the browser's console; the server logged its own.
  return (
    <StatusNotice title="Something went wrong" wordmark={wordmark}>
      <p className={noticeText}>This page could not be shown just now. The fault is ours, not yours: try again in a moment.</p>
      <div className="flex flex-wrap items-center justify-center gap-x-6 gap-y-3">
        <button type="button" onClick={() => retry()} className={secondaryButton}>
          Try again
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a client navigation is what must be avoided here */}
        <a href="/" className={noticeLink}>
          Go to the front page
        </a>
      </div>
      <ErrorReference error={error} className="text-sm text-current/70" />
    </StatusNotice>
  );
}
