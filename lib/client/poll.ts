// How a reader island asks the server for news: every `intervalMs` while the tab is visible, at once
// when it becomes visible again, backing off (doubling, up to `maxBackoffMs`) after errors, and never
// while hidden. Used by the breaking-news banner and the live article's poll; the answers themselves
// are small cached JSON with an ETag, so a repeat costs the server nothing.

export type PollOptions<T> = {
  url: string;
  intervalMs: number;
  maxBackoffMs: number;
  /** Ask at once (true), or wait one interval first (the page was rendered just now). */
  immediate: boolean;
  onAnswer: (answer: T) => void;
};

/** Starts polling; returns the function that stops it. */
export function startPolling<T>({ url, intervalMs, maxBackoffMs, immediate, onAnswer }: PollOptions<T>): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;
  const schedule = () => {
    clearTimeout(timer);
    if (stopped || document.visibilityState === 'hidden') return;
    timer = setTimeout(check, Math.min(intervalMs * 2 ** failures, maxBackoffMs));
  };
  async function check() {
    try {
      // The browser's cache revalidates with If-None-Match; a 304 reads here as the cached 200.
      const res = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(`status ${res.status}`);
      const answer = (await res.json()) as T;
      if (!stopped) onAnswer(answer);
      failures = 0;
    } catch {
      failures = Math.min(failures + 1, 4); // a failed check keeps what is showing
    }
    schedule();
  }
  const onVisibility = () => {
    if (document.visibilityState === 'visible') void check();
    else clearTimeout(timer);
  };
  if (immediate) void check();
  else schedule();
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
