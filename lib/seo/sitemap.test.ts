import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import {
  articleChunkOf,
  articleIdRange,
  newsLanguage,
  planSitemap,
  mergeNewsItems,
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlset,
  robotsTxt,
  SITEMAP_MAX_URLS,
} from './sitemap';

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) }).parse(xml);

describe('planSitemap', () => {
  const d = (iso: string) => new Date(iso);

  it('keeps one sitemap while every address fits in one file', () => {
    expect(planSitemap(100, [{ chunk: 1, count: SITEMAP_MAX_URLS - 100, lastmod: null }])).toEqual({ kind: 'single' });
  });

  it('switches to an index at the 50,001st address, with the pages first and one child per non-empty id range', () => {
    const plan = planSitemap(100, [
      { chunk: 2, count: 30_000, lastmod: d('2026-02-01T00:00:00Z') },
      { chunk: 1, count: 19_901, lastmod: d('2026-01-01T00:00:00Z') },
      { chunk: 3, count: 0, lastmod: null },
    ]);
    expect(plan).toEqual({
      kind: 'index',
      children: [
        { n: 0, lastmod: d('2026-02-01T00:00:00Z') },
        { n: 1, lastmod: d('2026-01-01T00:00:00Z') },
        { n: 2, lastmod: d('2026-02-01T00:00:00Z') },
      ],
    });
  });

  it('honours a smaller limit', () => {
    expect(planSitemap(1, [{ chunk: 1, count: 2, lastmod: null }], 3)).toEqual({ kind: 'single' });
    expect(planSitemap(2, [{ chunk: 1, count: 2, lastmod: null }], 3).kind).toBe('index');
  });
});

describe('article id ranges', () => {
  it('puts ids 1…50,000 in child 1 and 50,001 in child 2', () => {
    expect(articleChunkOf(1)).toBe(1);
    expect(articleChunkOf(50_000)).toBe(1);
    expect(articleChunkOf(50_001)).toBe(2);
    expect(articleIdRange(2)).toEqual({ afterId: 50_000, upToId: 100_000 });
  });

  it('never puts more than the limit in one child', () => {
    for (const id of [1, 49_999, 50_000, 50_001, 123_456]) {
      const { afterId, upToId } = articleIdRange(articleChunkOf(id));
      expect(id).toBeGreaterThan(afterId);
      expect(id).toBeLessThanOrEqual(upToId);
      expect(upToId - afterId).toBe(SITEMAP_MAX_URLS);
    }
  });
});

describe('rendering', () => {
  it('writes a urlset with escaped addresses and W3C lastmod', () => {
    const xml = renderUrlset([{ loc: 'https://example.org/a?x=1&y=<2>', lastmod: new Date('2026-03-04T05:06:07Z') }, { loc: 'https://example.org/b' }]);
    const doc = parse(xml);
    expect(doc.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.urlset.url[0]).toEqual({ loc: 'https://example.org/a?x=1&y=<2>', lastmod: '2026-03-04T05:06:07.000Z' });
    expect(doc.urlset.url[1]).toEqual({ loc: 'https://example.org/b' });
    expect(xml).toContain('&amp;y=&lt;2&gt;');
  });

  it('writes a sitemap index', () => {
    const doc = parse(renderSitemapIndex([{ loc: 'https://example.org/sitemaps/1.xml', lastmod: new Date('2026-01-01T00:00:00Z') }]));
    expect(doc.sitemapindex.sitemap).toEqual([{ loc: 'https://example.org/sitemaps/1.xml', lastmod: '2026-01-01T00:00:00.000Z' }]);
  });

  it('writes a Google News sitemap', () => {
    const xml = renderNewsSitemap([{ loc: 'https://example.org/articles/a', title: 'Tom & Jerry', publishedAt: new Date('2026-01-02T03:04:05Z') }], {
      name: 'Broadsheet',
      language: 'en',
    });
    const doc = parse(xml);
    expect(doc.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(doc.urlset.url[0]['news:news']).toEqual({
      'news:publication': { 'news:name': 'Broadsheet', 'news:language': 'en' },
      'news:publication_date': '2026-01-02T03:04:05.000Z',
      'news:title': 'Tom & Jerry',
    });
  });

  it('gives Google News a language code, not a region', () => {
    expect(newsLanguage('en-GB')).toBe('en');
    expect(newsLanguage('zh-TW')).toBe('zh-tw');
  });

  it('writes robots.txt that keeps crawlers out of the newsroom and points at both sitemaps', () => {
    const lines = robotsTxt('https://news.example.org').split('\n');
    expect(lines).toContain('Disallow: /admin');
    expect(lines).toContain('Disallow: /api');
    expect(lines).toContain('Sitemap: https://news.example.org/sitemap.xml');
    expect(lines).toContain('Sitemap: https://news.example.org/news-sitemap.xml');
  });
});

describe('the news sitemap and live coverage', () => {
  const item = (slug: string, over = {}) => ({
    loc: `https://example.org/articles/${slug}`,
    title: slug,
    publishedAt: new Date('2026-01-02T03:04:05Z'),
    ...over,
  });

  it('lists live articles first, however old, then the recent ones not already listed, up to the limit', () => {
    const live = [item('old-live', { publishedAt: new Date('2025-06-01T00:00:00Z'), lastmod: new Date('2026-01-03T00:00:00Z') }), item('new-live')];
    const merged = mergeNewsItems(live, [item('new-live'), item('a'), item('b')], 3);
    expect(merged.map((i) => i.title)).toEqual(['old-live', 'new-live', 'a']);
  });

  it('gives a live article its newest update as <lastmod>, keeping its publication date', () => {
    const xml = renderNewsSitemap([item('live', { lastmod: new Date('2026-01-03T00:00:00Z') }), item('plain')], { name: 'Broadsheet', language: 'en' });
    const [live, plain] = parse(xml).urlset.url;
    expect(live.lastmod).toBe('2026-01-03T00:00:00.000Z');
    expect(live['news:news']['news:publication_date']).toBe('2026-01-02T03:04:05.000Z');
    expect(plain.lastmod).toBeUndefined();
    // The sitemap schema wants <lastmod> straight after <loc>.
    expect(xml).toContain('</loc><lastmod>2026-01-03T00:00:00.000Z</lastmod><news:news>');
  });
});
