/**
 * The snippet and headline the index returns carry these markers around matched words. They are
 * control characters, which the indexed text never holds (lib/search/body-text.ts strips them), and
 * the page turns them into <mark> elements as React children: the text itself is never parsed as HTML.
 */
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

export type MarkedPart = { text: string; marked: boolean };

/** Splits marked text into plain and matched parts; stray or unbalanced markers are dropped. */
export function splitMarked(text: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  let marked = false;
  let current = '';
  const push = () => {
    if (current) parts.push({ text: current, marked });
    current = '';
  };
  for (const ch of text) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      push();
      marked = ch === MARK_OPEN;
    } else current += ch;
  }
  push();
  return parts;
}
