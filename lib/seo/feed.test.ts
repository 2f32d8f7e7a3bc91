import { describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { absolutizeHtml, articleGuid, buildRssFeed, type FeedEntry } from './feed';
import { absoluteUrl, escapeXml, stripInvalidXmlChars } from './site';

const SITE = 'https://news.example.org';

const entry = (over: Partial<FeedEntry> = {}): FeedEntry => ({
  guid: articleGuid(7, SITE),
  title: 'Council <votes> & more',
  url: `${SITE}/articles/council-votes`,
  date: new Date('2026-03-01T10:00:00Z'),
  description: 'A standfirst.',
  html: '<p>Body with <a href="/articles/other">a link</a> and <img src="/media/a.webp" alt="" /></p>',
  authors: [
    { name: 'Priya Raman', url: `${SITE}/authors/priya-raman` },
    { name: 'Daniel Whitcombe', url: `${SITE}/authors/daniel-whitcombe` },
  ],
  categories: [
    { name: 'Politics', url: `${SITE}/sections/politics` },
    { name: 'Housing', url: `${SITE}/tags/housing` },
  ],
  ...over,
});

const channel = { title: 'Broadsheet', description: 'News', pageUrl: `${SITE}/`, feedUrl: `${SITE}/feed.xml`, siteUrl: SITE };

describe('buildRssFeed', () => {
  it('writes RSS 2.0 that a feed parser reads back: items, dates, bylines, categories, content', async () => {
    const xml = buildRssFeed(channel, [entry({ html: absolutizeHtml(entry().html, SITE) })]);
    const feed = await new Parser({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } }).parseString(xml);
    expect(feed.title).toBe('Broadsheet');
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items as unknown as (Parser.Item & { creators: string[]; 'content:encoded': string })[];
    expect(item.title).toBe('Council <votes> & more');
    expect(item.link).toBe(`${SITE}/articles/council-votes`);
    expect(new Date(item.pubDate!).toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(item.guid).toBe('tag:news.example.org,2024:article:7');
    expect(item.creators).toEqual(['Priya Raman', 'Daniel Whitcombe']);
    // Categories with a domain attribute come back as { _: name, $: { domain } }.
    expect(item.categories).toEqual([
      { _: 'Politics', $: { domain: `${SITE}/sections/politics` } },
      { _: 'Housing', $: { domain: `${SITE}/tags/housing` } },
    ]);
    expect(item['content:encoded']).toContain(`href="${SITE}/articles/other"`);
    expect(item['content:encoded']).toContain(`src="${SITE}/media/a.webp"`);
    expect(xml).toContain(`<atom:link href="${SITE}/feed.xml" rel="self" type="application/rss+xml"/>`);
  });

  it('stays well-formed with "]]>" and control characters in the content', async () => {
    const xml = buildRssFeed(channel, [entry({ title: 'A ]]> B\u0001', html: '<p>x ]]> y ]]> z</p>', description: 'd\u0008' })]);
    const feed = await new Parser().parseString(xml);
    expect(feed.items[0].title).toBe('A ]] > B');
    expect(feed.items[0]['content:encoded']).toBe('<p>x ]]&gt; y ]]&gt; z</p>');
  });

  it('dates the channel by its newest item, so an unchanged feed is the same bytes', () => {
    expect(buildRssFeed(channel, [entry()])).toBe(buildRssFeed(channel, [entry()]));
    expect(buildRssFeed(channel, [entry()])).toContain('<lastBuildDate>Sun, 01 Mar 2026 10:00:00 GMT</lastBuildDate>');
  });
});

describe('addresses and escaping', () => {
  it('makes site-relative links absolute but leaves absolute and protocol-relative ones', () => {
    expect(absolutizeHtml('<a href="/x">x</a><a href="https://o.org/y">y</a><img src="//cdn/z">', `${SITE}/`)).toBe(
      `<a href="${SITE}/x">x</a><a href="https://o.org/y">y</a><img src="//cdn/z">`,
    );
  });

  it('builds absolute addresses from SITE_URL with or without a trailing slash or a path prefix', () => {
    expect(absoluteUrl('/feed.xml', 'https://a.org/')).toBe('https://a.org/feed.xml');
    expect(absoluteUrl('feed.xml', 'https://a.org/news')).toBe('https://a.org/news/feed.xml');
  });

  it('escapes XML and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(stripInvalidXmlChars('a\u0000b\u000Bc\td\ne\uD800f')).toBe('abc\td\nef');
  });
});
