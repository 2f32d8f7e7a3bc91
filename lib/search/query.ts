/**
 * Turns whatever a reader typed into a safe FTS5 MATCH expression. FTS5's own syntax (quotes,
 * AND/OR/NOT, NEAR, `*`, `^`, `-`, parentheses, column filters) is never passed through: each
 * whitespace-separated word keeps only letters, digits and marks, becomes a quoted phrase (so
 * "can't" and "e-mail" still match as phrases), and the words are ANDed. The last word is a prefix,
 * so a half-typed word finds something. Pure module.
 */

/** Longest query we look at, in characters (the rest is ignored, never an error). */
export const MAX_QUERY_LENGTH = 200;
/** Most words a query is made of. */
export const MAX_TERMS = 12;

// Control characters (also our snippet markers) and invisible format characters.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// What the index tokenizer (unicode61) treats as part of a word; everything else separates words.
const NOT_WORD = /[^\p{L}\p{N}\p{M}\p{Co}]+/gu;

/** The query as shown back to the reader: normalised, single-spaced, at most MAX_QUERY_LENGTH characters. */
export function normaliseQuery(raw: string): string {
  const text = raw.normalize('NFKC').replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  return chars.length > MAX_QUERY_LENGTH ? chars.slice(0, MAX_QUERY_LENGTH).join('').trim() : text;
}

/** The words of a query, each a run of word characters separated by single spaces, deduplicated. */
export function queryTerms(raw: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const chunk of normaliseQuery(raw).split(' ')) {
    const term = chunk.replace(NOT_WORD, ' ').trim().replace(/ +/g, ' ');
    if (!term || seen.has(term.toLowerCase())) continue;
    seen.add(term.toLowerCase());
    terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/**
 * The MATCH expression for a query, or null when it has no searchable word (only punctuation or
 * emoji). With `prefix: false` the last word must match whole (after stemming) too.
 */
export function buildMatchExpression(raw: string, { prefix = true }: { prefix?: boolean } = {}): string | null {
  const terms = queryTerms(raw);
  if (terms.length === 0) return null;
  // Terms hold no double quote (NOT_WORD removed them), so quoting cannot be broken out of.
  return terms.map((t, i) => (prefix && i === terms.length - 1 ? `"${t}"*` : `"${t}"`)).join(' AND ');
}
