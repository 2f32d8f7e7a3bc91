import { describe, expect, it } from 'vitest';
import {
  CorrectionSchema,
  EditUpdateSchema,
  EndLiveSchema,
  nextUpdateNumber,
  PostUpdateSchema,
  refuseEnd,
  refusePost,
  refuseStart,
  ReplyModeSchema,
  UPDATE_MAX,
  updatePageCount,
} from './schema';

const at = new Date('2026-12-01T20:00:00Z');
const never = { status: 'published', liveStartedAt: null, liveEndedAt: null };
const running = { status: 'published', liveStartedAt: at, liveEndedAt: null };
const ended = { status: 'published', liveStartedAt: at, liveEndedAt: new Date(at.getTime() + 3_600_000) };

describe('update numbers', () => {
  it('numbers updates 1, 2, 3… per article: one past the newest, deleted ones keeping theirs', () => {
    expect(nextUpdateNumber(0)).toBe(1);
    expect(nextUpdateNumber(null)).toBe(1);
    expect(nextUpdateNumber(undefined)).toBe(1);
    expect(nextUpdateNumber(41)).toBe(42);
  });

  it('pages 20 updates at a time, at least one page', () => {
    expect(updatePageCount(0)).toBe(1);
    expect(updatePageCount(20)).toBe(1);
    expect(updatePageCount(21)).toBe(2);
    expect(updatePageCount(100)).toBe(5);
  });
});

describe('an update', () => {
  const post = (over: Record<string, string>) => PostUpdateSchema.safeParse({ articleId: '7', body: 'Police have closed the bridge.', imageAlt: '', ...over });

  it('takes 1 to 20,000 characters of Markdown, trimmed', () => {
    const ok = post({ body: '  **Breaking:** the bridge is closed.  ' });
    expect(ok.success && ok.data).toMatchObject({ articleId: 7, body: '**Breaking:** the bridge is closed.', keyEvent: false });
    expect(post({ body: 'x'.repeat(UPDATE_MAX) }).success).toBe(true);
    const long = post({ body: 'x'.repeat(UPDATE_MAX + 1) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.path).toEqual(['body']);
    const empty = post({ body: '   ' });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe('Write the update first.');
  });

  it('reads the "Key event" checkbox as a browser sends it', () => {
    expect(post({ keyEvent: 'on' }).data?.keyEvent).toBe(true);
    expect(post({ keyEvent: '' }).data?.keyEvent).toBe(false);
  });

  it('refuses an unknown article or update number', () => {
    expect(post({ articleId: 'abc' }).success).toBe(false);
    expect(post({ articleId: '0' }).success).toBe(false);
    expect(EditUpdateSchema.safeParse({ articleId: '1', number: '-2', body: 'x' }).success).toBe(false);
    expect(EditUpdateSchema.safeParse({ articleId: '1', number: '2', body: 'x' }).data).toMatchObject({ number: 2, keyEvent: false });
  });

  it('takes a correction of 1 to 2,000 characters', () => {
    expect(CorrectionSchema.safeParse({ articleId: '1', number: '1', correction: 'It was the north bridge.' }).success).toBe(true);
    expect(CorrectionSchema.safeParse({ articleId: '1', number: '1', correction: ' ' }).success).toBe(false);
    expect(CorrectionSchema.safeParse({ articleId: '1', number: '1', correction: 'x'.repeat(2001) }).success).toBe(false);
  });
});

describe('coverage', () => {
  it('starts on a published article that is not live (a finished one may start again)', () => {
    expect(refuseStart(never)).toBeNull();
    expect(refuseStart(ended)).toBeNull();
    expect(refuseStart(running)).toMatch(/already running/);
    expect(refuseStart({ ...never, status: 'draft' })).toMatch(/published/);
  });

  it('ends only while running, with an optional summary', () => {
    expect(refuseEnd(running)).toBeNull();
    expect(refuseEnd(ended)).toMatch(/not running/);
    expect(refuseEnd(never)).toMatch(/not running/);
    expect(EndLiveSchema.safeParse({ articleId: '3', summary: '' }).success).toBe(true);
    expect(EndLiveSchema.safeParse({ articleId: '3', summary: 'x'.repeat(5001) }).success).toBe(false);
  });

  it('takes new updates only while live', () => {
    expect(refusePost(running)).toBeNull();
    expect(refusePost(ended)).toMatch(/not running/);
    expect(refusePost(never)).toMatch(/not running/);
    expect(refusePost({ ...running, status: 'unpublished' })).toMatch(/not published/);
  });
});

describe('reply mode', () => {
  const mode = (replyMode: string, replySlowSeconds: string) => ReplyModeSchema.safeParse({ articleId: '1', replyMode, replySlowSeconds });
  it('is one of the three modes, with 10 to 3600 seconds between replies', () => {
    expect(mode('slow', '30').data).toMatchObject({ replyMode: 'slow', replySlowSeconds: 30 });
    expect(mode('hold', '60').success).toBe(true);
    expect(mode('normal', '10').success).toBe(true);
    expect(mode('fast', '60').success).toBe(false);
    expect(mode('slow', '9').success).toBe(false);
    expect(mode('slow', '3601').success).toBe(false);
    expect(mode('slow', '12.5').success).toBe(false);
  });
});
