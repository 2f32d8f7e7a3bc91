import { listRedirects } from '@/db/queries/redirects';
import { broadcast } from '@/lib/instances/broadcast';
import { setRedirects, trackReload } from './registry';

/** Reloads this process's old-address table, which the proxy answers 301s from. A failure keeps the previous table. */
export function reloadRedirects(): Promise<void> {
  const reload = listRedirects().then(setRedirects, (err) => console.error('[redirects] could not reload old addresses:', err));
  trackReload(reload);
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
