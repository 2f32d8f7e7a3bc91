import { describe, expect, it } from 'vitest';
import { QUOTE_MAX, replyQuote } from './quote';

describe('the quote above a reply form', () => {
  it('keeps a short reply whole, on one line', () => {
    expect(replyQuote('  Who scored\n\nthe equaliser?  ')).toBe('Who scored the equaliser?');
  });

  it('cuts a long reply at a word, about 200 characters in, with an ellipsis', () => {
    const long = 'word '.repeat(100);
    const quote = replyQuote(long);
    expect(quote.endsWith('word…')).toBe(true);
    expect(quote.length).toBeLessThanOrEqual(QUOTE_MAX + 1);
    expect(quote.length).toBeGreaterThan(QUOTE_MAX * 0.8);
  });

  it('cuts one endless word where it must, and drops trailing punctuation', () => {
    expect(replyQuote('x'.repeat(500))).toBe(`${'x'.repeat(QUOTE_MAX)}…`);
    expect(replyQuote(`${'a'.repeat(195)}, bbbbbbbbbb`)).toBe(`${'a'.repeat(195)}…`);
  });
});
