/**
 * How many approved replies one page of an article shows, oldest first. At 200 a page, a 2,000-reply
 * discussion made 758 KB pages that took ~50 ms to render for a reader with a held reply (rendered
 * per request); 100 halves that and still shows an ordinary discussion whole.
 */
export const REPLIES_PER_PAGE = 100;

/** Pages a discussion of `total` approved replies takes (at least one, for the empty discussion). */
export function replyPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / REPLIES_PER_PAGE));
}

/** Where a newly approved reply is shown: replies run oldest first, so it is on the last page. */
export function newReplyPath(slug: string, replyId: number, approvedTotal: number): string {
  const pages = replyPageCount(approvedTotal);
  return `/articles/${slug}${pages > 1 ? `/comments/${pages}` : ''}#comment-${replyId}`;
}
