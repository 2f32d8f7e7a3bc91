// The quote above a reply form aimed at one reply ("Replying to NAME" and the start of what they
// said): the same text whether the server renders it (the no-JavaScript reply page, from the stored
// body) or the island takes it from the comment on screen.

export const QUOTE_MAX = 200;

/** The reply's text on one line, cut at a word near `max` characters with an ellipsis. */
export function replyQuote(text: string, max = QUOTE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // Cut at the last word break unless that loses more than a fifth of the quote (one very long word).
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}
