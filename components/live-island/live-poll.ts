'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { startPolling } from '@/lib/client/poll';
import type { LiveAnswer, LiveCursors } from '@/lib/live/cursor';

// One poll per page, however many buttons show its answer (the updates one and the comments one): a
// small store keyed by the article and the page's cursors. It asks GET /api/articles/{id}/live every
// 12 s while the tab is visible, backs off on errors (lib/client/poll.ts, as the breaking banner), and
// stops when the last button goes. New cursors (after a refresh brought the new content) start a new
// poll with counts at zero.

const POLL_MS = 12_000;
const MAX_BACKOFF_MS = 120_000;

type Poll = { answer: LiveAnswer | null; listeners: Set<() => void>; stop: () => void };
const polls = new Map<string, Poll>();

function start(url: string, poll: Poll): () => void {
  // The page was rendered with these cursors just now: the first check can wait a whole interval.
  return startPolling<LiveAnswer>({
    url,
    intervalMs: POLL_MS,
    maxBackoffMs: MAX_BACKOFF_MS,
    immediate: false,
    onAnswer: (answer) => {
      poll.answer = answer;
      for (const listener of poll.listeners) listener();
    },
  });
}

/** The latest answer for this article and these cursors (null until the first one). */
export function useLiveAnswer(articleId: number, { u, c }: LiveCursors): LiveAnswer | null {
  const url = `/api/articles/${articleId}/live?u=${u}&c=${c}`;
  const subscribe = useCallback(
    (listener: () => void) => {
      let poll = polls.get(url);
      if (!poll) {
        const created: Poll = { answer: null, listeners: new Set(), stop: () => {} };
        created.stop = start(url, created);
        polls.set(url, created);
        poll = created;
      }
      const mine = poll;
      mine.listeners.add(listener);
      return () => {
        mine.listeners.delete(listener);
        if (mine.listeners.size === 0) {
          mine.stop();
          polls.delete(url);
        }
      };
    },
    [url],
  );
  return useSyncExternalStore(
    subscribe,
    () => polls.get(url)?.answer ?? null,
    () => null,
  );
}
