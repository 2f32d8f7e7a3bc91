import { and, eq, lte } from 'drizzle-orm';
import { db } from '../index';
import { articles, sections, sectionSlugRedirects, slugRedirects, tags, tagSlugRedirects } from '../schema';
import type { RedirectEntry } from '@/lib/redirects/registry';

// Not marked server-only: instrumentation (outside the React server layer) loads it at start.

/**
 * Every old slug that should answer 301, with its current slug: articles only while they are public,
 * so an unpublished article's new address does not leak. Three primary-key-sized tables, read whole;
 * they hold one row per rename, not per article.
 */
export async function listRedirects(): Promise<RedirectEntry[]> {
  const [articleRows, sectionRows, tagRows] = await Promise.all([
    db
      .select({ oldSlug: slugRedirects.oldSlug, slug: articles.slug })
      .from(slugRedirects)
      .innerJoin(articles, eq(articles.id, slugRedirects.articleId))
      .where(and(eq(articles.status, 'published'), lte(articles.publishedAt, new Date()))),
    db.select({ oldSlug: sectionSlugRedirects.oldSlug, slug: sections.slug }).from(sectionSlugRedirects).innerJoin(sections, eq(sections.id, sectionSlugRedirects.sectionId)),
    db.select({ oldSlug: tagSlugRedirects.oldSlug, slug: tags.slug }).from(tagSlugRedirects).innerJoin(tags, eq(tags.id, tagSlugRedirects.tagId)),
  ]);
  return [
    ...articleRows.map((r) => ({ kind: 'articles' as const, ...r })),
    ...sectionRows.map((r) => ({ kind: 'sections' as const, ...r })),
    ...tagRows.map((r) => ({ kind: 'tags' as const, ...r })),
  ].filter((r) => r.oldSlug !== r.slug);
}
