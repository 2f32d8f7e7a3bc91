import { listRedirects } from '@/db/queries/redirects';
import { setRedirects } from './registry';

/** Reloads the old-address table the proxy answers 301s from. A failure keeps the previous table. */
export async function refreshRedirects(): Promise<void> {
  try {
    setRedirects(await listRedirects());
  } catch (err) {
    console.error('[redirects] could not reload old addresses:', err);
  }
}
