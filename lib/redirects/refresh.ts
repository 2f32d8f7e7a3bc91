import { listRedirects } from '@/db/queries/redirects';
import { broadcast } from '@/lib/instances/broadcast';
import { log } from '@/lib/log';
import { setRedirects, startReload, trackReload } from './registry';

/**
 * Reloads this process's old-address table, which the proxy answers 301s from. A failure keeps the
 * previous table. Requests wait for the reload unless `holdRequests` is false (a routine re-read, when
 * nothing is known to have moved: with a large imported table it can take a moment).
 */
export function reloadRedirects({ holdRequests = true } = {}): Promise<void> {
  const number = startReload();
  const reload = listRedirects().then(
    (entries) => setRedirects(entries, number),
    (err) => log.error({ component: 'redirects', err }, 'could not reload old addresses'),
  );
  if (holdRequests) trackReload(reload);
  return reload;
}

/**
 * After a change that can move an address: reloads the table here and tells the other instances to
 * reload theirs (instrumentation.ts listens), so an old address answers its 301 on every instance.
 */
export async function refreshRedirects(): Promise<void> {
  await reloadRedirects();
  await broadcast('redirects');
}
