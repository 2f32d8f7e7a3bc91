// The chosen front page: editors pin a lead story and a few top stories (and each section's lead);
// everything else stays newest-first. Pure rules, so Vitest reaches them without a server.

export const MAX_TOP_STORIES = 4;

export type PinnedStory<A> = {
  slot: 'lead' | 'top';
  position: number;
  expiresAt: Date | null;
  /** Null when the article is no longer public (unpublished, or scheduled for later). */
  article: A | null;
};

/** A pin counts until its expiry time (exclusive). */
export const pinIsLive = (pin: { expiresAt: Date | null }, now: Date): boolean => pin.expiresAt === null || pin.expiresAt.getTime() > now.getTime();

/**
 * The list as readers see it: the pinned lead (else the newest story), then the pinned top stories in
 * their order, then the newest-first list without anything already shown. Expired pins and unpublished articles are ignored.
 */
export function chosenOrder<A extends { id: number }>(pins: readonly PinnedStory<A>[], latest: readonly A[], now: Date): A[] {
  const live = pins.filter((p) => p.article !== null && pinIsLive(p, now));
  const lead = live.find((p) => p.slot === 'lead');
  const top = live
    .filter((p) => p.slot === 'top')
    .sort((a, b) => a.position - b.position)
    .slice(0, MAX_TOP_STORIES);
  // Without a pinned lead the newest story still leads; the top stories follow it.
  const leadStory = lead ? lead.article! : latest.find((x) => !top.some((p) => p.article!.id === x.id));
  const out: A[] = [];
  const seen = new Set<number>();
  for (const article of [...(leadStory ? [leadStory] : []), ...top.map((p) => p.article!), ...latest]) {
    if (seen.has(article.id)) continue;
    seen.add(article.id);
    out.push(article);
  }
  return out;
}

/** The earliest expiry still to come (null: none), so a cached page knows when to look again. */
export function nextExpiry(pins: readonly { expiresAt: Date | null }[], now: Date): Date | null {
  let next: Date | null = null;
  for (const p of pins) if (p.expiresAt && p.expiresAt > now && (!next || p.expiresAt < next)) next = p.expiresAt;
  return next;
}

/** Ids in their new order after moving one up or down (unchanged at either end, or when absent). */
export function moveInOrder(ids: readonly number[], id: number, direction: 'up' | 'down'): number[] {
  const out = [...ids];
  const i = out.indexOf(id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}
