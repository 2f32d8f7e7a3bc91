import 'server-only';
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../index';
import { SlugTakenError } from './errors';
import { articles, articleTags, sections, sectionSlugRedirects, tags, tagSlugRedirects } from '../schema';

// The sections and tags desk. Counts are correlated subqueries over indexed columns
// (articles_section_status_published_idx, article_tags_tag_idx); nothing runs a query per row.

/** Thrown when a delete or merge cannot go ahead; the message is safe to show. */
export class TaxonomyConflictError extends Error {}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

function isUniqueViolation(e: unknown): boolean {
  for (let err = e as { message?: string; code?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    if (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(err.message ?? ''))
      return true;
  }
  return false;
}

// Drizzle leaves columns unqualified in a one-table select, so the correlated subqueries name their tables.
const col = (table: typeof articles | typeof articleTags | typeof sections | typeof tags, column: { name: string }) =>
  sql`${table}.${sql.identifier(column.name)}`;
const sectionArticleCount = sql<number>`(select count(*) from ${articles} where ${col(articles, articles.sectionId)} = ${col(sections, sections.id)})`.mapWith(
  Number,
);
const tagArticleCount = sql<number>`(select count(*) from ${articleTags} where ${col(articleTags, articleTags.tagId)} = ${col(tags, tags.id)})`.mapWith(Number);

/** Every section (a short list) with how many articles of any status use it. */
export async function listSectionsWithCounts() {
  return db
    .select({
      id: sections.id,
      slug: sections.slug,
      name: sections.name,
      description: sections.description,
      position: sections.position,
      articleCount: sectionArticleCount,
    })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}

export const TAGS_PER_PAGE = 50;

/** One page of tags in slug order (the unique slug index serves it, no sort), with counts and the total. */
export async function listTagsWithCounts(page: number) {
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ id: tags.id, slug: tags.slug, name: tags.name, articleCount: tagArticleCount })
      .from(tags)
      .orderBy(asc(tags.slug))
      .limit(TAGS_PER_PAGE)
      .offset((page - 1) * TAGS_PER_PAGE),
    db.select({ total: count() }).from(tags),
  ]);
  return { tags: rows, total, pages: Math.max(1, Math.ceil(total / TAGS_PER_PAGE)) };
}

async function sectionSlugTaken(tx: Tx, slug: string, exceptId?: number) {
  const [row] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug)).limit(1);
  return Boolean(row && row.id !== exceptId);
}

async function tagSlugTaken(tx: Tx, slug: string, exceptId?: number) {
  const [row] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)).limit(1);
  return Boolean(row && row.id !== exceptId);
}

/** Wraps a write so a unique-index race reports the same error as the check before it. */
async function guardSlug<T>(kind: 'section' | 'tag', slug: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw new SlugTakenError(kind, slug);
    throw e;
  }
}

/** A new section, placed after the others. */
export async function createSection(input: { name: string; slug: string; description: string }) {
  return guardSlug('section', input.slug, () =>
    db.transaction(async (tx) => {
      if (await sectionSlugTaken(tx, input.slug)) throw new SlugTakenError('section', input.slug);
      const [created] = await tx
        .insert(sections)
        .values({ ...input, position: sql`(select coalesce(max(${sections.position}), -1) + 1 from ${sections})` })
        .returning({ id: sections.id, slug: sections.slug });
      await tx.delete(sectionSlugRedirects).where(eq(sectionSlugRedirects.oldSlug, input.slug));
      return created;
    }),
  );
}

/** Renames a section; returns its old slug and the ids of its articles (for revalidation), or null if gone. */
export async function renameSection(input: { id: number; name: string; slug: string; description: string }) {
  return guardSlug('section', input.slug, () =>
    db.transaction(async (tx) => {
      const [before] = await tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, input.id)).limit(1);
      if (!before) return null;
      if (await sectionSlugTaken(tx, input.slug, input.id)) throw new SlugTakenError('section', input.slug);
      await tx.update(sections).set({ name: input.name, slug: input.slug, description: input.description }).where(eq(sections.id, input.id));
      // The old address keeps answering (301); the new one is no longer anybody's old address.
      if (before.slug !== input.slug) {
        await tx
          .insert(sectionSlugRedirects)
          .values({ oldSlug: before.slug, sectionId: input.id })
          .onConflictDoUpdate({ target: sectionSlugRedirects.oldSlug, set: { sectionId: input.id } });
      }
      await tx.delete(sectionSlugRedirects).where(eq(sectionSlugRedirects.oldSlug, input.slug));
      const articleIds = (await tx.select({ id: articles.id }).from(articles).where(eq(articles.sectionId, input.id))).map((a) => a.id);
      return { oldSlug: before.slug, slug: input.slug, articleIds };
    }),
  );
}

/**
 * Moves a section one place up or down the masthead order by swapping positions with its neighbour.
 * Returns false when it is already at that end (or gone).
 */
export async function moveSection(id: number, direction: 'up' | 'down') {
  return db.transaction(async (tx) => {
    const ordered = await tx.select({ id: sections.id, position: sections.position }).from(sections).orderBy(asc(sections.position), asc(sections.name));
    const at = ordered.findIndex((s) => s.id === id);
    const other = at === -1 ? -1 : direction === 'up' ? at - 1 : at + 1;
    if (at === -1 || other < 0 || other >= ordered.length) return false;
    // Renumber the whole (short) list so equal positions left by older data cannot make a swap a no-op.
    [ordered[at], ordered[other]] = [ordered[other], ordered[at]];
    for (const [position, s] of ordered.entries()) {
      if (s.position !== position) await tx.update(sections).set({ position }).where(eq(sections.id, s.id));
    }
    return true;
  });
}

/** Deletes a section no article uses; throws TaxonomyConflictError otherwise. Null if it was already gone. */
export async function deleteSection(id: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ slug: sections.slug, name: sections.name, articleCount: sectionArticleCount })
      .from(sections)
      .where(eq(sections.id, id))
      .limit(1);
    if (!row) return null;
    if (row.articleCount > 0) {
      throw new TaxonomyConflictError(`This section still has ${row.articleCount} ${row.articleCount === 1 ? 'article' : 'articles'}.`);
    }
    await tx.delete(sectionSlugRedirects).where(eq(sectionSlugRedirects.sectionId, id));
    await tx.delete(sections).where(eq(sections.id, id));
    return { slug: row.slug, name: row.name };
  });
}

export async function createTag(input: { name: string; slug: string }) {
  return guardSlug('tag', input.slug, () =>
    db.transaction(async (tx) => {
      if (await tagSlugTaken(tx, input.slug)) throw new SlugTakenError('tag', input.slug);
      const [created] = await tx.insert(tags).values(input).returning({ id: tags.id, slug: tags.slug });
      await tx.delete(tagSlugRedirects).where(eq(tagSlugRedirects.oldSlug, input.slug));
      return created;
    }),
  );
}

/** Renames a tag; returns its old slug and the ids of its articles, or null if gone. */
export async function renameTag(input: { id: number; name: string; slug: string }) {
  return guardSlug('tag', input.slug, () =>
    db.transaction(async (tx) => {
      const [before] = await tx.select({ slug: tags.slug }).from(tags).where(eq(tags.id, input.id)).limit(1);
      if (!before) return null;
      if (await tagSlugTaken(tx, input.slug, input.id)) throw new SlugTakenError('tag', input.slug);
      await tx.update(tags).set({ name: input.name, slug: input.slug }).where(eq(tags.id, input.id));
      if (before.slug !== input.slug) {
        await tx
          .insert(tagSlugRedirects)
          .values({ oldSlug: before.slug, tagId: input.id })
          .onConflictDoUpdate({ target: tagSlugRedirects.oldSlug, set: { tagId: input.id } });
      }
      await tx.delete(tagSlugRedirects).where(eq(tagSlugRedirects.oldSlug, input.slug));
      const articleIds = (await tx.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, input.id))).map((a) => a.id);
      return { oldSlug: before.slug, slug: input.slug, articleIds };
    }),
  );
}

/** Deletes a tag no article uses; throws TaxonomyConflictError otherwise. Null if it was already gone. */
export async function deleteTag(id: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ slug: tags.slug, name: tags.name, articleCount: tagArticleCount }).from(tags).where(eq(tags.id, id)).limit(1);
    if (!row) return null;
    if (row.articleCount > 0) {
      throw new TaxonomyConflictError(
        `This tag is still on ${row.articleCount} ${row.articleCount === 1 ? 'article' : 'articles'}; merge it into another tag instead.`,
      );
    }
    await tx.delete(tagSlugRedirects).where(eq(tagSlugRedirects.tagId, id));
    await tx.delete(tags).where(eq(tags.id, id));
    return { slug: row.slug, name: row.name };
  });
}

/**
 * Merges tag `from` into tag `into` (both by slug), in one transaction: every article of `from` gets
 * `into` (insert-or-ignore, so articles with both keep one row), then `from` is deleted.
 */
export async function mergeTags(fromSlug: string, intoSlug: string) {
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ id: tags.id, slug: tags.slug, name: tags.name })
      .from(tags)
      .where(inArray(tags.slug, [fromSlug, intoSlug]));
    const from = found.find((t) => t.slug === fromSlug);
    const into = found.find((t) => t.slug === intoSlug);
    if (!from) throw new TaxonomyConflictError(`There is no tag "${fromSlug}".`, { cause: 'from' });
    if (!into) throw new TaxonomyConflictError(`There is no tag "${intoSlug}".`, { cause: 'into' });
    const articleIds = (await tx.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, from.id))).map((a) => a.id);
    await tx.run(
      sql`insert or ignore into ${articleTags} (article_id, tag_id) select ${articleTags.articleId}, ${into.id} from ${articleTags} where ${articleTags.tagId} = ${from.id}`,
    );
    // Explicit rather than relying on ON DELETE CASCADE: a transaction's connection may not have foreign_keys on.
    await tx.delete(articleTags).where(eq(articleTags.tagId, from.id));
    // The merged-away tag's address, and every address that pointed at it, now lead to `into`.
    await tx.update(tagSlugRedirects).set({ tagId: into.id }).where(eq(tagSlugRedirects.tagId, from.id));
    await tx
      .insert(tagSlugRedirects)
      .values({ oldSlug: from.slug, tagId: into.id })
      .onConflictDoUpdate({ target: tagSlugRedirects.oldSlug, set: { tagId: into.id } });
    await tx.delete(tags).where(eq(tags.id, from.id));
    return { from, into, articleIds };
  });
}
