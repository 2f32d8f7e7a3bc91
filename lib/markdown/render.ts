import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { BodyFormat } from '@/db/enums';
import { splitImageTitle } from './figure';

// One renderer for the public article page and the editor preview.
const marked = new Marked({ gfm: true, breaks: false, async: false });

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// An image alone in its paragraph with a title ("Caption — Credit", see figure.ts) is a figure with a
// caption. Everything else keeps marked's own rendering.
marked.use({
  renderer: {
    paragraph({ tokens }) {
      const parts = tokens.filter((t) => !(t.type === 'text' && t.raw.trim() === ''));
      const image = parts.length === 1 && parts[0].type === 'image' ? (parts[0] as Tokens.Image) : null;
      if (!image?.title?.trim()) return false;
      const { caption, credit } = splitImageTitle(image.title);
      // The image itself as marked draws it (its URL handling), without the title the caption now shows.
      const img = this.parser.parseInline([{ ...image, title: null }]);
      const captionHtml = [caption && escapeHtml(caption), credit && `<span class="credit">${escapeHtml(credit)}</span>`].filter(Boolean).join(' ');
      return `<figure>${img}<figcaption>${captionHtml}</figcaption></figure>\n`;
    },
  },
});

/** Classes the imported WordPress markup keeps (lib/import/wordpress-content.ts emits them; app/globals.css styles them). */
const WP_CLASSES = {
  figure: ['wp-block-gallery', 'wp-block-image', 'wp-block-embed', 'wp-block-pullquote', 'wp-block-table', 'columns-1', 'columns-2', 'columns-3', 'columns-4'],
  div: ['wp-block-cover', 'wp-block-cover__inner-container', 'wp-block-columns', 'wp-block-column', 'wp-block-buttons', 'wp-block-button'],
  img: ['wp-block-cover__image-background'],
  a: ['wp-block-button__link'],
};

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'strong',
    'em',
    'b',
    'i',
    'del',
    's',
    'ins',
    'mark',
    'small',
    'cite',
    'abbr',
    'kbd',
    'q',
    'address',
    'code',
    'pre',
    'a',
    'img',
    'figure',
    'figcaption',
    'div',
    'table',
    'caption',
    'colgroup',
    'col',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'sup',
    'sub',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    th: ['align', 'colspan', 'rowspan', 'scope'],
    td: ['align', 'colspan', 'rowspan'],
    col: ['span'],
    colgroup: ['span'],
    ol: ['start'],
    abbr: ['title'],
    q: ['cite'],
  },
  // Only the figure's credit and the WordPress layouts keep a class; any other class (or style) is dropped.
  allowedClasses: { span: ['credit'], ...WP_CLASSES },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'], q: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    // Headline is the page's h1; authors' top-level headings become h2.
    h1: 'h2',
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener' } : attribs };
    },
  },
};

/** Markdown (or imported HTML) to HTML that has passed the allow-list sanitizer. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeArticleHtml(html);
}

/**
 * An article's or page's body as HTML for readers: Markdown through the renderer, imported HTML (already
 * paragraphed by the importer) through the sanitizer alone, so it is never read as Markdown a second time.
 */
export function renderBody(body: string, format: BodyFormat): string {
  return format === 'html' ? sanitizeArticleHtml(body) : renderMarkdown(body);
}

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, ALLOWED);
}

/** Plain text of a Markdown body, for descriptions and word counts. */
export function markdownToPlainText(markdown: string): string {
  return htmlToPlainText(marked.parse(markdown) as string);
}

/** Plain text of a stored body in its format (an imported HTML body is never read as Markdown). */
export function bodyToPlainText(body: string, format: BodyFormat): string {
  return format === 'html' ? htmlToPlainText(body) : markdownToPlainText(body);
}

function htmlToPlainText(html: string): string {
  // Block ends become spaces, so "<td>a</td><td>b</td>" does not read "ab".
  return sanitizeHtml(html.replace(/<\/(?:p|h[1-6]|li|dt|dd|td|th|tr|caption|figcaption|blockquote|pre|div|address)>|<br\s*\/?>/gi, '$& '), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
