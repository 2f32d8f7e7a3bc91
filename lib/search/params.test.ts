import { describe, expect, it } from 'vitest';
import { dateBounds, parseSearchParams, searchHref } from './params';

describe('parseSearchParams', () => {
  it('reads the query, filters and page', () => {
    expect(parseSearchParams({ q: ' ferry  times ', section: 'news', from: '2024-01-01', to: '2024-02-29', page: '3' })).toEqual({
      q: 'ferry times',
      section: 'news',
      from: '2024-01-01',
      to: '2024-02-29',
      page: 3,
    });
  });

  it('drops values that make no sense instead of failing', () => {
    expect(parseSearchParams({ q: ['a', 'b'], section: '../etc', from: '2023-02-30', to: 'yesterday', page: 'abc' })).toEqual({
      q: 'a',
      section: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
    expect(parseSearchParams({}).q).toBe('');
    expect(parseSearchParams({ page: '100000' }).page).toBe(1);
    expect(parseSearchParams({ q: 'x'.repeat(10_000) }).q).toHaveLength(200);
  });

  it('puts a reversed date range the right way round', () => {
    const p = parseSearchParams({ from: '2024-05-01', to: '2024-04-01' });
    expect([p.from, p.to]).toEqual(['2024-04-01', '2024-05-01']);
    const bounds = dateBounds(p);
    expect(bounds.from?.toISOString()).toBe('2024-04-01T00:00:00.000Z');
    expect(bounds.before?.toISOString()).toBe('2024-05-02T00:00:00.000Z');
  });

  it('builds result page addresses that keep the filters', () => {
    const p = parseSearchParams({ q: 'a&b', section: 'news' });
    expect(searchHref(p, 2)).toBe('/search?q=a%26b&section=news&page=2');
    expect(searchHref(p, 1)).toBe('/search?q=a%26b&section=news');
  });
});
