// Next sends a server error to the browser without its message (which could hold SQL or secrets) but
// with a digest, the same one the server logs beside the error: the reference an administrator needs.

/** The digest of a server error; null for an error thrown in the browser (it has none). */
export function errorDigest(error: unknown): string | null {
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? error.digest : null;
  return typeof digest === 'string' && digest !== '' ? digest : null;
}

export function ErrorReference({ error, className }: { error: unknown; className?: string }) {
  const digest = errorDigest(error);
  if (!digest) return null;
  return (
    <p className={className}>
      Reference for the site&rsquo;s administrator: <code className="font-mono">{digest}</code>
    </p>
  );
}
