'use client';

import { ErrorNotice } from '@/components/site/error-notice';

// A reader page failed to render (the server logged why): shown under the masthead, since the rest of
// the site may well work.
export default function SiteError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} />;
}
