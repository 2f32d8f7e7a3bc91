import { revalidateTag, updateTag } from 'next/cache';
import { refreshRedirects } from '@/lib/redirects/refresh';
import { revalidateAgainShortly } from './echo';

/**
 * The one way to make reader pages fresh after a change: expires each tag now, revalidates them once
 * more shortly after (a render in flight across the change would otherwise store the old page), and,
 * when an address may have moved, reloads the old-address table on every instance.
 *
 * `from: 'action'` (server actions) uses updateTag, so the page the action redirects to already shows
 * the change; route handlers and timers, where updateTag is not allowed, pass `from: 'route'`.
 */
export async function expireTags(
  tags: readonly string[],
  { redirects = false, from = 'action', secondPass = true }: { redirects?: boolean; from?: 'action' | 'route'; secondPass?: boolean } = {},
): Promise<void> {
  const unique = [...new Set(tags)];
  for (const tag of unique) {
    if (from === 'action') updateTag(tag);
    else revalidateTag(tag, { expire: 0 });
  }
  if (secondPass) revalidateAgainShortly(unique);
  if (redirects) await refreshRedirects();
}
