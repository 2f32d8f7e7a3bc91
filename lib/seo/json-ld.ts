import { absoluteUrl, SITE_LANGUAGE, SITE_NAME } from './site';

// schema.org NewsArticle for an article page, as Google's article structured data documents it.

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

export function newsArticleJsonLd(article: JsonLdArticle, { commentCount, images, siteUrl }: { commentCount: number; images: string[]; siteUrl: string }) {
  const url = absoluteUrl(`/articles/${article.slug}`, siteUrl);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.description || undefined,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    image: images,
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.modifiedAt.toISOString(),
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
