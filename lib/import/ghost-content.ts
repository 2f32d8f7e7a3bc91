/**
 * Ghost's post content as article HTML. Ghost stores a post as Lexical JSON (Ghost 5+) or mobiledoc
 * (older), with `html` as its own rendering; we render the source with Ghost's own renderers
 * (@tryghost/kg-lexical-html-renderer with Ghost's default nodes, @tryghost/kg-mobiledoc-html-renderer
 * with the cards below), turn Ghost's card markup into the figures our stylesheet knows, and pass the
 * result through the one article sanitizer.
 *
 * Ghost's packages ship CommonJS builds that work here and ESM builds that do not (their ESM imports
 * named exports lexical's CommonJS build lacks), so they are loaded with require.
 */
import { createRequire } from 'node:module';
import { renderMarkdown, sanitizeArticleHtml } from '@/lib/markdown/render';
import { galleryMarkup, imageFigure } from './wordpress-content';

const require = createRequire(import.meta.url);

type LexicalRenderer = { render(state: string, options?: Record<string, unknown>): Promise<string> };
type MobiledocRenderer = { render(doc: unknown): { result: string } | string };
type SimpleDom = { createRawHTMLSection(html: string): unknown; createElement(tag: string): unknown; createTextNode(text: string): unknown };
type CardArgument = { env: { dom: SimpleDom }; payload: Record<string, unknown> };

let lexicalRenderer: LexicalRenderer | null = null;
function lexical(): LexicalRenderer {
  if (!lexicalRenderer) {
    const { LexicalHTMLRenderer } = require('@tryghost/kg-lexical-html-renderer') as { LexicalHTMLRenderer: new (o: { nodes: unknown[] }) => LexicalRenderer };
    const { DEFAULT_NODES } = require('@tryghost/kg-default-nodes') as { DEFAULT_NODES: unknown[] };
    lexicalRenderer = new LexicalHTMLRenderer({ nodes: DEFAULT_NODES });
  }
  return lexicalRenderer;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const figure = (inner: string, caption: string) => `<figure>${inner}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
const img = (src: string, alt: string) => (src ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">` : '');
const link = (href: string, text: string) => (href ? `<p><a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a></p>` : '');

/**
 * Mobiledoc cards, as Ghost's editor saved them. Captions are Ghost's own HTML (sanitized with the rest).
 * A card with no renderer here is dropped and counted by the caller.
 */
const MOBILEDOC_CARDS: Record<string, (payload: Record<string, unknown>) => string> = {
  markdown: (p) => renderMarkdown(str(p.markdown)),
  'card-markdown': (p) => renderMarkdown(str(p.markdown)),
  html: (p) => str(p.html),
  hr: () => '<hr>',
  image: (p) => figure(img(str(p.src), str(p.alt)), str(p.caption)),
  gallery: (p) =>
    galleryHtml(
      (Array.isArray(p.images) ? (p.images as Record<string, unknown>[]) : []).map((i) => ({ src: str(i.src), alt: str(i.alt) })),
      str(p.caption),
    ),
  code: (p) => `<pre><code>${escapeHtml(str(p.code))}</code></pre>`,
  embed: (p) => figure(link(str(p.url), str((p.metadata as Record<string, unknown> | undefined)?.title)), str(p.caption)),
  bookmark: (p) => figure(link(str(p.url), str((p.metadata as Record<string, unknown> | undefined)?.title)), str(p.caption)),
  callout: (p) => `<blockquote>${str(p.calloutText)}</blockquote>`,
  button: (p) => link(str(p.buttonUrl), str(p.buttonText)),
  video: (p) => link(str(p.src), 'Video'),
  audio: (p) => link(str(p.src), str(p.title) || 'Audio'),
  file: (p) => link(str(p.src), str(p.fileTitle) || str(p.fileName) || 'File'),
  toggle: (p) => `<h3>${str(p.heading)}</h3>${str(p.content)}`,
};

/** A gallery in the one markup every imported gallery gets (lib/import/wordpress-content.ts). */
function galleryHtml(images: { src: string; alt: string }[], caption: string): string {
  const items = images.filter((i) => i.src).map((i) => imageFigure({ url: i.src, alt: i.alt, caption: '' }));
  return items.length ? galleryMarkup(items, 3, caption) : '';
}

function mobiledocRenderer(dropped: Set<string>): MobiledocRenderer {
  const { MobiledocHtmlRenderer } = require('@tryghost/kg-mobiledoc-html-renderer') as {
    MobiledocHtmlRenderer: new (o: Record<string, unknown>) => MobiledocRenderer;
  };
  const cards = Object.entries(MOBILEDOC_CARDS).map(([name, toHtml]) => ({
    name,
    type: 'dom',
    render: ({ env, payload }: CardArgument) => env.dom.createRawHTMLSection(toHtml(payload ?? {})),
  }));
  return new MobiledocHtmlRenderer({
    cards,
    atoms: [{ name: 'soft-return', type: 'dom', render: ({ env }: CardArgument) => env.dom.createElement('br') }],
    unknownCardHandler: ({ env }: CardArgument & { env: { name?: string } }) => {
      dropped.add((env as { name?: string }).name ?? 'unknown');
      return env.dom.createTextNode('');
    },
  });
}

/**
 * Ghost's rendered card markup (kg-*), reshaped before sanitizing: galleries into our gallery figure,
 * bookmarks and embeds into plain links (nothing is fetched when a page renders).
 */
export function reshapeGhostCards(html: string): string {
  return (
    html
      // Gallery: every image in the card, then its caption.
      .replace(/<figure class="[^"]*kg-gallery-card[^"]*">([\s\S]*?)<\/figure>/g, (_m, inner: string) => {
        const images = [...inner.matchAll(/<img\b[^>]*>/g)].map((m) => ({ src: attr(m[0], 'src'), alt: attr(m[0], 'alt') }));
        const caption = /<figcaption>([\s\S]*?)<\/figcaption>/.exec(inner)?.[1] ?? '';
        return galleryHtml(images, caption);
      })
      // Bookmark: a link with the page's title.
      .replace(/<figure class="[^"]*kg-bookmark-card[^"]*">([\s\S]*?)<\/figure>/g, (_m, inner: string) => {
        const href = /<a\b[^>]*href="([^"]*)"/.exec(inner)?.[1] ?? '';
        const title = /kg-bookmark-title">([\s\S]*?)<\/div>/.exec(inner)?.[1]?.replace(/<[^>]*>/g, '') ?? '';
        return figure(link(decodeAttr(href), decodeAttr(title)), /<figcaption>([\s\S]*?)<\/figcaption>/.exec(inner)?.[1] ?? '');
      })
      // An embed's iframe becomes a link to what it showed.
      .replace(/<iframe\b[^>]*>[\s\S]*?<\/iframe>/g, (tag) => {
        const src = attr(tag, 'src');
        return src ? `<a href="${escapeHtml(src)}">${escapeHtml(src)}</a>` : '';
      })
      .replace(/<!--kg-card-(begin|end): [a-z-]+-->/g, '')
  );
}

const decodeAttr = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => decodeAttr(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '');

export type GhostContentSource = { lexical?: string | null; mobiledoc?: string | null; html?: string | null };
export type GhostContent = { html: string; droppedCards: string[]; source: 'lexical' | 'mobiledoc' | 'html' | 'none' };

/**
 * A post's body as sanitized article HTML. `siteUrl` replaces Ghost's "__GHOST_URL__" placeholder, so
 * the post's own images and links get the old site's address (and the importer can bring images home).
 */
export async function ghostContentToHtml(post: GhostContentSource, siteUrl: string): Promise<GhostContent> {
  const dropped = new Set<string>();
  let html = '';
  let source: GhostContent['source'] = 'none';
  if (post.lexical) {
    html = await lexical().render(post.lexical);
    source = 'lexical';
  } else if (post.mobiledoc) {
    const rendered = mobiledocRenderer(dropped).render(JSON.parse(post.mobiledoc));
    html = typeof rendered === 'string' ? rendered : rendered.result;
    source = 'mobiledoc';
  } else if (post.html) {
    html = post.html;
    source = 'html';
  }
  const base = siteUrl.replace(/\/+$/, '');
  // Links to the old site's own pages become paths here, where its old addresses answer with a 301;
  // images keep the old site's address, so the importer can fetch them.
  html = reshapeGhostCards(
    html
      .replace(/href="__GHOST_URL__\/?"/g, 'href="/"')
      .replace(/href="__GHOST_URL__(?=\/)/g, 'href="')
      .split('__GHOST_URL__')
      .join(base),
  );
  return { html: sanitizeArticleHtml(html).trim(), droppedCards: [...dropped], source };
}
