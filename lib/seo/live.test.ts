import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildRssFeed } from './feed';
import { newsArticleJsonLd } from './json-ld';
import { JSON_LD_UPDATES, liveBlogUpdatesJsonLd, liveFeedEntries, liveUpdateGuid, liveUpdateHeadline, liveUpdateText, type LiveUpdateForSeo } from './live';

const SITE = 'https://news.example.org';
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 20, minute));

function update(number: number, over: Partial<LiveUpdateForSeo> = {}): LiveUpdateForSeo {
  return {
    id: 100 + number,
    number,
    body: `Update **${number}**: the count goes on.`,
    authorName: 'Priya Raman',
    createdAt: at(number),
    editedAt: null,
    deletedAt: null,
    ...over,
  };
}

const authors = [{ name: 'Desk Editor', url: `${SITE}/authors/desk-editor` }];

describe('an update’s headline and text', () => {
  it('is the plain text of its Markdown, on one line', () => {
    expect(liveUpdateText('**Polls close.** Counting\n\nstarts [now](/x).')).toBe('Polls close. Counting starts now.');
    expect(liveUpdateHeadline('Short and *sweet*.')).toBe('Short and sweet.');
  });

  it('cuts a long update at a word, within 110 characters, with an ellipsis', () => {
    const long = 'The returning officer has confirmed that turnout in the Wend valley wards reached a record high this evening, with queues outside';
    const headline = liveUpdateHeadline(long);
    expect(headline.length).toBeLessThanOrEqual(110);
    expect(headline.endsWith('…')).toBe(true);
    expect(long.startsWith(headline.slice(0, -1))).toBe(true);
    expect(headline).not.toMatch(/\s…$/);
    expect(liveUpdateHeadline('x'.repeat(300))).toBe(`${'x'.repeat(109)}…`);
  });
});

describe('liveBlogUpdatesJsonLd', () => {
  it('names the latest shown updates, newest first, as BlogPosting items with their own addresses', () => {
    const items = liveBlogUpdatesJsonLd([update(1), update(2, { editedAt: at(30) }), update(3, { deletedAt: at(40) })], {
      slug: 'count',
      siteUrl: SITE,
      fallbackAuthors: authors,
    });
    expect(items).toEqual([
      {
        '@type': 'BlogPosting',
        headline: 'Update 2: the count goes on.',
        articleBody: 'Update 2: the count goes on.',
        datePublished: at(2).toISOString(),
        dateModified: at(30).toISOString(),
        url: `${SITE}/articles/count/updates/2`,
        author: { '@type': 'Person', name: 'Priya Raman' },
      },
      expect.objectContaining({ headline: 'Update 1: the count goes on.', dateModified: at(1).toISOString(), url: `${SITE}/articles/count/updates/1` }),
    ]);
  });

  it('keeps at most ten, and credits the article’s bylines when an update has no author', () => {
    const many = Array.from({ length: 14 }, (_, i) => update(i + 1, { authorName: null }));
    const items = liveBlogUpdatesJsonLd(many, { slug: 'count', siteUrl: SITE, fallbackAuthors: authors });
    expect(items).toHaveLength(JSON_LD_UPDATES);
    expect(items[0].url).toBe(`${SITE}/articles/count/updates/14`);
    expect(items[0].author).toEqual([{ '@type': 'Person', name: 'Desk Editor', url: `${SITE}/authors/desk-editor` }]);
  });
});

describe('newsArticleJsonLd for live coverage', () => {
  const article = {
    slug: 'count',
    title: 'Election night',
    description: 'Live.',
    publishedAt: at(0),
    modifiedAt: at(0),
    section: null,
    authors: [{ name: 'Desk Editor', slug: 'desk-editor' }],
    tags: [],
    corrections: [],
  };
  const updates = liveBlogUpdatesJsonLd([update(5)], { slug: 'count', siteUrl: SITE, fallbackAuthors: authors });

  it('is a LiveBlogPosting with its coverage times and updates, keeping the article’s fields', () => {
    const data = newsArticleJsonLd(article, { commentCount: 3, images: [], siteUrl: SITE, live: { startedAt: at(0), endedAt: null, updates } });
    expect(data).toMatchObject({
      '@type': 'LiveBlogPosting',
      headline: 'Election night',
      datePublished: at(0).toISOString(),
      // Modified when the newest update was.
      dateModified: at(5).toISOString(),
      commentCount: 3,
      coverageStartTime: at(0).toISOString(),
      liveBlogUpdate: updates,
    });
    expect(data.coverageEndTime).toBeUndefined();
    expect(JSON.parse(JSON.stringify(data))).not.toHaveProperty('coverageEndTime');
  });

  it('gains coverageEndTime once coverage ends; without coverage it stays a NewsArticle', () => {
    expect(
      newsArticleJsonLd(article, { commentCount: 0, images: [], siteUrl: SITE, live: { startedAt: at(0), endedAt: at(50), updates } }).coverageEndTime,
    ).toBe(at(50).toISOString());
    const plain = newsArticleJsonLd(article, { commentCount: 0, images: [], siteUrl: SITE });
    expect(plain['@type']).toBe('NewsArticle');
    expect(plain).not.toHaveProperty('liveBlogUpdate');
  });
});

describe('the live feed', () => {
  const entries = liveFeedEntries(
    [update(1), update(2, { imagePath: 'live/2.webp', imageAlt: 'The hall', correction: 'The ward was Eastgate.' }), update(3, { deletedAt: at(9) })],
    {
      slug: 'count',
      siteUrl: SITE,
      renderHtml: (md) => `<p>${md.replace(/\*\*/g, '')}</p>`,
      imageUrl: (path) => `${SITE}/media/${path}`,
    },
  );

  it('lists the updates still shown, newest first, each linking to its page with a guid that survives edits', () => {
    expect(entries.map((e) => e.url)).toEqual([`${SITE}/articles/count/updates/2`, `${SITE}/articles/count/updates/1`]);
    expect(entries[0].guid).toBe(liveUpdateGuid(102, SITE));
    expect(entries[0].guid).toBe('tag:news.example.org,2024:live-update:102');
    expect(entries[0].html).toContain('<img src="https://news.example.org/media/live/2.webp" alt="The hall" />');
    expect(entries[0].html).toContain('<p>Update 2: the count goes on.</p>');
    expect(entries[0].html).toContain('<strong>Correction:</strong> The ward was Eastgate.');
  });

  it('makes a readable RSS 2.0 document', () => {
    const xml = buildRssFeed(
      {
        title: 'Election night: live updates',
        description: 'Live.',
        pageUrl: `${SITE}/articles/count`,
        feedUrl: `${SITE}/articles/count/live.xml`,
        siteUrl: SITE,
      },
      entries,
    );
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(xml);
    const items = doc.rss.channel.item;
    expect(items.map((i: { link: string }) => i.link)).toEqual([`${SITE}/articles/count/updates/2`, `${SITE}/articles/count/updates/1`]);
    expect(items[0].title).toBe('Update 2: the count goes on.');
    expect(items[0].guid['#text']).toBe('tag:news.example.org,2024:live-update:102');
  });
});
