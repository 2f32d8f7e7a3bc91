import { count, eq } from 'drizzle-orm';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '@/lib/auth/demo';
import { hashPassword } from '@/lib/auth/password';
import { decideReplyStatus } from '@/lib/replies/rules';
import { DEFAULT_REPLY_SETTINGS } from '@/lib/replies/settings';
import { articleBodyText } from '@/lib/search/body-text';
import { slugify } from '@/lib/slug';
import { uploadsDir } from '@/lib/uploads';
import type { Database } from '../index';
import { articleAuthors, articles, articleTags, corrections, media, moderationLog, replies, revisions, sections, settings, tags, users } from '../schema';
import { demoArticles, demoAuthors, demoDiscussion, demoSections } from './content';
import { renderCoverImage } from './covers';
import { seedDemoPages } from './pages';

const HOUR = 3_600_000;

/** True when the database has never held content: seeding happens once, never again after. */
export async function isEmptyDatabase(db: Database): Promise<boolean> {
  const [u] = await db.select({ n: count() }).from(users);
  const [a] = await db.select({ n: count() }).from(articles);
  const [s] = await db.select({ n: count() }).from(settings).where(eq(settings.key, 'seeded_at'));
  return u.n === 0 && a.n === 0 && s.n === 0;
}

/** The demo staff accounts (password DEMO_PASSWORD); also used by the benchmark fixture (scripts/fixture.ts). */
export async function insertDemoStaff(db: Database, passwordHash?: string, now = Date.now()) {
  const hash = passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  return db
    .insert(users)
    .values(demoAuthors.map((a) => ({ ...a, passwordHash: hash, createdAt: new Date(now - 900 * HOUR) })))
    .returning({ id: users.id, slug: users.slug, email: users.email });
}

export async function seedDemoContent(db: Database, now = Date.now()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const sectionRows = await db
    .insert(sections)
    .values(demoSections.map((s, i) => ({ ...s, position: i })))
    .returning({ id: sections.id, slug: sections.slug });
  const sectionId = new Map(sectionRows.map((s) => [s.slug, s.id]));

  const userRows = await insertDemoStaff(db, passwordHash, now);
  const userId = new Map(userRows.map((u) => [u.slug, u.id]));
  const userIdByEmail = new Map(userRows.map((u) => [u.email, u.id]));

  const tagNames = [...new Set(demoArticles.flatMap((a) => a.tags))];
  const tagRows = await db
    .insert(tags)
    .values(tagNames.map((name) => ({ name, slug: slugify(name) })))
    .returning({ id: tags.id, name: tags.name });
  const tagId = new Map(tagRows.map((t) => [t.name, t.id]));

  const coversDir = join(uploadsDir(), 'covers');
  await mkdir(coversDir, { recursive: true });

  const articleIdBySlug = new Map<string, number>();
  const publishedAtBySlug = new Map<string, number>();
  for (const a of demoArticles) {
    const image = await renderCoverImage({ title: a.title, palette: a.cover.palette, motif: a.cover.motif });
    const coverPath = `covers/${a.slug}.webp`;
    await writeFile(join(uploadsDir(), coverPath), image);
    const publishedAt = now - a.hoursAgo * HOUR;
    const updatedAt = a.updatedHoursAgo !== undefined ? now - a.updatedHoursAgo * HOUR : publishedAt;
    const [row] = await db
      .insert(articles)
      .values({
        slug: a.slug,
        title: a.title,
        standfirst: a.standfirst,
        body: a.body,
        bodyText: articleBodyText(a.body, 'markdown'),
        coverImagePath: coverPath,
        coverAlt: a.cover.alt,
        coverCaption: a.cover.caption,
        sectionId: sectionId.get(a.section)!,
        status: 'published',
        publishedAt: new Date(publishedAt),
        contentUpdatedAt: a.updatedHoursAgo !== undefined ? new Date(updatedAt) : null,
        commentsOpen: a.commentsOpen ?? true,
        createdById: userId.get(a.authors[0])!,
        createdAt: new Date(publishedAt - 4 * HOUR),
        updatedAt: new Date(updatedAt),
      })
      .returning({ id: articles.id });
    articleIdBySlug.set(a.slug, row.id);
    publishedAtBySlug.set(a.slug, publishedAt);
    await db.batch([
      db.insert(articleAuthors).values(a.authors.map((slug, position) => ({ articleId: row.id, userId: userId.get(slug)!, position }))),
      db.insert(articleTags).values(a.tags.map((name) => ({ articleId: row.id, tagId: tagId.get(name)! }))),
      db.insert(media).values({ path: coverPath, mime: 'image/webp', width: 1600, height: 900, bytes: image.length, uploadedById: userId.get(a.authors[0])! }),
      db.insert(revisions).values({
        articleId: row.id,
        title: a.title,
        standfirst: a.standfirst,
        body: a.body,
        meta: { section: a.section, tags: a.tags, note: 'Published' },
        createdById: userId.get(a.authors[0])!,
        createdAt: new Date(publishedAt),
      }),
    ]);
    for (const c of a.corrections ?? []) {
      await db.insert(corrections).values({ articleId: row.id, body: c.body, createdAt: new Date(now - c.hoursAgo * HOUR) });
    }
  }

  const discussionArticleId = articleIdBySlug.get(demoDiscussion.article)!;
  const discussionStart = publishedAtBySlug.get(demoDiscussion.article)!;
  const replyIdByKey = new Map<string, number>();
  const depthByKey = new Map<string, number>();
  for (const r of demoDiscussion.replies) {
    const depth = r.parent ? depthByKey.get(r.parent)! + 1 : 1;
    const email = r.email.toLowerCase();
    const staffId = userIdByEmail.get(email) ?? null;
    const [row] = await db
      .insert(replies)
      .values({
        articleId: discussionArticleId,
        parentId: r.parent ? replyIdByKey.get(r.parent)! : null,
        depth,
        authorName: r.name,
        authorEmail: email,
        authorUrl: r.url ?? null,
        body: r.body,
        status: r.status,
        statusReason: demoReason(r, email, staffId !== null),
        userId: staffId,
        createdAt: new Date(discussionStart + r.minutesAfterPublish * 60_000),
      })
      .returning({ id: replies.id });
    replyIdByKey.set(r.key, row.id);
    depthByKey.set(r.key, depth);
    if (r.status !== 'pending') {
      await db.insert(moderationLog).values({
        replyId: row.id,
        actorId: null,
        action: 'seeded',
        fromStatus: null,
        toStatus: r.status,
        createdAt: new Date(discussionStart + r.minutesAfterPublish * 60_000),
      });
    }
  }

  // About, Contact and the two policies, in the footer (the editor-in-chief's pages).
  await seedDemoPages(db, userId.get('margaret-okafor') ?? null, new Date(now));

  await db.insert(settings).values({ key: 'seeded_at', value: new Date(now).toISOString() });
}

/** The demo's spam words: the seeded spam shows the desk's explained holds as real rules would. */
const DEMO_RULES = { ...DEFAULT_REPLY_SETTINGS, disallowedWords: ['cheap', 'guarantee', 'guaranteed', 'trick'] };

/** Why a seeded reply is held or spam, as the reply rules explain it (a trashed one was a moderator's call). */
function demoReason(r: { status: string; name: string; url?: string; body: string }, email: string, isStaff: boolean) {
  if (r.status === 'approved' || r.status === 'trash') return null;
  const d = decideReplyStatus(
    {
      name: r.name,
      email,
      url: r.url ?? null,
      body: r.body,
      ip: null,
      isStaff,
      honeypot: '',
      secondsSinceFormRendered: null,
      approvedBefore: false,
      staffEmail: false,
    },
    DEMO_RULES,
  );
  return { rule: d.rule, detail: d.detail, match: d.match?.text, field: d.match?.field ?? d.field };
}
