import { autop } from '@wordpress/autop';
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import * as shortcode from '@wordpress/shortcode';
import { sanitizeArticleHtml } from '@/lib/markdown/render';

/**
 * WordPress post content as article HTML, the way WordPress itself renders it (the_content), with no
 * network access: block-editor content through WordPress's block parser (each core block as its saved
 * markup), classic content through WordPress's own wpautop, shortcodes through WordPress's shortcode
 * parser, then the article sanitizer. The result is stored with body format 'html'.
 */

export type WordPressAttachment = { url: string; alt: string; caption: string };
export type WordPressContentContext = {
  /** An imported attachment by its WordPress id (for [gallery ids="…"]). */
  attachment?: (id: string) => WordPressAttachment | undefined;
  /** Ids of the attachments uploaded to this post, for a [gallery] that names none (WordPress's default). */
  postAttachmentIds?: () => string[];
};
export type WordPressContent = { html: string; removedShortcodes: string[] };

/** Stands for a block-level piece (figure) made from a shortcode until the paragraphs are in place. */
const TOKEN = (i: number) => `\u0002wpblock${i}\u0003`;
const TOKEN_RE = /\u0002wpblock(\d+)\u0003/g;

type State = { ctx: WordPressContentContext; removed: Set<string>; pieces: string[] };

export function wordpressContentToHtml(content: string, ctx: WordPressContentContext = {}): WordPressContent {
  const state: State = { ctx, removed: new Set(), pieces: [] };
  // Control characters never belong in a body; removing them also keeps our placeholders unforgeable.
  const text = content.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  let html = text.includes('<!-- wp:') ? renderBlocks(text, state) : classicToHtml(text, state);
  // Shortcodes written inside blocks (WordPress runs do_shortcode over the whole rendered content).
  html = placePieces(autoembedParagraphs(withShortcodes(html, state)), state);
  // An escaped shortcode ([[gallery]]) is shown as text with single brackets, as WordPress does.
  html = html.replace(/\[\[([a-zA-Z][\w-]*[^\]]*)\]\]/g, '[$1]').replace(/\[\[(\/[a-zA-Z][\w-]*)\]\]/g, '[$1]');
  html = dropStrayBreaks(html);
  // One newline between blocks (blank lines only inside <pre>, where they are text).
  html = maskPre(sanitizeArticleHtml(html).replace(/<p>(?:\s|&nbsp;|<br \/>)*<\/p>/g, ''), (part) => part.replace(/\n\s*\n/g, '\n')).trim();
  return { html, removedShortcodes: [...state.removed].sort() };
}

// ---------------------------------------------------------------------------------------------------
// Classic content

/** Classic-editor text (or a freeform block): bare video URLs, shortcodes, then WordPress's wpautop. */
function classicToHtml(text: string, state: State): string {
  if (!text.trim()) return '';
  const withEmbeds = maskPre(text, (part) =>
    part.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm, (line, url: string) => (isEmbedUrl(url) ? blockPiece(state, embedFigure(url, '')) : line)),
  );
  const withCodes = withShortcodes(withEmbeds, state, true);
  return placePieces(autop(withCodes), state);
}

/** Runs `edit` over the text outside <pre> elements (code samples keep their shortcodes and URLs). */
function maskPre(text: string, edit: (part: string) => string): string {
  return text
    .split(/(<pre[\s>][\s\S]*?<\/pre>)/i)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join('');
}

/** A figure that must stand alone between paragraphs: stored aside, a placeholder on its own line meanwhile. */
function blockPiece(state: State, html: string, standalone = true): string {
  state.pieces.push(html);
  const token = TOKEN(state.pieces.length - 1);
  return standalone ? `\n\n${token}\n\n` : token;
}

/** Puts the stored figures back: a placeholder alone in a paragraph replaces it; one inside a paragraph splits it. */
function placePieces(html: string, state: State): string {
  if (!html.includes('\u0002')) return html;
  let out = html.replace(/<p>\s*((?:\u0002wpblock\d+\u0003\s*(?:<br \/>)?\s*)+)<\/p>/g, (_m, tokens: string) => tokens.replace(/<br \/>/g, ''));
  // A placeholder still inside an open paragraph closes it and opens a new one after the figure.
  let result = '';
  let last = 0;
  for (const m of out.matchAll(TOKEN_RE)) {
    const before = out.slice(0, m.index);
    const open = before.lastIndexOf('<p');
    const insideP = open !== -1 && open > before.lastIndexOf('</p>') && /^<p[\s>]/.test(before.slice(open, open + 3));
    const piece = state.pieces[Number(m[1])] ?? '';
    result += out.slice(last, m.index) + (insideP ? `</p>\n${piece}\n<p>` : `\n${piece}\n`);
    last = m.index + m[0].length;
  }
  out = result + out.slice(last);
  return out
    .replace(/<p>(?:\s|<br \/>)*<\/p>/g, '')
    .replace(/<p>[ \t]+/g, '<p>')
    .replace(/[ \t]+<\/p>/g, '</p>');
}

// ---------------------------------------------------------------------------------------------------
// Shortcodes

/** Shortcodes WordPress core and the commonest plugins register; any of them is a shortcode even bare. */
const KNOWN_SHORTCODES = new Set([
  'audio',
  'video',
  'playlist',
  'wp_caption',
  'contact-form',
  'contact-form-7',
  'gravityform',
  'ninja_form',
  'wpforms',
  'youtube',
  'vimeo',
  'tweet',
  'instagram',
  'soundcloud',
  'googlemaps',
  'slideshow',
  'toc',
  'ad',
  'adsense',
  'related',
  'subscribe',
  'mailchimp',
  'fusion_builder_container',
  'one_half',
  'one_third',
  'two_thirds',
  'one_fourth',
  'button',
  'box',
  'tabs',
  'tab',
  'accordion',
  'pullquote',
  'dropcap',
  'highlight',
  'spoiler',
  'more',
]);

/**
 * Is this bracketed text a shortcode? WordPress strips only the shortcodes a site registered, which an
 * export does not list, so "[sic]" or "[1]" in a sentence must stay: a known name, a closing tag, named
 * attributes or a builder-style name (vc_row, et_pb_text) make it a shortcode.
 */
function looksLikeShortcode(s: shortcode.Shortcode): boolean {
  return KNOWN_SHORTCODES.has(s.tag.toLowerCase()) || s.type === 'closed' || Object.keys(s.attrs.named).length > 0 || /[_]/.test(s.tag);
}

function withShortcodes(text: string, state: State, classic = false): string {
  if (!text.includes('[')) return text;
  return maskPre(text, (part) => {
    let out = part;
    // Nested shortcodes come out with their parent's kept content: a few rounds reach them.
    for (let round = 0; round < 5; round++) {
      const names = new Set([...out.matchAll(/\[(?!\[)([a-zA-Z][\w-]*)[\s\]\/]/g)].map((m) => m[1]));
      if (names.size === 0) break;
      const before = out;
      // The parser keeps a match as it was when the callback gives undefined (its replace(): `result || result === ''`).
      for (const name of names) out = shortcode.replace(name, out, (s) => renderShortcode(s, state, classic) as string);
      if (out === before) break;
    }
    return out;
  });
}

function renderShortcode(s: shortcode.Shortcode, state: State, classic: boolean): string | undefined {
  const tag = s.tag.toLowerCase();
  if (tag === 'caption' || tag === 'wp_caption') {
    const figure = captionFigure(s);
    return figure === null ? remove(state, s) : blockPiece(state, figure, classic);
  }
  if (tag === 'gallery') {
    const figure = galleryFigure(s, state.ctx);
    return figure === null ? remove(state, s) : blockPiece(state, figure, classic);
  }
  if (tag === 'embed') {
    const url = (s.content ?? '').trim() || s.attrs.named.src || s.attrs.named.url || '';
    return isHttpUrl(url) ? blockPiece(state, embedFigure(url, ''), classic) : remove(state, s);
  }
  if (tag === 'video' || tag === 'audio') {
    const named = s.attrs.named;
    const url = named.src || named.mp4 || named.m4v || named.webm || named.ogv || named.mp3 || named.ogg || named.m4a || named.wav || '';
    if (isHttpUrl(url)) return blockPiece(state, embedFigure(url, ''), classic);
  }
  if (!looksLikeShortcode(s)) return undefined;
  return remove(state, s);
}

/** Drops a shortcode, keeping text written between its tags (a builder's box keeps its words), and notes its name. */
function remove(state: State, s: shortcode.Shortcode): string {
  state.removed.add(s.tag.toLowerCase());
  return s.type === 'closed' && s.tag !== 'video' && s.tag !== 'audio' ? (s.content ?? '') : '';
}

/** [caption]<img …> Text[/caption] (or caption="Text") as a figure with its caption, like img_caption_shortcode. */
function captionFigure(s: shortcode.Shortcode): string | null {
  const content = (s.content ?? '').trim();
  const m = /^((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(content);
  if (!m) return null;
  const caption = (m[2].trim() || s.attrs.named.caption || '').trim();
  return `<figure>${m[1]}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/** [gallery ids="1,2,3" columns="3"] as a grid of the imported attachments; null when none of them is known. */
function galleryFigure(s: shortcode.Shortcode, ctx: WordPressContentContext): string | null {
  const named = s.attrs.named;
  const idList = named.ids || named.include;
  const ids = idList ? idList.split(/[\s,]+/).filter((id) => /^\d+$/.test(id)) : (ctx.postAttachmentIds?.() ?? []);
  const items = ids.flatMap((id) => {
    const a = ctx.attachment?.(id);
    return a && isHttpUrl(a.url) ? [imageFigure(a)] : [];
  });
  if (items.length === 0) return null;
  const columns = Number(named.columns) || 3;
  return galleryMarkup(items, columns, '');
}

export function imageFigure(a: WordPressAttachment): string {
  const caption = a.caption.trim();
  return `<figure class="wp-block-image"><img src="${escapeAttr(a.url)}" alt="${escapeAttr(a.alt)}" />${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/** One markup for every gallery (shortcode, old and new gallery blocks, Ghost's gallery card), which the prose styles lay out. */
export function galleryMarkup(items: string[], columns: number, caption: string): string {
  const cols = Math.min(Math.max(Math.round(columns), 1), 4);
  return `<figure class="wp-block-gallery columns-${Math.min(cols, items.length)}">${items.join('')}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

// ---------------------------------------------------------------------------------------------------
// Embeds: links, never fetched

const EMBED_HOSTS = [
  'youtube.com',
  'youtu.be',
  'vimeo.com',
  'dailymotion.com',
  'dai.ly',
  'ted.com',
  'tiktok.com',
  'twitter.com',
  'x.com',
  'instagram.com',
  'facebook.com',
  'soundcloud.com',
  'spotify.com',
  'mixcloud.com',
  'flickr.com',
  'flic.kr',
  'videopress.com',
  'wordpress.tv',
  'twitch.tv',
  'reddit.com',
  'tumblr.com',
  'imgur.com',
  'issuu.com',
  'scribd.com',
  'slideshare.net',
  'speakerdeck.com',
  'kickstarter.com',
  'pinterest.com',
  'bsky.app',
];

/** A URL that WordPress would turn into an embedded player or post (its oEmbed providers). */
export function isEmbedUrl(url: string): boolean {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    host = u.hostname.toLowerCase().replace(/^www\.|^m\./, '');
  } catch {
    return false;
  }
  return EMBED_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

const isHttpUrl = (url: string) => /^https?:\/\/[^\s<>"]+$/i.test(url);

function embedFigure(url: string, caption: string): string {
  const safe = escapeAttr(url);
  return `<figure class="wp-block-embed"><a href="${safe}">${safe}</a>${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/** A paragraph holding nothing but an embeddable URL (WordPress's autoembed on block content). */
function autoembedParagraphs(html: string): string {
  return html.replace(/<p>\s*(https?:\/\/[^\s<>"]+)\s*<\/p>/g, (p, url: string) => (isEmbedUrl(url) ? embedFigure(url, '') : p));
}

// ---------------------------------------------------------------------------------------------------
// Blocks

type Block = ReturnType<typeof parseBlocks>[number];

function renderBlocks(text: string, state: State): string {
  return parseBlocks(text)
    .map((b) => renderBlock(b, state))
    .filter((s) => s.trim())
    .join('\n');
}

/** The block's saved markup with its inner blocks in their places (what WordPress serves for a static block). */
function savedMarkup(block: Block, state: State): string {
  let i = 0;
  return block.innerContent.map((chunk) => (chunk === null ? renderBlock(block.innerBlocks[i++], state) : chunk)).join('');
}

function renderBlock(block: Block, state: State): string {
  const name = block.blockName;
  const attrs = (block.attrs ?? {}) as Record<string, unknown>;
  // Classic content between blocks (and the classic block): paragraphed like the editor does.
  if (name === null || name === 'core/freeform') return classicToHtml(block.innerHTML, state);
  switch (name) {
    case 'core/shortcode':
      return classicToHtml(block.innerHTML, state);
    case 'core/more':
    case 'core/nextpage':
      return '';
    case 'core/embed':
    case 'core/video':
    case 'core/audio':
      return mediaLink(block, attrs, state);
    case 'core/gallery':
      return renderGallery(block, attrs, state);
    case 'core/cover':
      return renderCover(block, attrs, state);
    default:
      if (name.startsWith('core-embed/')) return mediaLink(block, attrs, state);
      // Every other block (core ones and unknown ones alike) keeps its saved inner HTML.
      return savedMarkup(block, state).trim();
  }
}

const captionOf = (html: string) => /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i.exec(html)?.[1]?.trim() ?? '';

/** An embed, video or audio block as a link to it, with its caption. */
function mediaLink(block: Block, attrs: Record<string, unknown>, state: State): string {
  const html = block.innerHTML;
  const fromAttrs = typeof attrs.url === 'string' ? attrs.url : typeof attrs.src === 'string' ? attrs.src : '';
  const fromHtml = /wp-block-embed__wrapper">\s*(https?:\/\/[^\s<"]+)/.exec(html)?.[1] ?? /\ssrc="(https?:\/\/[^"]+)"/.exec(html)?.[1] ?? '';
  const url = (fromAttrs || fromHtml).trim();
  if (!isHttpUrl(url)) {
    state.removed.add(block.blockName ?? 'embed');
    return '';
  }
  return embedFigure(url, captionOf(html));
}

function renderGallery(block: Block, attrs: Record<string, unknown>, state: State): string {
  const html = savedMarkup(block, state);
  let items: string[];
  if (block.innerBlocks.length > 0) {
    // WordPress 5.9 and later: each image is its own image block.
    items = block.innerBlocks.map((b) => renderBlock(b, state)).filter((s) => s.includes('<img'));
    items = items.map((s) => s.replace(/^<figure\b[^>]*>/, '<figure class="wp-block-image">'));
  } else {
    // Before 5.9: a list of figures.
    items = [...html.matchAll(/<li\b[^>]*>\s*([\s\S]*?)\s*<\/li>/gi)]
      .map((m) => m[1].trim())
      .filter((s) => s.includes('<img'))
      .map((s) =>
        s.startsWith('<figure') ? s.replace(/^<figure\b[^>]*>/, '<figure class="wp-block-image">') : `<figure class="wp-block-image">${s}</figure>`,
      );
  }
  if (items.length === 0) return '';
  // The gallery's own caption comes after the last image.
  const tail = block.innerBlocks.length > 0 ? String(block.innerContent.at(-1) ?? '') : html.slice(html.lastIndexOf('</ul>'));
  const caption = captionOf(tail);
  const columns = typeof attrs.columns === 'number' ? attrs.columns : Math.min(items.length, 3);
  return galleryMarkup(items, columns, caption);
}

/** A cover: its image (a style attribute in older saves, which the sanitizer would drop) with the text over it. */
function renderCover(block: Block, attrs: Record<string, unknown>, state: State): string {
  const html = block.innerHTML;
  const isVideo = attrs.backgroundType === 'video';
  const url =
    (typeof attrs.url === 'string' ? attrs.url : '') ||
    /background-image:\s*url\(\s*['"]?([^'")]+)['"]?\s*\)/i.exec(html)?.[1] ||
    /<img\b[^>]*class="[^"]*wp-block-cover__image-background[^"]*"[^>]*>/i.exec(html)?.[0]?.match(/\ssrc="([^"]+)"/)?.[1] ||
    '';
  const alt = typeof attrs.alt === 'string' ? attrs.alt : '';
  const inner =
    block.innerBlocks.length > 0
      ? block.innerBlocks.map((b) => renderBlock(b, state)).join('\n')
      : html
          .replace(/<img\b[^>]*>/gi, '')
          .replace(/<\/?(?:div|span)\b[^>]*>/gi, '')
          .trim();
  const image = !isVideo && isHttpUrl(url) ? `<img class="wp-block-cover__image-background" src="${escapeAttr(url)}" alt="${escapeAttr(alt)}" />` : '';
  return `<div class="wp-block-cover">${image}<div class="wp-block-cover__inner-container">${inner}</div></div>`;
}

// ---------------------------------------------------------------------------------------------------
// Line breaks

const BLOCK_TAGS =
  'address|article|aside|blockquote|caption|col|colgroup|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|legend|li|main|menu|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul';

/**
 * No <br> next to a block tag (it would open a blank line between blocks), and none inside a table, list
 * or definition list outside <pre> (the browser moves a table's stray breaks above it).
 */
export function dropStrayBreaks(html: string): string {
  const around = new RegExp(`(?:<br\\s*\\/?>\\s*)+(?=<\\/?(?:${BLOCK_TAGS})\\b)|(?<=<\\/?(?:${BLOCK_TAGS})\\b[^>]*>)(?:\\s*<br\\s*\\/?>)+`, 'gi');
  let depth = 0;
  let inPre = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      const tag = /^<(\/?)([a-zA-Z][\w-]*)/.exec(part);
      if (!tag) return part;
      const name = tag[2].toLowerCase();
      const closing = tag[1] === '/';
      if (name === 'pre') inPre += closing ? -1 : 1;
      else if (/^(table|ul|ol|dl)$/.test(name)) depth += closing ? -1 : 1;
      else if (name === 'br' && depth > 0 && inPre <= 0) return ' ';
      return part;
    })
    .join('')
    .replace(around, (m) => (/\n/.test(m) ? '\n' : ''));
}

function escapeAttr(s: string): string {
  return s.replace(/&(?!(?:#\d+|#x[0-9a-f]+|[a-z]+);)/gi, '&amp;').replace(/["<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}
