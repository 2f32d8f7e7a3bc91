import { describe, expect, it } from 'vitest';
import { newReplyPath, replyPageCount, REPLIES_PER_PAGE } from './paging';

describe('reply pages', () => {
  it('counts pages, one at least', () => {
    expect(replyPageCount(0)).toBe(1);
    expect(replyPageCount(REPLIES_PER_PAGE)).toBe(1);
    expect(replyPageCount(REPLIES_PER_PAGE + 1)).toBe(2);
  });

  it('sends a new reply to the last page, or to the article when there is one page', () => {
    expect(newReplyPath('harbour', 7, 3)).toBe('/articles/harbour#comment-7');
    expect(newReplyPath('harbour', 7, 2 * REPLIES_PER_PAGE + 1)).toBe('/articles/harbour/comments/3#comment-7');
  });
});
