'use client';

import { ErrorNotice } from '@/components/site/error-notice';

// What the section boundaries cannot catch: an error in the reader or admin layout itself (the database
// unreachable, say) or on the sign-in page. No masthead around it, so the wordmark leads home.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} wordmark />;
}
