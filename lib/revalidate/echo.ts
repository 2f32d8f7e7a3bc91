import { revalidateOnServer } from './remote';

/**
 * A render that read the database just before a change can finish just after its revalidation and
 * store the old page as fresh. Revalidating the same tags once more, shortly after, closes that window.
 * Runs off the request path; a failure only logs.
 */
export function revalidateAgainShortly(tags: string[], delayMs = 1500): void {
  if (tags.length === 0) return;
  setTimeout(() => {
    revalidateOnServer(tags, { secondPass: true }).then(
      (r) => {
        if (!r.ok && !r.notRunning) console.error('[revalidate] second pass failed:', r.error);
      },
      (err) => console.error('[revalidate] second pass failed:', err),
    );
  }, delayMs).unref();
}
