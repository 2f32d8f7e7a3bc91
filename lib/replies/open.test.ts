import { describe, expect, it } from 'vitest';
import { repliesOpen } from './open';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 24);

describe('repliesOpen', () => {
  it('follows the article’s own switch first', () => {
    expect(repliesOpen({ commentsOpen: false, publishedAt: new Date(now) }, 0, now)).toEqual({ open: false, closesAt: null });
  });

  it('never closes by age when the setting is 0', () => {
    expect(repliesOpen({ commentsOpen: true, publishedAt: new Date(now - 3650 * DAY) }, 0, now)).toEqual({ open: true, closesAt: null });
  });

  it('closes articles older than the setting and says when younger ones close', () => {
    expect(repliesOpen({ commentsOpen: true, publishedAt: new Date(now - 15 * DAY) }, 14, now).open).toBe(false);
    expect(repliesOpen({ commentsOpen: true, publishedAt: new Date(now - 14 * DAY) }, 14, now).open).toBe(false);
    expect(repliesOpen({ commentsOpen: true, publishedAt: new Date(now - 13 * DAY) }, 14, now)).toEqual({ open: true, closesAt: now + DAY });
  });
});
