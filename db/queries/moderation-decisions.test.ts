import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplyStatus } from '../schema';
import { throwawayDatabase } from '../test-database';

// The desk's decisions and their undo against a throw-away migrated database.
const testDb = throwawayDatabase('decisions');

let m: {
  db: typeof import('../index');
  schema: typeof import('../schema');
  decisions: typeof import('./moderation-decisions');
  orm: typeof import('drizzle-orm');
};
let mod: number;
let other: number;
let articleId: number;

beforeAll(async () => {
  m = { db: await testDb.open(), schema: await import('../schema'), decisions: await import('./moderation-decisions'), orm: await import('drizzle-orm') };
  const staff = await m.db.db
    .insert(m.schema.users)
    .values([
      { email: 'mod@example.com', name: 'Mo Derator', slug: 'mo', role: 'moderator' },
      { email: 'ed@example.com', name: 'Ed Itor', slug: 'ed', role: 'editor' },
    ])
    .returning();
  [mod, other] = staff.map((u) => u.id);
  const [a] = await m.db.db.insert(m.schema.articles).values({ slug: 'a', title: 'A', status: 'published', publishedAt: new Date() }).returning();
  articleId = a.id;
  // Migrating a new file can take a while on a busy machine.
}, 60_000);

afterAll(() => {
  testDb.close();
});

async function reply(status: ReplyStatus = 'pending', body = `b ${Math.random()}`) {
  const [r] = await m.db.db.insert(m.schema.replies).values({ articleId, authorName: 'R', authorEmail: 'r@example.org', body, status }).returning();
  return r.id;
}

async function statusOf(id: number) {
  const [r] = await m.db.db.select({ status: m.schema.replies.status }).from(m.schema.replies).where(m.orm.eq(m.schema.replies.id, id));
  return r?.status;
}

async function logOf(id: number) {
  const { moderationLog } = m.schema;
  return m.db.db
    .select({
      action: moderationLog.action,
      from: moderationLog.fromStatus,
      to: moderationLog.toStatus,
      actorId: moderationLog.actorId,
      note: moderationLog.note,
    })
    .from(moderationLog)
    .where(m.orm.eq(moderationLog.replyId, id))
    .orderBy(m.orm.asc(moderationLog.id));
}

describe('applyDecision', () => {
  it('approve, unapprove, spam, trash and restore each change the status and write the log with who did it', async () => {
    const id = await reply('pending');
    const steps: [Parameters<typeof m.decisions.applyDecision>[0]['decision'], ReplyStatus][] = [
      ['approve', 'approved'],
      ['unapprove', 'pending'],
      ['approve', 'approved'],
      ['spam', 'spam'],
      // Restore goes back to the status before spam: approved.
      ['restore', 'approved'],
      ['trash', 'trash'],
      ['restore', 'approved'],
    ];
    let from: ReplyStatus = 'pending';
    for (const [decision, to] of steps) {
      const result = await m.decisions.applyDecision({ ids: [id], decision, by: mod });
      expect(result.changed, decision).toEqual([{ replyId: id, articleId, from, to }]);
      expect(result.logIds).toHaveLength(1);
      expect(await statusOf(id), decision).toBe(to);
      from = to;
    }
    expect(await logOf(id)).toEqual(
      steps.map(([decision, to], i) => ({ action: decision, from: i === 0 ? 'pending' : steps[i - 1][1], to, actorId: mod, note: null })),
    );
  });

  it('restore without a log entry to go by returns a reply to pending', async () => {
    const id = await reply('spam');
    const result = await m.decisions.applyDecision({ ids: [id], decision: 'restore', by: mod });
    expect(result.changed.map((c) => c.to)).toEqual(['pending']);
    expect(await statusOf(id)).toBe('pending');
  });

  it('acts on many replies at once, counting only those it changed, and logs nothing for the rest', async () => {
    const [a, b, c] = [await reply('pending'), await reply('pending'), await reply('spam')];
    const result = await m.decisions.applyDecision({ ids: [a, b, c], decision: 'spam', by: mod });
    expect(result.changed.map((x) => x.replyId).sort()).toEqual([a, b].sort());
    expect(result.logIds).toHaveLength(2);
    expect(await logOf(c)).toEqual([]);
    // Restore takes each reply back to where it came from; one already fine is left as it is.
    const approvedOne = await reply('approved');
    const back = await m.decisions.applyDecision({ ids: [a, b, c, approvedOne], decision: 'restore', by: mod });
    expect(back.changed).toHaveLength(3);
    expect(await Promise.all([a, b, c, approvedOne].map(statusOf))).toEqual(['pending', 'pending', 'pending', 'approved']);

    const none = await m.decisions.applyDecision({ ids: [approvedOne], decision: 'approve', by: mod });
    expect(none).toEqual({ changed: [], logIds: [] });
  });

  it('ignores ids of replies that do not exist', async () => {
    expect(await m.decisions.applyDecision({ ids: [999_999], decision: 'trash', by: mod })).toEqual({ changed: [], logIds: [] });
  });
});

describe('undoDecisions', () => {
  it('puts every reply of a decision back where it was, and logs the undo', async () => {
    const ids = [await reply('pending'), await reply('pending'), await reply('approved')];
    const decision = await m.decisions.applyDecision({ ids, decision: 'trash', by: mod });
    expect(decision.changed).toHaveLength(3);
    const undone = await m.decisions.undoDecisions({ logIds: decision.logIds, by: other });
    expect(undone.changed).toHaveLength(3);
    expect(undone.logIds).toHaveLength(3);
    expect(await Promise.all(ids.map(statusOf))).toEqual(['pending', 'pending', 'approved']);
    expect((await logOf(ids[2])).at(-1)).toEqual({ action: 'undo', from: 'trash', to: 'approved', actorId: other, note: null });
    // Undoing twice changes nothing more.
    expect(await m.decisions.undoDecisions({ logIds: decision.logIds, by: other })).toEqual({ changed: [], logIds: [] });
  });

  it('does not move a reply somebody moved since, and still undoes the others', async () => {
    const [moved, untouched] = [await reply('pending'), await reply('pending')];
    const decision = await m.decisions.applyDecision({ ids: [moved, untouched], decision: 'spam', by: mod });
    // Another moderator approves one of them before the undo.
    await m.decisions.applyDecision({ ids: [moved], decision: 'restore', by: other });
    await m.decisions.applyDecision({ ids: [moved], decision: 'approve', by: other });
    const undone = await m.decisions.undoDecisions({ logIds: decision.logIds, by: mod });
    expect(undone.changed).toEqual([{ replyId: untouched, articleId, from: 'spam', to: 'pending' }]);
    expect(await statusOf(moved)).toBe('approved');
    expect(await statusOf(untouched)).toBe('pending');
  });

  it('does nothing for unknown log ids', async () => {
    expect(await m.decisions.undoDecisions({ logIds: [999_999], by: mod })).toEqual({ changed: [], logIds: [] });
  });
});

describe('editReplyBody', () => {
  it('changes the text and keeps the previous text in the log; the same text is no change', async () => {
    const id = await reply('approved', 'The first text');
    const edited = await m.decisions.editReplyBody({ id, body: 'The corrected text', by: mod });
    expect(edited).toMatchObject({ changed: true, status: 'approved', articleId });
    const [row] = await m.db.db.select().from(m.schema.replies).where(m.orm.eq(m.schema.replies.id, id));
    expect(row.body).toBe('The corrected text');
    expect(row.editedAt).toBeInstanceOf(Date);
    expect(await logOf(id)).toEqual([{ action: 'edit', from: 'approved', to: 'approved', actorId: mod, note: 'Previous text: The first text' }]);

    expect(await m.decisions.editReplyBody({ id, body: 'The corrected text', by: mod })).toMatchObject({ changed: false });
    expect(await logOf(id)).toHaveLength(1);
    expect(await m.decisions.editReplyBody({ id: 999_999, body: 'x', by: mod })).toBeNull();
  });
});
