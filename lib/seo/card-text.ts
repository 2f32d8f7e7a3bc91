const MAX_CHARS = 150;

/**
 * Headlines run up to 300 characters but a social card holds about four lines: a long one is cut at a
 * word with an ellipsis, and the type gets smaller as the headline gets longer.
 */
export function fitHeadline(headline: string): { text: string; fontSize: number } {
  const clean = headline.replace(/\s+/g, ' ').trim();
  let text = clean;
  if (clean.length > MAX_CHARS) {
    const space = clean.lastIndexOf(' ', MAX_CHARS - 1);
    text = `${clean.slice(0, space > MAX_CHARS / 2 ? space : MAX_CHARS - 1).replace(/[\s,;:.–—-]+$/, '')}…`;
  }
  const fontSize = text.length <= 50 ? 76 : text.length <= 80 ? 66 : text.length <= 110 ? 56 : 48;
  return { text, fontSize };
}
