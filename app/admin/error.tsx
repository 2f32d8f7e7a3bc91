'use client';

import Link from 'next/link';
import { ErrorReference } from '@/components/ui/error-reference';
import { primaryButton } from '@/components/ui/styles';

// A newsroom page failed to render (the server logged why), shown under the admin header.
export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  // React already writes an error an error boundary caught to the browser's console; the server logged its own.
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mb-6">
        This page could not be shown. Try again; if it keeps failing, tell whoever runs the site the address of this page, what you were doing and the reference
        below.
      </p>
      <div className="mb-6 flex flex-wrap items-center gap-4">
        <button type="button" onClick={() => retry()} className={primaryButton}>
          Try again
        </button>
        <Link href="/admin" className="font-semibold underline underline-offset-4">
          Back to the dashboard
        </Link>
      </div>
      <ErrorReference error={error} className="text-sm text-current/70" />
    </div>
  );
}
