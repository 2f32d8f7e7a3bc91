import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaveQueue } from './autosave-queue';

describe('createAutosaveQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(maxWaitMs?: number) {
    let text = 'a';
    let inFlight = 0;
    let maxInFlight = 0;
    const sent: string[] = [];
    const finish: (() => void)[] = [];
    const queue = createAutosaveQueue<string>({
      idleMs: 3000,
      maxWaitMs,
      read: () => text,
      send: (t) =>
        new Promise<boolean>((resolve) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          sent.push(t);
          finish.push(() => {
            inFlight--;
            resolve(true);
          });
        }),
    });
    return { queue, type: (t: string) => ((text = t), queue.touched()), sent, finish, max: () => maxInFlight };
  }

  it('sends only after a pause in typing, once for a burst of keystrokes', async () => {
    const { type, sent } = setup();
    for (let i = 0; i < 20; i++) {
      type(`draft ${i}`);
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(sent).toEqual(['draft 19']);
  });

  it('keeps a copy at least every maxWaitMs while typing goes on without a pause', async () => {
    const { type, sent, finish } = setup(20_000);
    for (let i = 0; i < 50; i++) {
      type(`draft ${i}`);
      await vi.advanceTimersByTimeAsync(1000);
      while (finish.length) finish.shift()!();
    }
    // 50 s of typing with no 3-second pause: copies at 20 s and 40 s.
    expect(sent).toEqual(['draft 19', 'draft 39']);
  });

  it('never has two requests in flight: typing during one sends the newest text after it', async () => {
    const { type, sent, finish, max } = setup();
    type('one');
    await vi.advanceTimersByTimeAsync(3000);
    type('two');
    await vi.advanceTimersByTimeAsync(3000);
    type('three');
    await vi.advanceTimersByTimeAsync(3000);
    expect(sent).toEqual(['one']);
    finish.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['one', 'three']);
    finish.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(max()).toBe(1);
  });

  it('sends nothing when the text is what was last kept or as it loaded', async () => {
    const { queue, type, sent, finish } = setup();
    queue.markKept();
    type('a');
    await vi.advanceTimersByTimeAsync(3000);
    expect(sent).toEqual([]);
    type('b');
    await vi.advanceTimersByTimeAsync(3000);
    finish.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    await queue.flush();
    expect(sent).toEqual(['b']);
  });
});
