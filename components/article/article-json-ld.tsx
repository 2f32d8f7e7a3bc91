import type { ArticleDetail } from '@/db/queries/articles';
import { articleDescription, articleModifiedAt } from '@/lib/seo/article';
import { env } from '@/lib/env';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/seo/json-ld';
import { absoluteUrl } from '@/lib/seo/site';
import { mediaUrl } from '@/lib/uploads';

/** schema.org NewsArticle for search engines; `commentCount` is the approved replies the page shows. */
export function ArticleJsonLd({ article, commentCount }: { article: ArticleDetail; commentCount: number }) {
  const images = [
    ...(article.coverImagePath ? [absoluteUrl(mediaUrl(article.coverImagePath), env.SITE_URL)] : []),
    absoluteUrl(`/articles/${article.slug}/card.png`, env.SITE_URL),
  ];
  const data = newsArticleJsonLd(
    { ...article, description: articleDescription(article), modifiedAt: articleModifiedAt(article) },
    { commentCount, images, siteUrl: env.SITE_URL },
  );
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
