'use client';

import { ErrorNotice } from '@/components/site/error-notice';
import './globals.css';

// The root layout itself failed: this replaces it, so it brings its own document, styles and title.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en-GB">
      <head>
        <title>Something went wrong — Broadsheet</title>
      </head>
      <body className="min-h-screen font-sans antialiased">
        <main id="main">
          <ErrorNotice error={error} retry={retry} wordmark />
        </main>
      </body>
    </html>
  );
}
