// The autosave's timing, free of React and the network so a unit test can drive it: a copy is sent
// after `idleMs` without typing (and at least every `maxWaitMs` while typing goes on without a pause),
// never more than one at a time (typing during a send sends again after it), and only when the text
// differs from the last copy that was kept.

export type AutosaveQueue = {
  /** Something was typed: (re)start the idle timer. */
  touched(): void;
  /** Send now if the text changed (e.g. the article was taken over). */
  flush(): Promise<void>;
  /** The text as it stands needs no copy (it was just loaded or saved). */
  markKept(): void;
  dispose(): void;
};

export function createAutosaveQueue<T>(opts: {
  idleMs: number;
  maxWaitMs?: number;
  read: () => T | null;
  /** Resolves true when the copy was kept. */
  send: (text: T) => Promise<boolean>;
}): AutosaveQueue {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let longest: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let again = false;
  let lastKept: string | null = null;

  const clear = () => {
    if (timer) clearTimeout(timer);
    if (longest) clearTimeout(longest);
    timer = longest = null;
  };

  async function flush(): Promise<void> {
    clear();
    if (inFlight) {
      again = true;
      return inFlight;
    }
    const text = opts.read();
    if (text === null) return;
    const key = JSON.stringify(text);
    if (key === lastKept) return;
    inFlight = (async () => {
      try {
        if (await opts.send(text)) lastKept = key;
      } catch {
        // Kept in the page; the next pause in typing tries again.
      } finally {
        inFlight = null;
      }
      if (again) {
        again = false;
        await flush();
      }
    })();
    return inFlight;
  }

  return {
    touched() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), opts.idleMs);
      // Someone typing without a pause still gets a copy now and then.
      if (opts.maxWaitMs && !longest) longest = setTimeout(() => void flush(), opts.maxWaitMs);
    },
    flush,
    markKept() {
      const text = opts.read();
      lastKept = text === null ? null : JSON.stringify(text);
    },
    dispose: clear,
  };
}
