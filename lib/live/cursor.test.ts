import { describe, expect, it } from 'vitest';
import {
  APPROVALS_KEPT,
  ArticleIdSchema,
  COUNT_CAP,
  LIVE_CACHE_CONTROL,
  liveAnswer,
  liveError,
  liveResponse,
  liveTags,
  parseLiveQuery,
  type LiveSnapshot,
} from './cursor';

const query = (qs: string) => parseLiveQuery(new URLSearchParams(qs));

describe('the poll cursors (?u=&c=)', () => {
  it('reads whole numbers, 0 or more, and takes a missing cursor as 0', () => {
    expect(query('u=3&c=1764612000123')).toEqual({ ok: true, cursors: { u: 3, c: 1764612000123 } });
    expect(query('u=0&c=0')).toEqual({ ok: true, cursors: { u: 0, c: 0 } });
    expect(query('')).toEqual({ ok: true, cursors: { u: 0, c: 0 } });
    expect(query('u=007')).toEqual({ ok: true, cursors: { u: 7, c: 0 } });
  });

  it.each(['u=-1', 'u=abc', 'u=1.5', 'u=', 'u=1e3', 'u=%201', 'u=1234567890', 'c=-5', 'c=x', 'c=1234567890123456'])('refuses %j with a message', (qs) => {
    const parsed = query(qs);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^[uc] \(.*\) must be a whole number, 0 or more\.$/);
  });

  it('names the cursor that is wrong', () => {
    expect(query('u=1&c=abc')).toMatchObject({ ok: false, message: expect.stringMatching(/^c /) });
    expect(query('u=abc&c=1')).toMatchObject({ ok: false, message: expect.stringMatching(/^u /) });
  });

  it('takes article ids as positive whole numbers only', () => {
    expect(ArticleIdSchema.safeParse('42').data).toBe(42);
    for (const bad of ['0', '-1', '01', 'abc', '1.0', '', '12345678901234']) expect(ArticleIdSchema.safeParse(bad).success).toBe(false);
  });
});

describe('the counts', () => {
  const snapshot: LiveSnapshot = { latestUpdate: 7, approvals: [5000, 4000, 4000, 3000] };

  it('counts updates after u and approvals after c', () => {
    expect(liveAnswer(snapshot, { u: 5, c: 3500 })).toEqual({ updates: { latest: 7, count: 2 }, comments: { latest: 5000, count: 3 } });
  });

  it('counts nothing for a reader who is up to date, or ahead (an older cached answer)', () => {
    expect(liveAnswer(snapshot, { u: 7, c: 5000 })).toEqual({ updates: { latest: 7, count: 0 }, comments: { latest: 5000, count: 0 } });
    expect(liveAnswer(snapshot, { u: 9, c: 9000 }).updates.count).toBe(0);
    expect(liveAnswer(snapshot, { u: 9, c: 9000 }).comments.count).toBe(0);
  });

  it('treats replies approved in the same moment as the page’s newest as already there', () => {
    expect(liveAnswer(snapshot, { u: 0, c: 4000 }).comments.count).toBe(1);
  });

  it('answers an article with neither updates nor replies with zeros', () => {
    expect(liveAnswer({ latestUpdate: 0, approvals: [] }, { u: 0, c: 0 })).toEqual({ updates: { latest: 0, count: 0 }, comments: { latest: 0, count: 0 } });
  });

  it(`caps both counts at ${COUNT_CAP}`, () => {
    const many: LiveSnapshot = { latestUpdate: 500, approvals: Array.from({ length: APPROVALS_KEPT }, (_, i) => 10_000 - i) };
    expect(liveAnswer(many, { u: 0, c: 0 })).toEqual({ updates: { latest: 500, count: COUNT_CAP }, comments: { latest: 10_000, count: COUNT_CAP } });
    expect(APPROVALS_KEPT).toBeGreaterThan(COUNT_CAP);
  });
});

describe('the cache tags', () => {
  it('caches the snapshot under the article’s own tag, the one every update, edit and approval expires', () => {
    expect(liveTags(12)).toEqual(['article:12']);
  });
});

describe('the /api/articles/[id]/live answer', () => {
  const answer = liveAnswer({ latestUpdate: 3, approvals: [1000] }, { u: 1, c: 0 });

  it('answers JSON with an ETag and a short public Cache-Control', async () => {
    const res = liveResponse(answer, null);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ updates: { latest: 3, count: 2 }, comments: { latest: 1000, count: 1 } });
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(res.headers.get('cache-control')).toBe(LIVE_CACHE_CONTROL);
    expect(LIVE_CACHE_CONTROL).toMatch(/^public, max-age=2\b/);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('gives one ETag per answer, and a 304 with no body to a matching If-None-Match', async () => {
    const etag = liveResponse(answer, null).headers.get('etag')!;
    expect(liveResponse(liveAnswer({ latestUpdate: 3, approvals: [1000] }, { u: 1, c: 0 }), null).headers.get('etag')).toBe(etag);
    expect(liveResponse({ ...answer, updates: { latest: 4, count: 3 } }, null).headers.get('etag')).not.toBe(etag);
    const repeat = liveResponse(answer, `"other", ${etag}`);
    expect(repeat.status).toBe(304);
    expect(await repeat.text()).toBe('');
    expect(repeat.headers.get('etag')).toBe(etag);
    expect(liveResponse(answer, '"other"').status).toBe(200);
  });

  it('refuses as JSON with a message', async () => {
    const res = liveError(400, 'u must be a whole number.');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'u must be a whole number.' });
    expect(liveError(404, 'No such article.').status).toBe(404);
  });
});
