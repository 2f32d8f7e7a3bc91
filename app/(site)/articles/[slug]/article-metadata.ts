import type { Metadata } from 'next';
import { articleDescription, articleModifiedAt } from '@/lib/seo/article';
import { absoluteUrl, SITE_NAME } from '@/lib/seo/site';
import type { ArticleDetail } from '@/db/queries/articles';
import { feedTypes } from '../../page-metadata';

// og:image comes from ./opengraph-image.tsx (file-based images win over these fields).
export function articleMetadata(article: ArticleDetail): Metadata {
  const description = articleDescription(article);
  const path = `/articles/${article.slug}`;
  return {
    title: article.seoTitle || article.title,
    description,
    // An article that has had live coverage also offers the feed of its updates.
    alternates: {
      canonical: path,
      types: article.liveStartedAt ? feedTypes({ url: `${path}/live.xml`, title: `${article.title}: live updates` }) : feedTypes(),
    },
    authors: article.authors.map((a) => ({ name: a.name, url: `/authors/${a.slug}` })),
    openGraph: {
      type: 'article',
      siteName: SITE_NAME,
      locale: 'en_GB',
      url: path,
      title: article.title,
      description,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: articleModifiedAt(article).toISOString(),
      section: article.section?.name,
      tags: article.tags.map((t) => t.name),
      authors: article.authors.map((a) => absoluteUrl(`/authors/${a.slug}`)),
    },
    twitter: { card: 'summary_large_image', title: article.title, description },
  };
}
