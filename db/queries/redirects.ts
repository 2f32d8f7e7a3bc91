import { and, eq, lte } from 'drizzle-orm';
import { db } from '../index';
import {
  articles,
  importedMedia,
  legacyRedirects,
  media,
  pages,
  sections,
  sectionSlugRedirects,
  slugRedirects,
  tags,
  tagSlugRedirects,
  users,
} from '../schema';
import { UPLOADS_PATHS } from '@/lib/import/uploads-paths';
import { mediaUrl } from '@/lib/uploads';
import type { RedirectEntry } from '@/lib/redirects/registry';
import { feedOf } from '@/lib/redirects/wordpress';

// Not marked server-only: instrumentation (outside the React server layer) loads it at start.

/**
 * Every old address that should answer 301, with where it now lives: articles and pages only while
 * they are public, so an unpublished one's new address does not leak. The slug tables hold one row per
 * rename, not per article, and are read whole. Old addresses from another system are read with one
 * query per kind of target (no query per row); the slugs of published pages come too, so the proxy
 * never lets an old address hide one.
 */
export async function listRedirects(): Promise<RedirectEntry[]> {
  const isPublic = and(eq(articles.status, 'published'), lte(articles.publishedAt, new Date()));
  const isPublishedPage = eq(pages.status, 'published');
  const legacy = { oldPath: legacyRedirects.oldPath, feed: legacyRedirects.feed };
  const [articleRows, sectionRows, tagRows, toArticles, toPages, toSections, toTags, toAuthors, pageRows, mediaRows] = await Promise.all([
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
    // Imported addresses: one row per imported post, page and term, so these grow with the archive (a
    // path and a target each, about 100 bytes: 100,000 of them is ~10 MB held in the proxy's table).
    db
      .select({ ...legacy, slug: articles.slug })
      .from(legacyRedirects)
      .innerJoin(articles, eq(articles.id, legacyRedirects.articleId))
      .where(isPublic),
    db
      .select({ ...legacy, slug: pages.slug })
      .from(legacyRedirects)
      .innerJoin(pages, eq(pages.id, legacyRedirects.pageId))
      .where(isPublishedPage),
    db
      .select({ ...legacy, slug: sections.slug })
      .from(legacyRedirects)
      .innerJoin(sections, eq(sections.id, legacyRedirects.sectionId)),
    db
      .select({ ...legacy, slug: tags.slug })
      .from(legacyRedirects)
      .innerJoin(tags, eq(tags.id, legacyRedirects.tagId)),
    db
      .select({ ...legacy, slug: users.slug })
      .from(legacyRedirects)
      .innerJoin(users, eq(users.id, legacyRedirects.authorId)),
    db.select({ slug: pages.slug }).from(pages).where(isPublishedPage),
    // Images an import brought home, by their old address: a site that moves in on its own domain keeps
    // its old image links (shared, embedded elsewhere) working.
    db.select({ source: importedMedia.source, path: media.path }).from(importedMedia).innerJoin(media, eq(media.id, importedMedia.mediaId)),
  ]);
  const renamed: RedirectEntry[] = [
    ...articleRows.map((r) => ({ kind: 'articles' as const, ...r })),
    ...sectionRows.map((r) => ({ kind: 'sections' as const, ...r })),
    ...tagRows.map((r) => ({ kind: 'tags' as const, ...r })),
  ].filter((r) => r.oldSlug !== r.slug);
  const moved = (rows: { oldPath: string; feed: boolean; slug: string }[], at: (slug: string) => string): RedirectEntry[] =>
    rows.map((r) => ({ kind: 'legacy', oldPath: r.oldPath, target: r.feed ? feedOf(at(r.slug)) : at(r.slug) }));
  return [
    ...renamed,
    ...moved(toArticles, (slug) => `/articles/${slug}`),
    ...moved(toPages, (slug) => `/${slug}`),
    ...moved(toSections, (slug) => `/sections/${slug}`),
    ...moved(toTags, (slug) => `/tags/${slug}`),
    ...moved(toAuthors, (slug) => `/authors/${slug}`),
    ...pageRows.map((r) => ({ kind: 'page' as const, slug: r.slug })),
    ...mediaRows.flatMap((r): RedirectEntry[] => {
      const oldPath = uploadsPath(r.source);
      return oldPath ? [{ kind: 'legacy', oldPath, target: mediaUrl(r.path) }] : [];
    }),
  ];
}

/** The path of an old site's upload (/wp-content/uploads/…, Ghost's /content/images/…), else null. */
function uploadsPath(source: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(source).pathname;
  } catch {
    return null;
  }
  return Object.values(UPLOADS_PATHS).some((prefix) => pathname.startsWith(prefix)) ? pathname : null;
}
