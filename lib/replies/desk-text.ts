import type { ReplyStatus, ReportReason, SanctionKind } from '@/db/schema';
import { REPORT_REASON_LABELS } from './report-schema';

// The words the moderation desk shows: the notice after an action, the audit trail's sentences,
// a reply's reports and a commenter's sanctions. Plain functions, so a test reads what a moderator reads.

/** Tab counts stop here: past it the desk says "10,000+" (counting 800,000 approved replies on every request cost ~100 ms). */
export const QUEUE_COUNT_CAP = 10_000;

/** A queue's count as the tabs and the admin menu show it, capped as it was counted. */
export const queueCountLabel = (n: number) => (n > QUEUE_COUNT_CAP ? `${QUEUE_COUNT_CAP.toLocaleString('en-GB')}+` : n.toLocaleString('en-GB'));

/** The notice after a desk action (`?done=…&n=…`), by what was done. */
export const DONE_TEXT: Record<string, string> = {
  approve: 'Approved',
  unapprove: 'Unapproved',
  spam: 'Marked as spam',
  trash: 'Moved to the trash',
  restore: 'Restored',
  undo: 'Undone',
  dismiss: 'Reports dismissed',
  erase: 'Erased the commenter’s data from',
  lift: 'Lifted',
  'sanction-ban': 'Banned the commenter',
  'sanction-suspend': 'Suspended the commenter',
  'sanction-hold': 'The commenter’s replies will always be held',
  reply: 'Your reply is published',
  'reply-approved': 'Approved, and your reply is published',
};

/** The notice's sentence, or null for an unknown `done`. */
export function noticeText(done: string, n: number): string | null {
  const text = DONE_TEXT[done];
  if (!text) return null;
  // Sanctions and staff replies act on one thing; they say so without a count.
  if (done.startsWith('reply') || done.startsWith('sanction')) return `${text}.`;
  if (n === 0) return 'Nothing changed.';
  return `${text}: ${n} ${n === 1 ? 'reply' : 'replies'}.`;
}

export type LogEntry = { action: string; fromStatus: ReplyStatus | null; toStatus: ReplyStatus | null; actorName: string | null };

/** Where a status puts a reply, as words ("to the trash", "from spam"). */
const place = (s: ReplyStatus | null) => (s === 'trash' ? 'the trash' : (s ?? 'pending'));

/** What the reply rules did with a new reply, by the status they gave it. */
const RULES_VERB: Record<ReplyStatus, (reply: string) => string> = {
  pending: (r) => `held ${r}`,
  approved: (r) => `approved ${r}`,
  spam: (r) => `marked ${r} as spam`,
  trash: (r) => `put ${r} in the trash`,
};

const isRules = (e: LogEntry) => e.action.startsWith('rules:') || (e.action === 'posted' && !e.actorName);

/**
 * One line of the audit trail as a plain sentence: who, and what they did. `author` names the reply
 * ("the reply by Ann", in the desk's recent decisions); without it the line is in the reply's own history.
 * E.g. "Mo Derator put the reply by Ann back from approved to pending", "The reply rules held a new reply".
 */
export function logSentence(e: LogEntry, author?: string): { who: string; did: string } {
  const reply = author ? `the reply by ${author}` : 'the reply';
  const newReply = author ? `a new reply by ${author}` : 'a new reply';
  if (isRules(e)) return { who: 'The reply rules', did: RULES_VERB[e.toStatus ?? 'pending'](newReply) };
  if (e.action === 'reported' && !e.actorName) return { who: 'Readers’ reports', did: `sent ${reply} back to pending` };
  const who = e.actorName ?? 'Someone';
  const from = e.fromStatus;
  const to = e.toStatus;
  switch (e.action) {
    case 'approve':
      return { who, did: from === 'spam' || from === 'trash' ? `approved ${reply} from ${place(from)}` : `approved ${reply}` };
    case 'unapprove':
      return { who, did: `sent ${reply} back to pending` };
    case 'spam':
      return { who, did: `marked ${reply} as spam` };
    case 'trash':
      return { who, did: `moved ${reply} to the trash` };
    case 'restore':
      return { who, did: `restored ${reply} from ${place(from)} to ${place(to)}` };
    case 'undo':
      return { who, did: `put ${reply} back from ${place(from)} to ${place(to)}` };
    case 'edit':
      return { who, did: `edited the text of ${reply}` };
    case 'posted':
      return { who, did: 'posted a staff reply' };
    case 'erase':
      return { who, did: `erased the commenter’s data from ${reply}` };
    case 'dismiss-reports':
      return { who, did: `dismissed the reports on ${reply}` };
    default:
      return { who, did: from && to && from !== to ? `moved ${reply} from ${place(from)} to ${place(to)}` : `changed ${reply}` };
  }
}

export type ReportSummary = { reason: ReportReason; label: string; notes: string[] };

/**
 * A reply's open reports, one line per reason in the order first reported, counted when more than one
 * reader gave it ("Spam or advertising (3)"), with the readers' notes.
 */
export function summariseReports(reports: readonly { reason: ReportReason; note: string | null }[]): ReportSummary[] {
  const byReason = new Map<ReportReason, { count: number; notes: string[] }>();
  for (const r of reports) {
    const entry = byReason.get(r.reason) ?? { count: 0, notes: [] };
    entry.count++;
    if (r.note) entry.notes.push(r.note);
    byReason.set(r.reason, entry);
  }
  return [...byReason].map(([reason, { count, notes }]) => ({
    reason,
    label: count > 1 ? `${REPORT_REASON_LABELS[reason]} (${count})` : REPORT_REASON_LABELS[reason],
    notes,
  }));
}

const sanctionDate = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(date);

/** How a sanction reads on the desk: "Banned", "Suspended until 3 Dec 2026" (the day in the site's zone), "Always held". */
export function sanctionLabel(x: { kind: SanctionKind; until: Date | null }, timeZone = 'UTC') {
  if (x.kind === 'ban') return 'Banned';
  if (x.kind === 'suspend') return `Suspended until ${x.until ? sanctionDate(x.until, timeZone) : '?'}`;
  return 'Always held';
}
