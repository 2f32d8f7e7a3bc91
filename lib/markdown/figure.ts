// An image with a caption and a credit, in plain Markdown: the image's title holds "Caption — Credit".
// Any Markdown renderer shows it as an image with a tooltip; ours (render.ts) turns an image that stands
// alone in its paragraph and has a title into <figure> with a <figcaption>.

/** An em dash standing on its own (start or space before it, space or end after it) separates caption and credit. */
const SEPARATOR = /(^|\s)—(?=\s|$)/g;

/** Caption and credit from an image title; the credit follows the last lone em dash. */
export function splitImageTitle(title: string): { caption: string; credit: string } {
  let at = -1;
  let width = 0;
  for (const m of title.matchAll(SEPARATOR)) {
    at = m.index + m[1].length;
    width = 1;
  }
  if (at < 0) return { caption: title.trim(), credit: '' };
  return { caption: title.slice(0, at).trim(), credit: title.slice(at + width).trim() };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The title that splitImageTitle reads back as the same caption and credit. */
export function imageTitle(captionText: string, creditText: string): string {
  const caption = oneLine(captionText);
  // A credit never holds the separator (the last one marks where it starts): an en dash takes its place.
  const credit = oneLine(creditText).replace(SEPARATOR, '$1–');
  if (caption && credit) return `${caption} — ${credit}`;
  if (credit) return `— ${credit}`;
  // A caption with a lone em dash of its own ends with an empty credit, so that dash stays in the caption.
  if (caption.search(SEPARATOR) >= 0) return `${caption} —`;
  return caption;
}

const escapeBrackets = (s: string) => s.replace(/[\\[\]]/g, (c) => `\\${c}`);
const escapeTitle = (s: string) => s.replace(/[\\"]/g, (c) => `\\${c}`);

/** The Markdown for an uploaded image: `![alt](src "Caption — Credit")`, or without a title when both are empty. */
export function imageMarkdown({ src, alt, caption = '', credit = '' }: { src: string; alt: string; caption?: string; credit?: string }): string {
  const title = imageTitle(caption, credit);
  return `![${escapeBrackets(oneLine(alt))}](${src}${title ? ` "${escapeTitle(title)}"` : ''})`;
}
