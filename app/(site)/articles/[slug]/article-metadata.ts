import type { Metadata } from 'next';
import { markdownToPlainText } from '@/lib/markdown/render';
import { mediaUrl } from '@/lib/uploads';
import type { ArticleDetail } from '@/db/queries/articles';

export function articleMetadata(article: ArticleDetail): Metadata {
  const description = article.seoDescription || article.standfirst || markdownToPlainText(article.body).slice(0, 200);
  const image = article.coverImagePath ? mediaUrl(article.coverImagePath) : undefined;
  return {
    title: article.seoTitle || article.title,
    description,
    alternates: { canonical: `/articles/${article.slug}` },
    authors: article.authors.map((a) => ({ name: a.name, url: `/authors/${a.slug}` })),
    openGraph: {
      type: 'article',
      title: article.title,
      description,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: (article.contentUpdatedAt ?? article.publishedAt).toISOString(),
      section: article.section?.name,
      tags: article.tags.map((t) => t.name),
      images: image ? [{ url: image, width: 1600, height: 900, alt: article.coverAlt ?? '' }] : undefined,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title: article.title, description },
  };
}
