import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPolling } from './poll';

// A document whose visibility the test sets, and a fetch whose answers it scripts.
function fakeDocument() {
  const listeners = new Set<() => void>();
  const doc = {
    visibilityState: 'visible' as 'visible' | 'hidden',
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
    set(state: 'visible' | 'hidden') {
      doc.visibilityState = state;
      for (const fn of listeners) fn();
    },
    listeners,
  };
  return doc;
}

describe('startPolling', () => {
  let doc: ReturnType<typeof fakeDocument>;
  let answers: (number | Error)[];
  const fetchMock = vi.fn(async () => {
    const next = answers.shift() ?? 0;
    if (next instanceof Error) return new Response('down', { status: 503 });
    return Response.json({ n: next });
  });

  beforeEach(() => {
    vi.useFakeTimers();
    doc = fakeDocument();
    answers = [];
    fetchMock.mockClear();
    vi.stubGlobal('document', doc);
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('asks at once when immediate, then every interval, and hands over each answer', async () => {
    answers = [1, 2, 3];
    const seen: number[] = [];
    const stop = startPolling<{ n: number }>({ url: '/x', intervalMs: 1000, maxBackoffMs: 8000, immediate: true, onAnswer: (a) => seen.push(a.n) });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([1]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen).toEqual([1, 2, 3]);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(doc.listeners.size).toBe(0);
  });

  it('waits a whole interval first when not immediate', async () => {
    const stop = startPolling({ url: '/x', intervalMs: 1000, maxBackoffMs: 8000, immediate: false, onAnswer: () => {} });
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchMock).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    stop();
  });

  it('backs off after errors, doubling up to the ceiling, and returns to the interval after a success', async () => {
    answers = [new Error(), new Error(), new Error(), new Error(), new Error(), 7, 8];
    const stop = startPolling({ url: '/x', intervalMs: 1000, maxBackoffMs: 8000, immediate: true, onAnswer: () => {} });
    const callTimes: number[] = [];
    fetchMock.mockImplementation(async () => {
      callTimes.push(Date.now());
      const next = answers.shift() ?? 0;
      return next instanceof Error ? new Response('down', { status: 503 }) : Response.json({ n: next });
    });
    const start = Date.now();
    await vi.advanceTimersByTimeAsync(60_000);
    stop();
    const gaps = callTimes.map((t, i) => t - (i ? callTimes[i - 1] : start));
    // 2, 4, 8, 8 (the ceiling) after the failures, then 1 s again after the success.
    expect(gaps.slice(0, 7)).toEqual([2000, 4000, 8000, 8000, 8000, 1000, 1000]);
  });

  it('stops while the tab is hidden and asks at once when it is visible again', async () => {
    const stop = startPolling({ url: '/x', intervalMs: 1000, maxBackoffMs: 8000, immediate: false, onAnswer: () => {} });
    doc.set('hidden');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchMock).not.toHaveBeenCalled();
    doc.set('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    stop();
  });
});
