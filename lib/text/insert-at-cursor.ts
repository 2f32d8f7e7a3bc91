/**
 * Puts `snippet` (an image's Markdown) on a paragraph of its own at the cursor of a textarea's `text`:
 * a blank line before it (unless it starts the text) and after it, the paragraph split where the cursor
 * stood. A selection is kept, never replaced: the snippet goes after it, so no typed word is lost.
 * Returns the new text and where the cursor goes (the start of the text after the snippet).
 */
export function insertAtCursor(text: string, selectionStart: number, selectionEnd: number, snippet: string): { text: string; cursor: number } {
  const clamp = (n: number) => (Number.isFinite(n) ? Math.min(Math.max(0, Math.trunc(n)), text.length) : text.length);
  const at = Math.max(clamp(selectionStart), clamp(selectionEnd));
  const midLine = at > 0 && text[at - 1] !== '\n';
  const before = text.slice(0, at).replace(/\s+$/, '');
  // Blank lines after the cursor go (the snippet brings its own); so do spaces that began the rest of a
  // split line. An indented line the cursor stood before keeps its indent (it may be code).
  let after = text.slice(at).replace(/^(?:[ \t]*\r?\n)+/, '');
  if (midLine) after = after.replace(/^[ \t]+/, '');
  const head = before ? `${before}\n\n` : '';
  const block = `${snippet.trim()}\n\n`;
  return { text: head + block + after, cursor: head.length + block.length };
}
