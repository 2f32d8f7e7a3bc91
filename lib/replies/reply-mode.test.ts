import { describe, expect, it } from 'vitest';
import { durationText, replyModeNote, replyModeOutcome, REPLY_SLOW_SECONDS_MAX, slowModeRefusal } from './reply-mode';

const NOW = Date.UTC(2026, 11, 1, 20);
const ago = (s: number) => new Date(NOW - s * 1000);
const run = (over: Partial<Parameters<typeof replyModeOutcome>[0]>) =>
  replyModeOutcome({ mode: 'slow', slowSeconds: 60, lastReplyAt: null, now: NOW, isStaff: false, ...over });

describe('replyModeOutcome', () => {
  it('accepts everything in normal mode, and holds everything in hold mode', () => {
    expect(run({ mode: 'normal', lastReplyAt: ago(1) })).toEqual({ outcome: 'accept' });
    expect(run({ mode: 'hold' })).toEqual({ outcome: 'hold' });
  });

  it('in slow mode, refuses inside the window with the whole seconds left, rounded up', () => {
    expect(run({ lastReplyAt: ago(18) })).toEqual({ outcome: 'refuse', secondsLeft: 42 });
    expect(run({ lastReplyAt: new Date(NOW - 59_500) })).toEqual({ outcome: 'refuse', secondsLeft: 1 });
    expect(run({ lastReplyAt: new Date(NOW - 100) })).toEqual({ outcome: 'refuse', secondsLeft: 60 });
  });

  it('in slow mode, accepts a first reply, and one at or after the end of the window', () => {
    expect(run({ lastReplyAt: null })).toEqual({ outcome: 'accept' });
    expect(run({ lastReplyAt: ago(60) })).toEqual({ outcome: 'accept' });
    expect(run({ lastReplyAt: ago(600) })).toEqual({ outcome: 'accept' });
  });

  it('exempts staff from both modes', () => {
    expect(run({ isStaff: true, lastReplyAt: ago(1) })).toEqual({ outcome: 'accept' });
    expect(run({ isStaff: true, mode: 'hold' })).toEqual({ outcome: 'accept' });
  });

  it('treats a zero or negative window as none, and caps a huge one at the look-back', () => {
    expect(run({ slowSeconds: 0, lastReplyAt: ago(1) })).toEqual({ outcome: 'accept' });
    expect(run({ slowSeconds: -5, lastReplyAt: ago(1) })).toEqual({ outcome: 'accept' });
    expect(run({ slowSeconds: REPLY_SLOW_SECONDS_MAX * 10, lastReplyAt: ago(REPLY_SLOW_SECONDS_MAX) })).toEqual({ outcome: 'accept' });
  });
});

describe('the words readers read', () => {
  it('says how long to wait', () => {
    expect(slowModeRefusal(42)).toBe('Slow mode is on: you can reply again in 42 seconds.');
    expect(slowModeRefusal(1)).toBe('Slow mode is on: you can reply again in 1 second.');
  });

  it('tells the mode in force beside the form, and nothing in normal mode', () => {
    expect(replyModeNote('normal', 60)).toBeNull();
    expect(replyModeNote('hold', 60)).toBe('Replies are being held for review during live coverage.');
    expect(replyModeNote('slow', 60)).toBe('Slow mode: one reply every 60 seconds.');
    expect(replyModeNote('slow', 10)).toBe('Slow mode: one reply every 10 seconds.');
    expect(replyModeNote('slow', 90)).toBe('Slow mode: one reply every 90 seconds.');
    expect(replyModeNote('slow', 300)).toBe('Slow mode: one reply every 5 minutes.');
    expect(replyModeNote('slow', 0)).toBeNull();
  });

  it('writes durations in minutes and seconds', () => {
    expect(durationText(1)).toBe('1 second');
    expect(durationText(120)).toBe('2 minutes');
    expect(durationText(61)).toBe('61 seconds');
    expect(durationText(150)).toBe('2 minutes 30 seconds');
    expect(durationText(121)).toBe('2 minutes 1 second');
  });
});
