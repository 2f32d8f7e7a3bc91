import type { liveBlogUpdatesJsonLd } from './live';
import { absoluteUrl, SITE_LANGUAGE, SITE_NAME } from './site';

// schema.org NewsArticle for an article page, as Google's article structured data documents it; a
// LiveBlogPosting (a subtype that keeps every field) once the article has had live coverage.

export type JsonLdArticle = {
  slug: string;
  title: string;
  description: string;
  publishedAt: Date;
  modifiedAt: Date;
  section: { name: string } | null;
  authors: { name: string; slug: string }[];
  tags: { name: string }[];
  corrections: { body: string; createdAt: Date }[];
};

/** Live coverage: when it started and ended, and the latest updates (./live.ts liveBlogUpdatesJsonLd). */
export type JsonLdLive = { startedAt: Date; endedAt: Date | null; updates: ReturnType<typeof liveBlogUpdatesJsonLd> };

export function newsArticleJsonLd(
  article: JsonLdArticle,
  { commentCount, images, siteUrl, live }: { commentCount: number; images: string[]; siteUrl: string; live?: JsonLdLive | null },
) {
  const url = absoluteUrl(`/articles/${article.slug}`, siteUrl);
  // A live article changes with each update: its newest update is when it was last modified.
  const newest = live?.updates[0]?.dateModified;
  const modified = newest && newest > article.modifiedAt.toISOString() ? newest : article.modifiedAt.toISOString();
  return {
    '@context': 'https://schema.org',
    '@type': live ? 'LiveBlogPosting' : 'NewsArticle',
    headline: article.title,
    description: article.description || undefined,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    image: images,
    datePublished: article.publishedAt.toISOString(),
    dateModified: modified,
    author: article.authors.map((a) => ({ '@type': 'Person', name: a.name, url: absoluteUrl(`/authors/${a.slug}`, siteUrl) })),
    publisher: {
      '@type': 'Organization',
      name: SITE_NAME,
      url: absoluteUrl('/', siteUrl),
      logo: { '@type': 'ImageObject', url: absoluteUrl('/brand/logo.png', siteUrl), width: 600, height: 60 },
    },
    articleSection: article.section?.name,
    keywords: article.tags.length ? article.tags.map((t) => t.name) : undefined,
    commentCount,
    correction: article.corrections.length
      ? article.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.body, datePublished: c.createdAt.toISOString() }))
      : undefined,
    inLanguage: SITE_LANGUAGE,
    ...(live && {
      coverageStartTime: live.startedAt.toISOString(),
      coverageEndTime: live.endedAt?.toISOString(),
      liveBlogUpdate: live.updates,
    }),
  };
}

/**
 * JSON for a <script type="application/ld+json"> element. "</script>" or "<!--" in a headline must not
 * end or change the element, so "<", ">" and "&" become \u escapes (still the same JSON string);
 * U+2028/U+2029 too, for parsers that treat them as line ends.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
