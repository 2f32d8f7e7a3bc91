const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether an article takes replies now: its own switch, and the "close replies on articles older than
 * N days" setting (0 never closes). `closesAt` is when an open article will close, for cache expiry.
 */
export function repliesOpen(
  article: { commentsOpen: boolean; publishedAt: Date | null },
  closeAfterDays: number,
  now: number = Date.now(),
): { open: boolean; closesAt: number | null } {
  if (!article.commentsOpen) return { open: false, closesAt: null };
  if (!(closeAfterDays > 0) || !article.publishedAt) return { open: true, closesAt: null };
  const closesAt = article.publishedAt.getTime() + closeAfterDays * DAY_MS;
  return closesAt <= now ? { open: false, closesAt: null } : { open: true, closesAt };
}
