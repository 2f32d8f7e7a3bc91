/**
 * Whether a new reply is taken, and with what status: the whole reply pipeline's rules in one pure
 * function. The reply action feeds it the facts one query gathers (db/queries/reply-facts.ts); the
 * settings page's "Try these rules" feeds it stored replies (./dry-run.ts).
 *
 * In this order; the first that applies decides:
 *
 *  Refused with a message, nothing stored:
 *   1. the article is not public                        → "not available for comments"
 *   2. replies are closed (its switch, or its age)      → "Comments are closed."
 *   3. the parent is gone, elsewhere or not approved    → "no longer available"
 *   4. the parent sits at the deepest level allowed     → "too deeply nested"
 *   5. the commenter is banned or suspended (not staff) → says so
 *   6. the same text from the same email on the article → "Duplicate comment detected"
 *   7. the article is in slow mode and this reader replied on it within its window (not staff)
 *                                                        → "Slow mode is on: you can reply again in N seconds."
 *      (before flood control: on a slow article that is the limit the reader was told about)
 *   8. a reply from this email or address within floodSeconds → "posting too quickly"
 *  Stored, with a status (the reply rules in the README):
 *   9. the status rules of ./rules.ts: bot traps, disallowed lists → spam; staff → approved; a staff
 *      account's email without signing in, links and moderation words, "hold every reply", a first
 *      reply under this name and email → pending; otherwise approved
 *  10. what they approve, unless written by staff, is held when a moderator set the commenter to
 *      "always hold", then when an editor set the article to hold every reply (./reply-mode.ts), and
 *      then when the article's held replies have reached articleBacklogLimit.
 */
import type { ReplyMode } from '@/db/enums';
import type { ReplyStatus, SanctionKind } from '@/db/schema';
import { repliesOpen } from './open';
import { ARTICLE_HOLD_DETAIL, replyModeOutcome, slowModeRefusal } from './reply-mode';
import { decideReplyStatus, sameCommenterName, type ReplyDecision } from './rules';
import type { ReplySettings } from './settings';

/** What the admission rules read of the article (the action also carries its slug through). */
export type ArticleFacts = { id: number; commentsOpen: boolean; publishedAt: Date | null };

export type ReplyFacts<A extends ArticleFacts = ArticleFacts> = {
  /** What was sent, parsed. */
  reply: {
    parentId: number | null;
    name: string;
    email: string;
    url: string | null;
    body: string;
    /** The client's address in the clear (only for the disallowed-IP rule; never stored). */
    ip: string | null;
    /** The honeypot field, which people never see. */
    honeypot: string;
    secondsSinceFormRendered: number | null;
  };
  /** Written by a signed-in staff member. */
  isStaff: boolean;
  /** The article, if public. */
  article: A | null;
  /** The reply answered, if any and if it exists. */
  parent: { articleId: number; depth: number; status: ReplyStatus } | null;
  /** The strongest sanction in force for this email or address. */
  sanction: { kind: SanctionKind; until: Date | null } | null;
  /** The same text from the same email is already stored on this article. */
  duplicate: boolean;
  /** Names this email has approved replies under (a few); "previously approved" needs the same name too. */
  approvedNames: string[];
  /** The email belongs to a staff account (held unless that person is signed in: isStaff). */
  staffEmail: boolean;
  /** The newest reply from this email or address, if any lately (flood control). */
  lastReplyAt: Date | null;
  /** Held replies waiting on the article. */
  pendingOnArticle: number;
  /** The article's reply mode (live coverage) and this reader's newest reply on it; absent = normal. */
  replyMode?: { mode: ReplyMode; slowSeconds: number; lastReplyOnArticleAt: Date | null };
  now: number;
};

/** Which check refused a reply (tests and logs; the reader sees the message). */
export type RefusalCheck = 'unavailable' | 'closed' | 'parent-gone' | 'too-deep' | 'banned' | 'suspended' | 'duplicate' | 'flood' | 'slow-mode';

export type Admission<A extends ArticleFacts = ArticleFacts> =
  | { admitted: false; check: RefusalCheck; message: string; fieldErrors?: { comment: string } }
  | { admitted: true; article: A; depth: number; decision: ReplyDecision };

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export function admitReply<A extends ArticleFacts>(facts: ReplyFacts<A>, settings: ReplySettings): Admission<A> {
  const refuse = (check: RefusalCheck, message: string, fieldErrors?: { comment: string }): Admission<A> => ({ admitted: false, check, message, fieldErrors });
  const { article, parent, reply } = facts;

  if (!article) return refuse('unavailable', 'This article is not available for comments.');
  if (!repliesOpen(article, settings.closeAfterDays, facts.now).open) return refuse('closed', 'Comments are closed.');
  let depth = 1;
  if (reply.parentId !== null) {
    if (!parent || parent.articleId !== article.id || parent.status !== 'approved') {
      return refuse('parent-gone', 'The comment you are replying to is no longer available.');
    }
    if (parent.depth >= settings.maxDepth) return refuse('too-deep', 'This conversation is too deeply nested to reply to here; please reply further up.');
    depth = parent.depth + 1;
  }

  // Signed-in staff reply as themselves: no sanction applies to them.
  const sanction = facts.isStaff ? null : facts.sanction;
  if (sanction?.kind === 'ban') return refuse('banned', 'You can no longer comment on Broadsheet.');
  if (sanction?.kind === 'suspend') {
    // A suspension without an end would be a ban; say so rather than print no date.
    return refuse('suspended', sanction.until ? `You cannot comment until ${longDate.format(sanction.until)}.` : 'You can no longer comment on Broadsheet.');
  }
  if (facts.duplicate) {
    return refuse('duplicate', 'Duplicate comment detected: it looks as though you have already said that.', {
      comment: 'You have already posted this comment.',
    });
  }
  const mode = facts.replyMode
    ? replyModeOutcome({
        mode: facts.replyMode.mode,
        slowSeconds: facts.replyMode.slowSeconds,
        lastReplyAt: facts.replyMode.lastReplyOnArticleAt,
        now: facts.now,
        isStaff: facts.isStaff,
      })
    : ({ outcome: 'accept' } as const);
  if (mode.outcome === 'refuse') return refuse('slow-mode', slowModeRefusal(mode.secondsLeft));
  if (facts.lastReplyAt && facts.lastReplyAt.getTime() >= facts.now - settings.floodSeconds * 1000) {
    return refuse('flood', `You are posting comments too quickly. Please wait ${settings.floodSeconds} seconds and try again.`);
  }

  const decision = decideReplyStatus(
    {
      name: reply.name,
      email: reply.email,
      url: reply.url,
      body: reply.body,
      ip: reply.ip,
      isStaff: facts.isStaff,
      honeypot: reply.honeypot,
      secondsSinceFormRendered: reply.secondsSinceFormRendered,
      approvedBefore: facts.approvedNames.some((name) => sameCommenterName(name, reply.name)),
      staffEmail: facts.staffEmail,
    },
    settings,
  );
  const holds = { alwaysHold: sanction?.kind === 'hold', articleHold: mode.outcome === 'hold' };
  return { admitted: true, article, depth, decision: holdIfNeeded(decision, holds, facts.pendingOnArticle, settings) };
}

/** Step 10: holds that override an approval (never a staff one). */
function holdIfNeeded(
  decision: ReplyDecision,
  { alwaysHold, articleHold }: { alwaysHold: boolean; articleHold: boolean },
  pendingOnArticle: number,
  settings: ReplySettings,
): ReplyDecision {
  if (decision.status !== 'approved' || decision.rule === 'staff') return decision;
  if (alwaysHold) return { status: 'pending', rule: 'always-hold', detail: 'A moderator set this commenter’s replies to be held.' };
  if (articleHold) return { status: 'pending', rule: 'article-hold', detail: ARTICLE_HOLD_DETAIL };
  if (settings.articleBacklogLimit > 0 && pendingOnArticle >= settings.articleBacklogLimit) {
    return {
      status: 'pending',
      rule: 'article-backlog',
      detail: `${pendingOnArticle} replies are already waiting on this article; every reply is held until the queue is worked down.`,
    };
  }
  return decision;
}
