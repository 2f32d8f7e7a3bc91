import { describe, expect, it } from 'vitest';
import { isLive, liveState } from './state';

describe('liveState', () => {
  const t = new Date('2026-12-01T10:00:00Z');
  it('is null for an article never live', () => {
    expect(liveState({ liveStartedAt: null, liveEndedAt: null })).toBeNull();
    expect(isLive({ liveStartedAt: null, liveEndedAt: null })).toBe(false);
  });
  it('is live once started and until ended', () => {
    expect(liveState({ liveStartedAt: t, liveEndedAt: null })).toBe('live');
    expect(isLive({ liveStartedAt: t, liveEndedAt: null })).toBe(true);
  });
  it('is ended once an end time is set', () => {
    expect(liveState({ liveStartedAt: t, liveEndedAt: new Date(t.getTime() + 1000) })).toBe('ended');
    expect(isLive({ liveStartedAt: t, liveEndedAt: new Date(t.getTime() + 1000) })).toBe(false);
  });
});
