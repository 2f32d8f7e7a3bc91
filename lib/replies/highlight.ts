/**
 * Splits `text` around the first occurrence of `match` (case-insensitive), so the desk can mark what a
 * rule matched. No match (or none recorded): the whole text, unmarked.
 */
export function highlightSegments(text: string, match: string | undefined | null): { text: string; marked: boolean }[] {
  if (!match) return [{ text, marked: false }];
  let index = text.indexOf(match);
  if (index === -1) index = text.toLocaleLowerCase('en').indexOf(match.toLocaleLowerCase('en'));
  // Lower-casing can change lengths (rare letters); only trust an index that still lines up.
  if (index === -1 || text.slice(index, index + match.length).toLocaleLowerCase('en') !== match.toLocaleLowerCase('en')) {
    return [{ text, marked: false }];
  }
  return [
    { text: text.slice(0, index), marked: false },
    { text: text.slice(index, index + match.length), marked: true },
    { text: text.slice(index + match.length), marked: false },
  ].filter((s) => s.text !== '');
}
