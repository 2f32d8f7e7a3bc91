import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '../index';
import { sections, tags, users } from '../schema';

export async function listSections() {
  return db
    .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}

export async function getSectionBySlug(slug: string) {
  const [row] = await db
    .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description })
    .from(sections)
    .where(eq(sections.slug, slug))
    .limit(1);
  return row ?? null;
}

export async function getTagBySlug(slug: string) {
  const [row] = await db.select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.slug, slug)).limit(1);
  return row ?? null;
}

/** A staff member's public profile: never the email, role or password state. */
export async function getAuthorBySlug(slug: string) {
  const [row] = await db
    .select({ id: users.id, slug: users.slug, name: users.name, bio: users.bio, avatarPath: users.avatarPath })
    .from(users)
    .where(eq(users.slug, slug))
    .limit(1);
  return row ?? null;
}
