import 'server-only';
import { and, asc, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { moveInFooter } from '@/lib/pages/footer';
import type { PageFormInput } from '@/lib/pages/schema';
import type { FooterMove } from '@/lib/pages/schema';
import { db } from '../index';
import type { BodyFormat, PageStatus } from '../enums';
import { legacyRedirects, pageRevisions, pages, users } from '../schema';
import { SlugTakenError } from './errors';

// The site's own pages (About, Contact, policies): the desk's list, the editor's reads and saves with
// compare-and-set on `version` and a revision per save, the reader's published read, and the footer's
// order. Visibility lives here: the reader reads only published pages.

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** Every save of a page keeps what it saved as a revision (restorable from the desk). */
function insertPageRevision(tx: Tx, row: typeof pages.$inferSelect, note: string | null, actorId: number | null, now: Date) {
  return tx.insert(pageRevisions).values({
    pageId: row.id,
    title: row.title,
    body: row.body,
    bodyFormat: row.bodyFormat,
    slug: row.slug,
    status: row.status,
    note,
    createdById: actorId,
    createdAt: now,
  });
}

/** A save based on an older version of the page than the current one: it changed nothing. */
export class StalePageSaveError extends Error {
  constructor(
    readonly pageId: number,
    readonly currentVersion: number,
  ) {
    super('Someone else saved this page since it was opened.');
  }
}

export type AdminPageRow = {
  id: number;
  title: string;
  slug: string;
  status: PageStatus;
  footerPosition: number | null;
  updatedAt: Date | null;
  publishedAt: Date | null;
};

/** How many pages the desk lists: a site has a handful; the newest changes first past this. */
export const ADMIN_PAGE_LIMIT = 500;

/** The desk's list: footer pages in their order first, then the rest by title. */
export async function listPagesForAdmin(): Promise<AdminPageRow[]> {
  const rows = await db
    .select({
      id: pages.id,
      title: pages.title,
      slug: pages.slug,
      status: pages.status,
      footerPosition: pages.footerPosition,
      updatedAt: pages.updatedAt,
      publishedAt: pages.publishedAt,
    })
    .from(pages)
    .orderBy(desc(pages.updatedAt), desc(pages.id))
    .limit(ADMIN_PAGE_LIMIT);
  return rows.sort((a, b) => (a.footerPosition ?? Infinity) - (b.footerPosition ?? Infinity) || a.title.localeCompare(b.title, 'en'));
}

/** One page as the editor loads it, with who saved it last and when (its latest revision). */
export async function getPageForEdit(id: number) {
  const [[page], [last]] = await Promise.all([
    db.select().from(pages).where(eq(pages.id, id)).limit(1),
    db
      .select({ by: users.name, at: pageRevisions.createdAt })
      .from(pageRevisions)
      .leftJoin(users, eq(users.id, pageRevisions.createdById))
      .where(eq(pageRevisions.pageId, id))
      .orderBy(desc(pageRevisions.createdAt), desc(pageRevisions.id))
      .limit(1),
  ]);
  if (!page) return null;
  return { ...page, lastChange: last ? { by: last.by, at: last.at } : null };
}

export type PageForEdit = NonNullable<Awaited<ReturnType<typeof getPageForEdit>>>;

/** A page's revisions, newest first (the latest 100). */
export async function listPageRevisions(pageId: number) {
  return db
    .select({
      id: pageRevisions.id,
      title: pageRevisions.title,
      slug: pageRevisions.slug,
      status: pageRevisions.status,
      bodyFormat: pageRevisions.bodyFormat,
      note: pageRevisions.note,
      createdAt: pageRevisions.createdAt,
      by: users.name,
    })
    .from(pageRevisions)
    .leftJoin(users, eq(users.id, pageRevisions.createdById))
    .where(eq(pageRevisions.pageId, pageId))
    .orderBy(desc(pageRevisions.createdAt), desc(pageRevisions.id))
    .limit(100);
}

/** A published page at this slug, for readers; a draft is never returned. */
export async function getPublishedPageBySlug(slug: string) {
  const [row] = await db
    .select({
      id: pages.id,
      slug: pages.slug,
      title: pages.title,
      body: pages.body,
      bodyFormat: pages.bodyFormat,
      publishedAt: pages.publishedAt,
      updatedAt: pages.updatedAt,
    })
    .from(pages)
    .where(and(eq(pages.slug, slug), eq(pages.status, 'published')))
    .limit(1);
  return row ?? null;
}

/** The published pages the footer links, in the editor's order. */
export async function listFooterPages(): Promise<{ slug: string; title: string }[]> {
  return db
    .select({ slug: pages.slug, title: pages.title })
    .from(pages)
    .where(and(isNotNull(pages.footerPosition), eq(pages.status, 'published')))
    .orderBy(asc(pages.footerPosition), asc(pages.id));
}

/** Every published page's address and last change, for the sitemap (a site has a handful). */
export async function listSitemapPages(): Promise<{ slug: string; lastmod: Date | null }[]> {
  return db
    .select({ slug: pages.slug, lastmod: pages.updatedAt })
    .from(pages)
    .where(eq(pages.status, 'published'))
    .orderBy(asc(pages.slug))
    .limit(ADMIN_PAGE_LIMIT);
}

async function assertSlugFree(tx: Tx, slug: string, id: number | null) {
  const [taken] = await tx
    .select({ id: pages.id })
    .from(pages)
    .where(id ? and(eq(pages.slug, slug), ne(pages.id, id)) : eq(pages.slug, slug))
    .limit(1);
  if (taken) throw new SlugTakenError('page', slug);
}

export type PageSaveResult = {
  id: number;
  slug: string;
  /** The address it had before this save, when it moved. */
  previousSlug: string | null;
  title: string;
  status: PageStatus;
  /** Whether readers saw it before this save. */
  wasPublished: boolean;
  /** Whether the footer links it (before or after this save). */
  inFooter: boolean;
  version: number;
};

/**
 * Creates a page (id null) or saves one with compare-and-set on its version: of two saves from one
 * version exactly one applies, and the other throws StalePageSaveError having changed nothing. Every
 * save keeps a revision. Unpublishing takes the page out of the footer.
 */
export async function savePage(args: {
  id: number | null;
  /** The version the editor opened; required for an existing page. */
  baseVersion?: number;
  input: PageFormInput;
  status: PageStatus;
  actorId: number | null;
  /** A new page's body format ('html' for imported pages); an existing page keeps its own unless given. */
  bodyFormat?: BodyFormat;
  /** Shown in the revision list, e.g. "Restored from the revision of …". */
  note?: string;
  now?: Date;
}): Promise<PageSaveResult> {
  const now = args.now ?? new Date();
  return db.transaction(async (tx) => {
    const { input } = args;
    if (!args.id) {
      await assertSlugFree(tx, input.slug, null);
      const [row] = await tx
        .insert(pages)
        .values({
          slug: input.slug,
          title: input.title,
          body: input.body,
          bodyFormat: args.bodyFormat ?? 'markdown',
          status: args.status,
          publishedAt: args.status === 'published' ? now : null,
          createdById: args.actorId,
          updatedAt: now,
        })
        .returning();
      await insertPageRevision(tx, row, args.note ?? (row.status === 'published' ? 'Published' : 'Created'), args.actorId, now);
      return {
        id: row.id,
        slug: row.slug,
        previousSlug: null,
        title: row.title,
        status: row.status,
        wasPublished: false,
        inFooter: false,
        version: row.version,
      };
    }

    if (args.baseVersion === undefined) throw new Error('A save of an existing page must name the version it was based on.');
    // Compare-and-set before anything else: a stale save stops here, having changed nothing.
    const [claimed] = await tx
      .update(pages)
      .set({ version: sql`${pages.version} + 1` })
      .where(and(eq(pages.id, args.id), eq(pages.version, args.baseVersion)))
      .returning({ version: pages.version });
    if (!claimed) {
      const [exists] = await tx.select({ version: pages.version }).from(pages).where(eq(pages.id, args.id)).limit(1);
      if (!exists) throw new PageGoneError();
      throw new StalePageSaveError(args.id, exists.version);
    }
    const [before] = await tx.select().from(pages).where(eq(pages.id, args.id)).limit(1);
    await assertSlugFree(tx, input.slug, before.id);
    const published = args.status === 'published';
    const [row] = await tx
      .update(pages)
      .set({
        slug: input.slug,
        title: input.title,
        body: input.body,
        bodyFormat: args.bodyFormat ?? before.bodyFormat,
        status: args.status,
        publishedAt: published ? (before.publishedAt ?? now) : before.publishedAt,
        footerPosition: published ? before.footerPosition : null,
        updatedAt: now,
      })
      .where(eq(pages.id, before.id))
      .returning();
    // A page readers could reach keeps its old address: it answers 301 to wherever the page now lives.
    if (before.slug !== row.slug && before.status === 'published') {
      await tx
        .insert(legacyRedirects)
        .values({ oldPath: `/${before.slug}`, pageId: row.id })
        .onConflictDoUpdate({
          target: legacyRedirects.oldPath,
          set: { pageId: row.id, articleId: null, sectionId: null, tagId: null, authorId: null, feed: false },
        });
    }
    const note = args.note ?? (published && before.status !== 'published' ? 'Published' : !published && before.status === 'published' ? 'Unpublished' : null);
    await insertPageRevision(tx, row, note, args.actorId, now);
    return {
      id: row.id,
      slug: row.slug,
      previousSlug: before.slug !== row.slug ? before.slug : null,
      title: row.title,
      status: row.status,
      wasPublished: before.status === 'published',
      inFooter: before.footerPosition !== null,
      version: claimed.version,
    };
  });
}

/** The page is gone (deleted since the form was opened). */
export class PageGoneError extends Error {
  constructor() {
    super('That page no longer exists.');
  }
}

/**
 * Puts a revision's title and body (and format) back as a new save over `baseVersion`: the text before
 * it stays as a revision too. The address and status stay as they are. Null when there is no such
 * revision of this page.
 */
export async function restorePageRevision(args: {
  pageId: number;
  revisionId: number;
  baseVersion: number;
  actorId: number;
  /** The revision list's note, from the restored revision's time. */
  note: (savedAt: Date) => string;
}) {
  const [[revision], page] = await Promise.all([
    db
      .select()
      .from(pageRevisions)
      .where(and(eq(pageRevisions.id, args.revisionId), eq(pageRevisions.pageId, args.pageId)))
      .limit(1),
    db
      .select({ slug: pages.slug, status: pages.status })
      .from(pages)
      .where(eq(pages.id, args.pageId))
      .limit(1)
      .then((r) => r[0]),
  ]);
  if (!revision || !page) return null;
  return savePage({
    id: args.pageId,
    baseVersion: args.baseVersion,
    input: { title: revision.title, slug: page.slug, body: revision.body },
    bodyFormat: revision.bodyFormat,
    status: page.status,
    actorId: args.actorId,
    note: args.note(revision.createdAt),
  });
}

/** Deletes a page and its revisions; what readers could see of it, or null when it was already gone. */
export async function deletePage(id: number): Promise<{ slug: string; title: string; status: PageStatus; inFooter: boolean } | null> {
  const [row] = await db
    .delete(pages)
    .where(eq(pages.id, id))
    .returning({ slug: pages.slug, title: pages.title, status: pages.status, footerPosition: pages.footerPosition });
  return row ? { slug: row.slug, title: row.title, status: row.status, inFooter: row.footerPosition !== null } : null;
}

export type FooterMoveResult = { moved: true; title: string } | { moved: false; reason: 'gone' | 'draft' | 'unchanged' };

/** Adds a published page to the footer, takes one out, or moves one up or down; positions stay 1..n. */
export async function moveFooterPage(id: number, move: FooterMove): Promise<FooterMoveResult> {
  return db.transaction(async (tx) => {
    const [page] = await tx.select({ status: pages.status, title: pages.title }).from(pages).where(eq(pages.id, id)).limit(1);
    if (!page) return { moved: false, reason: 'gone' };
    if (move === 'add' && page.status !== 'published') return { moved: false, reason: 'draft' };
    const current = await tx.select({ id: pages.id }).from(pages).where(isNotNull(pages.footerPosition)).orderBy(asc(pages.footerPosition), asc(pages.id));
    const next = moveInFooter(
      current.map((r) => r.id),
      id,
      move,
    );
    if (!next) return { moved: false, reason: 'unchanged' };
    if (move === 'remove') await tx.update(pages).set({ footerPosition: null }).where(eq(pages.id, id));
    for (const [i, pageId] of next.entries())
      await tx
        .update(pages)
        .set({ footerPosition: i + 1 })
        .where(eq(pages.id, pageId));
    return { moved: true, title: page.title };
  });
}
