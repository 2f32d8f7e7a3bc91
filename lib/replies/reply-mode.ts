/**
 * An article's reply mode during live coverage (articles.reply_mode, set by an editor): "normal",
 * "hold" every reply for review, or "slow": one reply per reader per N seconds on that article, a
 * reader being the same email or the same hashed address. Pure: admitReply (./admit.ts) applies it.
 * Signed-in staff are exempt; the caller passes them as isStaff.
 */
import type { ReplyMode } from '@/db/enums';

/** How far back the reply action looks for a reader's last reply on the article: no slow window is longer. */
export const REPLY_SLOW_SECONDS_MAX = 24 * 60 * 60;

export type ReplyModeOutcome = { outcome: 'accept' } | { outcome: 'hold' } | { outcome: 'refuse'; secondsLeft: number };

export function replyModeOutcome(input: {
  mode: ReplyMode;
  slowSeconds: number;
  /** This reader's newest reply on this article (any status), if any. */
  lastReplyAt: Date | null;
  now: number;
  isStaff: boolean;
}): ReplyModeOutcome {
  if (input.isStaff || input.mode === 'normal') return { outcome: 'accept' };
  if (input.mode === 'hold') return { outcome: 'hold' };
  const windowMs = Math.min(Math.max(input.slowSeconds, 0), REPLY_SLOW_SECONDS_MAX) * 1000;
  if (!input.lastReplyAt || windowMs === 0) return { outcome: 'accept' };
  const leftMs = input.lastReplyAt.getTime() + windowMs - input.now;
  // Rounded up, so "in 1 second" never means "now" and "0 seconds" is never said.
  return leftMs > 0 ? { outcome: 'refuse', secondsLeft: Math.ceil(leftMs / 1000) } : { outcome: 'accept' };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** A duration as a reader reads it: "90 seconds", "2 minutes", "2 minutes 30 seconds". */
export function durationText(seconds: number): string {
  if (seconds < 120) return plural(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? plural(minutes, 'minute') : `${plural(minutes, 'minute')} ${plural(rest, 'second')}`;
}

/** The refusal beside the form when a reply comes too soon. */
export function slowModeRefusal(secondsLeft: number): string {
  return `Slow mode is on: you can reply again in ${plural(secondsLeft, 'second')}.`;
}

/** What the reply form tells readers about the mode in force, or null in normal mode. */
export function replyModeNote(mode: ReplyMode, slowSeconds: number): string | null {
  if (mode === 'hold') return 'Replies are being held for review during live coverage.';
  if (mode === 'slow' && slowSeconds > 0) return `Slow mode: one reply every ${slowSeconds === 1 ? 'second' : durationText(slowSeconds)}.`;
  return null;
}

/** The status reason's detail the moderation desk shows for a reply held by the article's mode. */
export const ARTICLE_HOLD_DETAIL = 'An editor set every reply on this article to be held for review (live coverage).';
