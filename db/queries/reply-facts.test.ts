import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY_SETTINGS } from '@/lib/replies/settings';
import { throwawayDatabase } from '../test-database';

// The facts the reply rules read, gathered against a throw-away database migrated by the real migrations.
const testDb = throwawayDatabase('reply-facts', (dir) => ({ QUERY_LOG_FILE: join(dir, 'queries.log') }));
const queryLog = join(testDb.dir, 'queries.log');

let m: { db: typeof import('../index'); schema: typeof import('../schema'); facts: typeof import('./reply-facts') };
let articleId: number;

beforeAll(async () => {
  m = { db: await testDb.open(), schema: await import('../schema'), facts: await import('./reply-facts') };
  const [a] = await m.db.db.insert(m.schema.articles).values({ slug: 'a', title: 'A', status: 'published', publishedAt: new Date() }).returning();
  articleId = a.id;
});

afterAll(() => {
  testDb.close();
});

const add = (over: Partial<typeof import('../schema').replies.$inferInsert>) =>
  m.db.db
    .insert(m.schema.replies)
    .values({ articleId, authorName: 'R', authorEmail: 'r@example.org', body: 'Hi', status: 'approved', ...over })
    .returning({ id: m.schema.replies.id })
    .then((r) => r[0].id);

describe('gatherReplyFacts', () => {
  it('finds nothing for a stranger on an unknown article, and the default settings', async () => {
    const f = await m.facts.gatherReplyFacts({ articleId: 999_999, parentId: null, email: 'new@example.org', body: 'Hello', ipHash: null, now: Date.now() });
    expect(f).toEqual({
      settings: DEFAULT_REPLY_SETTINGS,
      article: null,
      parent: null,
      sanction: null,
      duplicate: false,
      approvedNames: [],
      staffEmail: false,
      lastReplyAt: null,
      pendingOnArticle: 0,
    });
  });

  it('reads every fact the rules need in one round of statements sent together', async () => {
    const now = Date.now();
    const parent = await add({ authorEmail: 'back@example.org', body: 'Said before', depth: 2, createdAt: new Date(now - 3_600_000) });
    await add({ status: 'pending', authorEmail: 'other@example.org', body: 'Waiting 1' });
    await add({ status: 'pending', authorEmail: 'other@example.org', body: 'Waiting 2' });
    const recent = new Date(now - 5_000);
    await add({ status: 'spam', authorEmail: 'someone@example.org', ipHash: 'hash-1', body: 'Same address', createdAt: recent });
    await m.db.db.insert(m.schema.commenterSanctions).values({ email: 'back@example.org', kind: 'hold', reason: 'links' });

    writeFileSync(queryLog, '');
    const f = await m.facts.gatherReplyFacts({ articleId, parentId: parent, email: 'back@example.org', body: 'Said before', ipHash: 'hash-1', now });
    // Settings, article, parent, sanction, duplicate, previously approved, staff email, last reply, backlog,
    // last reply on the article (slow mode): ten statements, none waiting on another.
    expect(readFileSync(queryLog, 'utf8').trim().split('\n')).toHaveLength(10);

    expect(f.article).toMatchObject({ id: articleId, slug: 'a', commentsOpen: true });
    expect(f.parent).toEqual({ id: parent, articleId, depth: 2, status: 'approved' });
    expect(f.sanction).toMatchObject({ kind: 'hold' });
    expect(f.duplicate).toBe(true);
    expect(f.approvedNames).toEqual(['R']);
    // The newest reply from this email or this address: the spam from the same address 5 s ago.
    expect(f.lastReplyAt?.getTime()).toBe(recent.getTime());
    expect(f.pendingOnArticle).toBe(2);
    expect(f.replyMode).toEqual({ mode: 'normal', slowSeconds: 60, lastReplyOnArticleAt: recent });
  });

  it('looks back no further than the longest flood window allowed', async () => {
    const now = Date.now();
    await add({ authorEmail: 'long-ago@example.org', createdAt: new Date(now - 3_601_000) });
    const f = await m.facts.gatherReplyFacts({ articleId, parentId: null, email: 'long-ago@example.org', body: 'New', ipHash: null, now });
    expect(f.lastReplyAt).toBeNull();
    expect(f.approvedNames).toEqual(['R']);
  });

  it('lists the names an email was approved under, and tells a staff account’s email', async () => {
    await add({ authorEmail: 'two-names@example.org', authorName: 'Ann' });
    await add({ authorEmail: 'two-names@example.org', authorName: 'Ann' });
    await add({ authorEmail: 'two-names@example.org', authorName: 'Annie' });
    await add({ authorEmail: 'two-names@example.org', authorName: 'Held Name', status: 'pending' });
    await m.db.db.insert(m.schema.users).values({ email: 'editor@paper.example', name: 'Ed Itor', slug: 'ed-itor', role: 'editor' });
    const f = await m.facts.gatherReplyFacts({ articleId, parentId: null, email: 'two-names@example.org', body: 'x', ipHash: null, now: Date.now() });
    expect(f.approvedNames.sort()).toEqual(['Ann', 'Annie']);
    expect(f.staffEmail).toBe(false);
    const staff = await m.facts.gatherReplyFacts({ articleId, parentId: null, email: 'editor@paper.example', body: 'x', ipHash: null, now: Date.now() });
    expect(staff.staffEmail).toBe(true);
  });
});
