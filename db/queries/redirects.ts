import { and, eq, lte } from 'drizzle-orm';
import { db } from '../index';
import { articles, legacyRedirects, sections, sectionSlugRedirects, slugRedirects, tags, tagSlugRedirects } from '../schema';
import type { RedirectEntry } from '@/lib/redirects/registry';

// Not marked server-only: instrumentation (outside the React server layer) loads it at start.

/**
 * Every old slug that should answer 301, with its current slug: articles only while they are public,
 * so an unpublished article's new address does not leak. The slug tables hold one row per rename, not
 * per article, and are read whole.
 */
export async function listRedirects(): Promise<RedirectEntry[]> {
  const isPublic = and(eq(articles.status, 'published'), lte(articles.publishedAt, new Date()));
  const [articleRows, sectionRows, tagRows, legacyRows] = await Promise.all([
    db
      .select({ oldSlug: slugRedirects.oldSlug, slug: articles.slug })
      .from(slugRedirects)
      .innerJoin(articles, eq(articles.id, slugRedirects.articleId))
      .where(isPublic),
    db
      .select({ oldSlug: sectionSlugRedirects.oldSlug, slug: sections.slug })
      .from(sectionSlugRedirects)
      .innerJoin(sections, eq(sections.id, sectionSlugRedirects.sectionId)),
    db.select({ oldSlug: tagSlugRedirects.oldSlug, slug: tags.slug }).from(tagSlugRedirects).innerJoin(tags, eq(tags.id, tagSlugRedirects.tagId)),
    // Imported permalinks: one row per imported post, so this one grows with the archive (a path and a
    // slug each, about 100 bytes: 100,000 of them is ~10 MB held in the proxy's table).
    db
      .select({ oldPath: legacyRedirects.oldPath, slug: articles.slug })
      .from(legacyRedirects)
      .innerJoin(articles, eq(articles.id, legacyRedirects.articleId))
      .where(isPublic),
  ]);
  const renamed: RedirectEntry[] = [
    ...articleRows.map((r) => ({ kind: 'articles' as const, ...r })),
    ...sectionRows.map((r) => ({ kind: 'sections' as const, ...r })),
    ...tagRows.map((r) => ({ kind: 'tags' as const, ...r })),
  ].filter((r) => r.oldSlug !== r.slug);
  return [...renamed, ...legacyRows.map((r) => ({ kind: 'legacy' as const, ...r }))];
}
