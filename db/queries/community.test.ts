import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// Sanctions, reports, address retention and the mail queue against a throw-away migrated database.
const testDb = throwawayDatabase('community');

let m: {
  db: typeof import('../index');
  schema: typeof import('../schema');
  sanctions: typeof import('./sanctions');
  reports: typeof import('./reports');
  housekeeping: typeof import('./housekeeping');
  mail: typeof import('./mail');
};
let staffId: number;
let articleId: number;

beforeAll(async () => {
  m = {
    db: await testDb.open(),
    schema: await import('../schema'),
    sanctions: await import('./sanctions'),
    reports: await import('./reports'),
    housekeeping: await import('./housekeeping'),
    mail: await import('./mail'),
  };
  const [u] = await m.db.db.insert(m.schema.users).values({ email: 'mod@example.com', name: 'Mo Derator', slug: 'mo', role: 'moderator' }).returning();
  staffId = u.id;
  const [a] = await m.db.db.insert(m.schema.articles).values({ slug: 'a', title: 'A', status: 'published', publishedAt: new Date() }).returning();
  articleId = a.id;
});

afterAll(() => {
  testDb.close();
});

async function reply(email: string, over: Partial<typeof import('../schema').replies.$inferInsert> = {}) {
  const [r] = await m.db.db
    .insert(m.schema.replies)
    .values({ articleId, authorName: 'R', authorEmail: email, body: `b ${Math.random()}`, status: 'approved', ...over })
    .returning();
  return r;
}

describe('commenter sanctions', () => {
  it('a suspension counts until its date, a ban until lifted, and the strongest wins', async () => {
    const email = 'sus@example.org';
    expect(await m.sanctions.activeSanction({ email, ipHash: null })).toBeNull();
    await m.sanctions.sanctionCommenter({ email, kind: 'hold', until: null, reason: 'links', includeAddress: false, actorId: staffId });
    await m.sanctions.sanctionCommenter({
      email,
      kind: 'suspend',
      until: new Date(Date.now() + 86_400_000),
      reason: 'cool off',
      includeAddress: false,
      actorId: staffId,
    });
    expect((await m.sanctions.activeSanction({ email, ipHash: null }))?.kind).toBe('suspend');
    const { id } = await m.sanctions.sanctionCommenter({ email, kind: 'ban', until: null, reason: 'abuse', includeAddress: false, actorId: staffId });
    expect((await m.sanctions.activeSanction({ email, ipHash: null }))?.kind).toBe('ban');
    expect(await m.sanctions.liftSanction(id, staffId)).toBe(true);
    expect((await m.sanctions.activeSanction({ email, ipHash: null }))?.kind).toBe('suspend');
  });

  it('an expired suspension no longer counts; an address sanction catches a new email', async () => {
    const email = 'old@example.org';
    await m.db.db.insert(m.schema.commenterSanctions).values({ email, kind: 'suspend', until: new Date(Date.now() - 1000), reason: 'past' });
    expect(await m.sanctions.activeSanction({ email, ipHash: null })).toBeNull();
    await reply('addr@example.org', { ipHash: 'hash-1' });
    const { withAddress } = await m.sanctions.sanctionCommenter({
      email: 'addr@example.org',
      kind: 'ban',
      until: null,
      reason: 'x',
      includeAddress: true,
      actorId: staffId,
    });
    expect(withAddress).toBe(true);
    expect((await m.sanctions.activeSanction({ email: 'fresh@example.org', ipHash: 'hash-1' }))?.kind).toBe('ban');
  });
});

describe('reader reports', () => {
  it('holds a reply again at the threshold of distinct reporters, once each, within the hourly limit', async () => {
    const r = await reply('reported@example.org');
    const report = (reporterHash: string, perHour = 10) =>
      m.reports.reportReply({ replyId: r.id, reason: 'abuse', note: null, reporterHash, threshold: 2, perHour });
    expect((await report('one')).heldAgain).toBe(false);
    await expect(report('one')).rejects.toThrow('already reported');
    expect((await report('two')).heldAgain).toBe(true);
    const [after] = await m.db.db
      .select()
      .from(m.schema.replies)
      .where((await import('drizzle-orm')).eq(m.schema.replies.id, r.id));
    expect(after.status).toBe('pending');
    const other = await reply('other@example.org');
    await expect(m.reports.reportReply({ replyId: other.id, reason: 'spam', note: null, reporterHash: 'one', threshold: 2, perHour: 1 })).rejects.toThrow(
      'a lot of reports',
    );
  });
});

describe('the Reported queue', () => {
  it('pages replies by their latest open report, each reply once', async () => {
    await m.db.db.update(m.schema.replyReports).set({ dismissedAt: new Date() });
    const [a, b, c] = [await reply('pa@example.org'), await reply('pb@example.org'), await reply('pc@example.org')];
    const report = (replyId: number, reporterHash: string) =>
      m.reports.reportReply({ replyId, reason: 'spam', note: null, reporterHash, threshold: 99, perHour: 99 });
    // Reported in the order a, b, c, then a again: a is the most recently reported.
    await report(a.id, 'paging-1');
    await report(b.id, 'paging-2');
    await report(c.id, 'paging-3');
    await report(a.id, 'paging-4');
    const seen: number[] = [];
    let before: number | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await m.reports.listReportedReplyIds(before, 1);
      seen.push(...page.replyIds);
      if (page.next === null) break;
      before = page.next;
    }
    expect(seen).toEqual([a.id, c.id, b.id]);
  });

  it('leaves out replies already in spam or the trash, in the list and the count, and brings them back when restored', async () => {
    await m.db.db.update(m.schema.replyReports).set({ dismissedAt: new Date() });
    const { eq } = await import('drizzle-orm');
    const [kept, trashed, spammed] = [await reply('rk@example.org'), await reply('rt@example.org'), await reply('rs@example.org')];
    for (const [r, hash] of [
      [kept, 'live-1'],
      [trashed, 'live-2'],
      [spammed, 'live-3'],
    ] as const) {
      await m.reports.reportReply({ replyId: r.id, reason: 'spam', note: null, reporterHash: hash, threshold: 99, perHour: 99 });
    }
    expect(await m.reports.countOpenReports()).toBe(3);
    await m.db.db.update(m.schema.replies).set({ status: 'trash' }).where(eq(m.schema.replies.id, trashed.id));
    await m.db.db.update(m.schema.replies).set({ status: 'spam' }).where(eq(m.schema.replies.id, spammed.id));
    expect((await m.reports.listReportedReplyIds()).replyIds).toEqual([kept.id]);
    expect(await m.reports.countOpenReports()).toBe(1);
    await m.db.db.update(m.schema.replies).set({ status: 'approved' }).where(eq(m.schema.replies.id, trashed.id));
    expect((await m.reports.listReportedReplyIds()).replyIds).toEqual([trashed.id, kept.id]);
    expect(await m.reports.countOpenReports()).toBe(2);
  });
});

describe('address retention', () => {
  it('drops hashed addresses and browsers from replies older than the cutoff, and only those', async () => {
    const old = await reply('aged@example.org', { ipHash: 'h-old', userAgent: 'UA', createdAt: new Date(Date.now() - 100 * 86_400_000) });
    const recent = await reply('young@example.org', { ipHash: 'h-new', userAgent: 'UA' });
    const dropped = await m.housekeeping.dropOldAddresses(new Date(Date.now() - 90 * 86_400_000));
    expect(dropped).toBeGreaterThanOrEqual(1);
    const { eq } = await import('drizzle-orm');
    const [a] = await m.db.db.select().from(m.schema.replies).where(eq(m.schema.replies.id, old.id));
    const [b] = await m.db.db.select().from(m.schema.replies).where(eq(m.schema.replies.id, recent.id));
    expect([a.ipHash, a.userAgent]).toEqual([null, null]);
    expect([b.ipHash, b.userAgent]).toEqual(['h-new', 'UA']);
    // The watermark means a second run has nothing left to do.
    expect(await m.housekeeping.dropOldAddresses(new Date(Date.now() - 90 * 86_400_000))).toBe(0);
  });
});

describe('mail queue', () => {
  it('queues one mail per dedupe key, skips opted-out addresses, and lets only one sender claim a mail', async () => {
    const mail = { dedupeKey: 'approved:1', to: 'x@example.org', subject: 's', text: 't' };
    expect(await m.mail.enqueueMail([mail, { ...mail }])).toBe(1);
    expect(await m.mail.enqueueMail([mail])).toBe(0);
    await m.mail.optOutOfMail('Y@example.org');
    expect(await m.mail.enqueueMail([{ ...mail, dedupeKey: 'answer:2', to: 'y@example.org' }])).toBe(0);
    const [due] = await m.mail.listDueMail(10);
    expect(await m.mail.claimMail(due.id, due.nextAttemptAt)).toBe(true);
    expect(await m.mail.claimMail(due.id, due.nextAttemptAt)).toBe(false);
    expect(await m.mail.listDueMail(10)).toEqual([]);
  });
});
