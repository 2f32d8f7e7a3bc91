import { env } from '../env';
import { log } from '../log';
import { revalidateOnServer } from './remote';

/**
 * How long after a change to revalidate again. 1.5 s covers a render in flight. On an embedded
 * replica (DATABASE_SYNC_URL), another instance may render from a copy that has not pulled the change
 * yet and cache that: the second pass then waits one sync interval and a second more, so the page it
 * clears is filled from a copy that has caught up.
 */
export function echoDelayMs(): number {
  return env.DATABASE_SYNC_URL ? Math.max(1500, env.DATABASE_SYNC_INTERVAL * 1000 + 1000) : 1500;
}

/**
 * A render that read the database just before a change can finish just after its revalidation and
 * store the old page as fresh. Revalidating the same tags once more, shortly after, closes that window.
 * Runs off the request path; a failure only logs.
 */
export function revalidateAgainShortly(tags: string[], delayMs = echoDelayMs()): void {
  if (tags.length === 0) return;
  setTimeout(() => {
    revalidateOnServer(tags, { secondPass: true }).then(
      (r) => {
        if (!r.ok && !r.notRunning) log.error({ component: 'revalidate', error: r.error }, 'second pass failed');
      },
      (err) => log.error({ component: 'revalidate', err }, 'second pass failed'),
    );
  }, delayMs).unref();
}
