// Whether an article's live coverage is running: started and not yet ended. The one rule behind the
// "Live" badge, the updates island, the news sitemap and the JSON-LD type.

export type LiveTimes = { liveStartedAt: Date | null; liveEndedAt: Date | null };

export type LiveState = 'live' | 'ended' | null;

export function liveState(a: LiveTimes): LiveState {
  if (!a.liveStartedAt) return null;
  return a.liveEndedAt ? 'ended' : 'live';
}

export const isLive = (a: LiveTimes) => liveState(a) === 'live';
