import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY_SETTINGS } from '@/lib/replies/settings';
import { throwawayDatabase } from '../test-database';

// The settings row and the dry run's queries, against a throw-away database migrated by the real migrations.
const testDb = throwawayDatabase('settings', (dir) => ({ QUERY_LOG_FILE: join(dir, 'queries.log') }));
const queryLog = join(testDb.dir, 'queries.log');

type Modules = {
  db: typeof import('../index');
  schema: typeof import('../schema');
  settings: typeof import('./settings');
  dryRun: typeof import('./settings-dry-run');
};
let m: Modules;
let articleId: number;
let staffId: number;

beforeAll(async () => {
  m = {
    db: await testDb.open(),
    schema: await import('../schema'),
    settings: await import('./settings'),
    dryRun: await import('./settings-dry-run'),
  };
  const [u] = await m.db.db.insert(m.schema.users).values({ email: 'ad@example.com', name: 'Ad Min', slug: 'ad-min', role: 'admin' }).returning();
  staffId = u.id;
  const [a] = await m.db.db.insert(m.schema.articles).values({ slug: 'a', title: 'A', status: 'published', publishedAt: new Date() }).returning();
  articleId = a.id;
});

afterAll(() => {
  testDb.close();
});

const add = (over: Partial<typeof import('../schema').replies.$inferInsert>) =>
  m.db.db
    .insert(m.schema.replies)
    .values({ articleId, authorName: 'R', authorEmail: 'r@example.org', body: 'Hi', status: 'pending', ...over })
    .returning({ id: m.schema.replies.id })
    .then((r) => r[0].id);

describe('saveReplySettings', () => {
  it('inserts the row, then updates it; unknown keys are not stored', async () => {
    expect(await m.settings.getReplySettings()).toEqual(DEFAULT_REPLY_SETTINGS);
    const first = { ...DEFAULT_REPLY_SETTINGS, moderationWords: ['zq'], maxDepth: 3 };
    await m.settings.saveReplySettings({ ...first, extra: 'no' } as typeof first, staffId);
    expect(await m.settings.getReplySettings()).toEqual(first);

    const second = { ...first, holdAll: true, maxLinks: -1 };
    await m.settings.saveReplySettings(second, staffId);
    expect(await m.settings.getReplySettings()).toEqual(second);
    const rows = await m.db.db.select().from(m.schema.settings);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0].value as object).sort()).toEqual(Object.keys(DEFAULT_REPLY_SETTINGS).sort());
    expect(rows[0].updatedAt).toBeInstanceOf(Date);
  });
});

describe('listRepliesForTrial', () => {
  it('reads the newest replies with the previously-approved flag and staff marker, in five queries', async () => {
    const oldApproved = await add({ authorEmail: 'back@example.org', status: 'approved' });
    const returning = await add({ authorEmail: 'back@example.org', status: 'pending' });
    const firstOnly = await add({ authorEmail: 'new@example.org', status: 'approved' });
    const staff = await add({ authorEmail: 'ad@example.com', status: 'approved', userId: staffId });
    const newest = await add({ authorEmail: 'later@example.org', status: 'spam', authorUrl: 'https://x.example' });

    writeFileSync(queryLog, '');
    const rows = await m.dryRun.listRepliesForTrial(4);
    expect(readFileSync(queryLog, 'utf8').trim().split('\n')).toHaveLength(5);

    expect(rows.map((r) => r.id)).toEqual([newest, staff, firstOnly, returning]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(returning)?.earlierApprovedNames).toEqual(['R']);
    // Its own approval does not count as an earlier one.
    expect(byId.get(firstOnly)?.earlierApprovedNames).toEqual([]);
    expect(byId.get(newest)).toMatchObject({ earlierApprovedNames: [], staffEmail: false, isStaff: false, status: 'spam', url: 'https://x.example' });
    expect(byId.get(staff)).toMatchObject({ isStaff: true, staffEmail: true });
    expect(byId.get(staff)?.articleId).toBe(articleId);
    expect(byId.has(oldApproved)).toBe(false);
  });

  it('knows, for each reply, the held replies waiting before it on its article and an "always hold" in force then', async () => {
    const [b] = await m.db.db.insert(m.schema.articles).values({ slug: 'b', title: 'B', status: 'published', publishedAt: new Date() }).returning();
    const t0 = Date.now() - 60 * 60_000;
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    const onB = (over: Partial<typeof import('../schema').replies.$inferInsert>) => add({ articleId: b.id, ...over });
    await onB({ status: 'pending', createdAt: at(1) });
    await onB({ status: 'approved', createdAt: at(2) });
    await onB({ status: 'pending', createdAt: at(3) });
    const afterTwo = await onB({ authorEmail: 'held@example.org', status: 'pending', createdAt: at(4) });
    const beforeHold = await onB({ authorEmail: 'held@example.org', status: 'approved', createdAt: at(0) });
    const byAddress = await onB({ authorEmail: 'other@example.org', ipHash: 'hash-h', status: 'approved', createdAt: at(6) });
    const afterLift = await onB({ authorEmail: 'held@example.org', status: 'approved', createdAt: at(20) });
    await m.db.db.insert(m.schema.commenterSanctions).values([
      { email: 'held@example.org', kind: 'hold', reason: 'links', createdAt: at(0.5), liftedAt: at(10) },
      { email: 'nobody@example.org', ipHash: 'hash-h', kind: 'hold', reason: 'links', createdAt: at(5) },
      { email: 'held@example.org', kind: 'ban', reason: 'not a hold', createdAt: at(15) },
    ]);

    const byId = new Map((await m.dryRun.listRepliesForTrial()).map((r) => [r.id, r]));
    expect(byId.get(afterTwo)).toMatchObject({ pendingBefore: 2, alwaysHeld: true });
    expect(byId.get(beforeHold)).toMatchObject({ pendingBefore: 0, alwaysHeld: false });
    expect(byId.get(byAddress)).toMatchObject({ pendingBefore: 3, alwaysHeld: true });
    expect(byId.get(afterLift)).toMatchObject({ pendingBefore: 3, alwaysHeld: false });
  });
});
