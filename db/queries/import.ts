import 'server-only';
import { eq, like, or, sql } from 'drizzle-orm';
import { articleBodyText } from '@/lib/search/body-text';
import { slugify } from '@/lib/slug';
import { db } from '../index';
import { articleAuthors, articles, revisions, users } from '../schema';

export type ImportedArticle = { id: number; slug: string; authorSlug: string | null };

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** A slug not yet taken in `table`: the base, else base-2, base-3, … (one query for all candidates). */
async function freeSlug(tx: Tx, table: typeof articles | typeof users, base: string): Promise<string> {
  const taken = new Set(
    (
      await tx
        .select({ slug: table.slug })
        .from(table)
        .where(or(eq(table.slug, base), like(table.slug, `${base}-%`)))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The staff author named `name`, reused by name or slug, else created as an author who cannot sign in. */
async function findOrCreateAuthor(tx: Tx, name: string): Promise<{ id: number; slug: string }> {
  const base = slugify(name) || 'author';
  const [existing] = await tx
    .select({ id: users.id, slug: users.slug })
    .from(users)
    .where(or(sql`lower(${users.name}) = lower(${name})`, eq(users.slug, base)))
    .limit(1);
  if (existing) return existing;
  const slug = await freeSlug(tx, users, base);
  const [created] = await tx
    .insert(users)
    // No password: an imported byline is a public author profile until an admin gives it an account.
    .values({ name, slug, email: `${slug}@authors.invalid`, role: 'author', passwordHash: null })
    .returning({ id: users.id, slug: users.slug });
  return created;
}

/** Publishes one imported article now, all or nothing. */
export async function importPublishedArticle(input: { title: string; body: string; byline: string | null }): Promise<ImportedArticle> {
  return db.transaction(async (tx) => {
    const author = input.byline ? await findOrCreateAuthor(tx, input.byline) : null;
    const slug = await freeSlug(tx, articles, slugify(input.title) || 'article');
    const now = new Date();
    const [article] = await tx
      .insert(articles)
      .values({
        slug,
        title: input.title,
        body: input.body,
        bodyText: articleBodyText(input.body, 'markdown'),
        status: 'published',
        publishedAt: now,
        updatedAt: now,
        createdById: author?.id ?? null,
      })
      .returning({ id: articles.id, slug: articles.slug });
    if (author) await tx.insert(articleAuthors).values({ articleId: article.id, userId: author.id, position: 0 });
    await tx.insert(revisions).values({
      articleId: article.id,
      title: input.title,
      standfirst: '',
      body: input.body,
      meta: { note: 'Imported from plain text' },
      createdById: author?.id ?? null,
    });
    return { id: article.id, slug: article.slug, authorSlug: author?.slug ?? null };
  });
}
