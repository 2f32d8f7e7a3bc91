import { describe, expect, it } from 'vitest';
import { newsArticleJsonLd, serializeJsonLd } from './json-ld';
import { fitHeadline } from './card-text';

const SITE = 'https://news.example.org';

const article = {
  slug: 'council-votes',
  title: 'Council votes </script><script>alert(1)</script>',
  description: 'A standfirst.',
  publishedAt: new Date('2026-03-01T10:00:00Z'),
  modifiedAt: new Date('2026-03-02T11:00:00Z'),
  section: { name: 'Politics' },
  authors: [{ name: 'Priya Raman', slug: 'priya-raman' }],
  tags: [{ name: 'Housing' }],
  corrections: [{ body: 'We said 240; it was 180.', createdAt: new Date('2026-03-02T11:00:00Z') }],
};

describe('newsArticleJsonLd', () => {
  const data = newsArticleJsonLd(article, { commentCount: 57, images: [`${SITE}/media/a.webp`], siteUrl: SITE });

  it('describes the article with absolute addresses', () => {
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.title,
      url: `${SITE}/articles/council-votes`,
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${SITE}/articles/council-votes` },
      image: [`${SITE}/media/a.webp`],
      datePublished: '2026-03-01T10:00:00.000Z',
      dateModified: '2026-03-02T11:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Priya Raman', url: `${SITE}/authors/priya-raman` }],
      publisher: { '@type': 'Organization', name: 'Broadsheet', logo: { '@type': 'ImageObject', url: `${SITE}/brand/logo.png` } },
      commentCount: 57,
      correction: [{ '@type': 'CorrectionComment', text: 'We said 240; it was 180.', datePublished: '2026-03-02T11:00:00.000Z' }],
    });
  });

  it('leaves out corrections when there are none', () => {
    expect(newsArticleJsonLd({ ...article, corrections: [] }, { commentCount: 0, images: [], siteUrl: SITE }).correction).toBeUndefined();
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element or open a comment, and parses back to the same data', () => {
    const data = { headline: '</script><!-- & \u2028' };
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe('fitHeadline', () => {
  it('keeps a short headline whole, in large type', () => {
    expect(fitHeadline('Ferry stops for six weeks')).toEqual({ text: 'Ferry stops for six weeks', fontSize: 76 });
  });

  it('cuts a very long headline at a word, with an ellipsis, in smaller type', () => {
    const long = 'word '.repeat(60).trim();
    const { text, fontSize } = fitHeadline(long);
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text).toMatch(/word…$/);
    expect(fontSize).toBe(48);
  });
});
