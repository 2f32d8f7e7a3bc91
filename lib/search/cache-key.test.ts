import { describe, expect, it } from 'vitest';
import { cachedSearchKey, parseSearchCacheKey, rawSearchParams, SEARCH_CACHE_MAX_KEY, searchCacheKey, SearchKeyAdmission } from './cache-key';
import { parseSearchParams } from './params';

const key = (qs: string) => searchCacheKey(parseSearchParams(rawSearchParams(new URLSearchParams(qs))));
const cached = (qs: string, admission: SearchKeyAdmission) => cachedSearchKey(new URLSearchParams(qs), admission);

describe('search cache keys', () => {
  it('gives one key per normalised search, and reads it back', () => {
    const a = key('q=Harbour%20%20ferry');
    expect(a).toBe(key('q=%20Harbour%20ferry&page=1'));
    expect(a).toBe(key('q=Harbour+ferry&section=../etc&from=yesterday&page=abc'));
    expect(a).not.toBe(key('q=harbour+ferry'));
    expect(a).not.toBe(key('q=Harbour+ferry&page=2'));
    expect(a).toBe(searchCacheKey(parseSearchParams({ q: 'Harbour ferry' })));
    const params = parseSearchParams({ q: 'ferry', section: 'news', from: '2024-02-01', to: '2024-01-01', page: '3' });
    const one = searchCacheKey(params)!;
    expect(one).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseSearchCacheKey(one)).toEqual({ q: 'ferry', section: 'news', from: '2024-01-01', to: '2024-02-01', page: 3 });
    expect(parseSearchCacheKey(searchCacheKey(parseSearchParams({}))!)).toEqual(parseSearchParams({}));
  });

  it('refuses any segment that is not exactly a key it would give', () => {
    const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const bad of [
      '_',
      '__build-placeholder',
      '',
      'not base64 at all!',
      encode(['ferry', '', '', '', 1]) + 'A',
      encode(['ferry', '', '', '', '1']),
      encode(['  ferry', '', '', '', 1]),
      encode(['ferry', '../etc', '', '', 1]),
      encode(['ferry', '', '2024-02-31', '', 1]),
      encode(['ferry', '', '', '', 101]),
      encode({ q: 'ferry' }),
      encode(['x'.repeat(300), '', '', '', 1]),
    ])
      expect(parseSearchCacheKey(bad), bad).toBeNull();
  });

  it('never caches a key too long for a file name', () => {
    expect(key(`q=${'x'.repeat(100)}`)).not.toBeNull();
    expect(key(`q=${'x'.repeat(200)}`)).toBeNull();
    expect(key(`q=${encodeURIComponent('🚢'.repeat(40))}`)).toBeNull();
    const long = searchCacheKey(parseSearchParams({ q: 'y'.repeat(140) }));
    expect(long).toBeNull();
    for (let n = 1; n <= 200; n++) {
      const k = searchCacheKey(parseSearchParams({ q: 'é'.repeat(n), section: 'a'.repeat(40) }));
      if (k) expect(k.length).toBeLessThanOrEqual(SEARCH_CACHE_MAX_KEY);
    }
  });

  it('lets a search in the second time it is asked, at most `max` of them, and those again', () => {
    const admission = new SearchKeyAdmission(3, 5);
    // Asked once: rendered per request, nothing cached.
    expect(['q=a', 'q=b', 'q=c', 'q=d'].map((qs) => cached(qs, admission))).toEqual([null, null, null, null]);
    const second = ['q=a', 'q=%20b%20', 'q=c'].map((qs) => cached(qs, admission));
    expect(second).toEqual([key('q=a'), key('q=b'), key('q=c')]);
    // The quota is spent: a fourth search asked again still renders per request; the admitted stay.
    expect(cached('q=d', admission)).toBeNull();
    expect(cached('q=a&page=1', admission)).toBe(second[0]);
    expect(admission.size).toBe(3);
    for (let i = 0; i < 1000; i++) cached(`q=w${i % 7}`, admission);
    expect(admission.size).toBe(3);
  });

  it('forgets searches asked once when too many pile up, so they cost no memory', () => {
    const admission = new SearchKeyAdmission(10, 3);
    for (const qs of ['q=a', 'q=b', 'q=c', 'q=d']) expect(cached(qs, admission)).toBeNull();
    // "a" was forgotten when "d" came (the memory of once-asked searches holds 3): asked again, it is new.
    expect(cached('q=a', admission)).toBeNull();
    expect(cached('q=a', admission)).toBe(key('q=a'));
  });

  it('reads a repeated parameter as the page does (the first one counts)', () => {
    expect(rawSearchParams(new URLSearchParams('q=a&q=b&page=2'))).toEqual({ q: ['a', 'b'], page: '2' });
    expect(key('q=a&q=b')).toBe(key('q=a'));
  });
});
