import { describe, expect, it } from 'vitest';
import { compareHref, parseCompareParams } from './compare-params';

describe('parseCompareParams', () => {
  it('reads two revision ids from the address or from page props', () => {
    expect(parseCompareParams(new URLSearchParams('from=3&to=12'))).toEqual({ from: 3, to: 12 });
    expect(parseCompareParams({ from: '12', to: '3' })).toEqual({ from: 12, to: 3 });
    expect(parseCompareParams({ from: '7', to: '7' })).toEqual({ from: 7, to: 7 });
  });

  it('refuses missing, repeated, malformed and out-of-range ids', () => {
    for (const q of [
      '',
      'from=3',
      'to=3',
      'from=3&to=',
      'from=0&to=3',
      'from=-1&to=3',
      'from=1.5&to=3',
      'from=abc&to=3',
      'from=03&to=3',
      'from=3&to=4&to=5',
      `from=1&to=${'9'.repeat(17)}`,
      'from=9999999999999999&to=1',
    ])
      expect(parseCompareParams(new URLSearchParams(q)), q).toBeNull();
    expect(parseCompareParams({ from: ['1', '2'], to: '3' })).toBeNull();
    expect(parseCompareParams(undefined)).toBeNull();
  });

  it('writes the address back', () => {
    expect(compareHref(5, { from: 3, to: 12 })).toBe('/admin/articles/5/revisions/compare?from=3&to=12');
  });
});
