import 'server-only';
import { and, count, desc, eq, gte, inArray, isNull, lt, notInArray, sql } from 'drizzle-orm';
import { db } from '../index';
import { moderationLog, replies, replyReports, type ReportReason } from '../schema';

export class ReportRefusedError extends Error {}

/**
 * Stores a reader's report. When `threshold` distinct readers have reported an approved reply, it goes
 * back to pending (logged as the readers' decision). One report per reply and address; at most
 * `perHour` reports per address.
 */
export async function reportReply(args: {
  replyId: number;
  reason: ReportReason;
  note: string | null;
  reporterHash: string;
  threshold: number;
  perHour: number;
}) {
  return db.transaction(async (tx) => {
    const [reply] = await tx
      .select({ id: replies.id, status: replies.status, articleId: replies.articleId })
      .from(replies)
      .where(eq(replies.id, args.replyId))
      .limit(1);
    if (!reply || reply.status !== 'approved') throw new ReportRefusedError('That comment is no longer shown, so there is nothing to report.');
    const [recent] = await tx
      .select({ n: count() })
      .from(replyReports)
      .where(and(eq(replyReports.reporterHash, args.reporterHash), gte(replyReports.createdAt, new Date(Date.now() - 3600_000))));
    if (recent.n >= args.perHour) throw new ReportRefusedError('You have sent a lot of reports in the last hour. Please try again later.');
    const inserted = await tx
      .insert(replyReports)
      .values({ replyId: reply.id, reason: args.reason, note: args.note, reporterHash: args.reporterHash })
      .onConflictDoNothing()
      .returning({ id: replyReports.id });
    if (inserted.length === 0) throw new ReportRefusedError('You have already reported this comment. Thank you; a moderator will look at it.');
    const [open] = await tx
      .select({ n: count() })
      .from(replyReports)
      .where(and(eq(replyReports.replyId, reply.id), isNull(replyReports.dismissedAt)));
    let heldAgain = false;
    if (args.threshold > 0 && open.n >= args.threshold) {
      const now = new Date();
      await tx
        .update(replies)
        .set({
          status: 'pending',
          statusChangedAt: now,
          statusReason: { rule: 'reported', detail: `Reported by ${open.n} readers; held until a moderator decides.` },
        })
        .where(eq(replies.id, reply.id));
      await tx
        .insert(moderationLog)
        .values({ replyId: reply.id, actorId: null, action: 'reported', fromStatus: 'approved', toStatus: 'pending', note: `Reported by ${open.n} readers.` });
      heldAgain = true;
    }
    return { articleId: reply.articleId, heldAgain };
  });
}

export type ReportedRow = {
  replyId: number;
  reports: { reason: ReportReason; note: string | null; createdAt: Date }[];
};

/** Open reports for these replies, grouped by reply (reply_reports_reply_reporter_uq leads with reply_id). */
export async function openReportsFor(replyIds: number[]): Promise<Map<number, ReportedRow['reports']>> {
  const out = new Map<number, ReportedRow['reports']>();
  if (replyIds.length === 0) return out;
  const rows = await db
    .select({ replyId: replyReports.replyId, reason: replyReports.reason, note: replyReports.note, createdAt: replyReports.createdAt })
    .from(replyReports)
    .where(and(inArray(replyReports.replyId, replyIds), isNull(replyReports.dismissedAt)))
    .orderBy(replyReports.createdAt);
  for (const r of rows) out.set(r.replyId, [...(out.get(r.replyId) ?? []), { reason: r.reason, note: r.note, createdAt: r.createdAt }]);
  return out;
}

export const REPORTED_PAGE_SIZE = 25;

/**
 * Open reports that still need a moderator: on replies readers can see or that wait for a decision.
 * A reply already in spam or the trash has been dealt with (its reports come back with it if restored).
 * NOT IN cannot use replies_status_created_idx, so each report finds its reply by primary key.
 */
const openOnLiveReply = and(isNull(replyReports.dismissedAt), notInArray(replies.status, ['spam', 'trash']));

/**
 * The Reported queue: replies with open reports, most recently reported first, keyset-paged by the
 * latest open report id (reply_reports_open_idx keeps the open ones together).
 */
export async function listReportedReplyIds(beforeReportId?: number, pageSize = REPORTED_PAGE_SIZE): Promise<{ replyIds: number[]; next: number | null }> {
  const latest = sql<number>`max(${replyReports.id})`;
  const rows = await db
    .select({ replyId: replyReports.replyId, latest })
    .from(replyReports)
    .innerJoin(replies, eq(replies.id, replyReports.replyId))
    .where(openOnLiveReply)
    .groupBy(replyReports.replyId)
    // The cursor compares each reply's latest report, after grouping: filtering reports before grouping
    // would bring a reply back on a later page through an older report of its own.
    .having(beforeReportId ? lt(latest, beforeReportId) : undefined)
    .orderBy(desc(latest))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  return { replyIds: page.map((r) => r.replyId), next: rows.length > pageSize ? Number(page[page.length - 1].latest) : null };
}

/** Replies in the Reported queue (the tab's count). */
export async function countOpenReports(): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${replyReports.replyId})` })
    .from(replyReports)
    .innerJoin(replies, eq(replies.id, replyReports.replyId))
    .where(openOnLiveReply);
  return Number(row.n);
}

/** Dismisses the open reports of these replies; the replies stay as they are. Logged per reply. */
export async function dismissReports(replyIds: number[], actorId: number) {
  return db.transaction(async (tx) => {
    const dismissed = await tx
      .update(replyReports)
      .set({ dismissedAt: new Date(), dismissedById: actorId })
      .where(and(inArray(replyReports.replyId, replyIds), isNull(replyReports.dismissedAt)))
      .returning({ replyId: replyReports.replyId });
    const ids = [...new Set(dismissed.map((d) => d.replyId))];
    if (ids.length) {
      const current = await tx.select({ id: replies.id, status: replies.status }).from(replies).where(inArray(replies.id, ids));
      await tx
        .insert(moderationLog)
        .values(current.map((r) => ({ replyId: r.id, actorId, action: 'dismiss-reports', fromStatus: r.status, toStatus: r.status })));
    }
    return ids.length;
  });
}
