import { getLiveJsonLdUpdates } from '@/app/(site)/cached-data';
import type { ArticleDetail } from '@/db/queries/articles';
import { articleDescription, articleModifiedAt } from '@/lib/seo/article';
import { env } from '@/lib/env';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/seo/json-ld';
import { liveBlogUpdatesJsonLd } from '@/lib/seo/live';
import { absoluteUrl } from '@/lib/seo/site';
import { mediaUrl } from '@/lib/uploads';

/**
 * schema.org NewsArticle for search engines; `commentCount` is the approved replies the page shows.
 * An article with live coverage (started, running or ended) is a LiveBlogPosting naming its latest
 * updates, read here from their own cached entry (tagged with the article) so every page that shows
 * the article gets them.
 */
export async function ArticleJsonLd({ article, commentCount }: { article: ArticleDetail; commentCount: number }) {
  const images = [
    ...(article.coverImagePath ? [absoluteUrl(mediaUrl(article.coverImagePath), env.SITE_URL)] : []),
    absoluteUrl(`/articles/${article.slug}/card.png`, env.SITE_URL),
  ];
  const live = article.liveStartedAt
    ? {
        startedAt: article.liveStartedAt,
        endedAt: article.liveEndedAt,
        updates: liveBlogUpdatesJsonLd(await getLiveJsonLdUpdates(article.id), {
          slug: article.slug,
          siteUrl: env.SITE_URL,
          fallbackAuthors: article.authors.map((a) => ({ name: a.name, url: absoluteUrl(`/authors/${a.slug}`, env.SITE_URL) })),
        }),
      }
    : null;
  const data = newsArticleJsonLd(
    { ...article, description: articleDescription(article), modifiedAt: articleModifiedAt(article) },
    { commentCount, images, siteUrl: env.SITE_URL, live },
  );
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
