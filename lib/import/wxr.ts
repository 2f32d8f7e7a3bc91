/**
 * WordPress export (WXR) reading: a streaming XML parser that hands over one <item> at a time (the
 * file is never held whole), and the pure mapping from WordPress's fields to ours. No database here:
 * db/queries/import-wxr.ts does the writes.
 */
import { SaxesParser } from 'saxes';
import sanitizeHtml from 'sanitize-html';
import { z } from 'zod';
import type { ArticleStatus, PageStatus, ReplyStatus } from '@/db/enums';
import type { ImportedAttachment, ImportedComment, ImportedPage, ImportedPost, ImportedTerm } from './types';
import { wordpressContentToHtml, type WordPressContentContext } from './wordpress-content';
import { normaliseLegacyPath } from '@/lib/redirects/registry';
import { slugify } from '@/lib/slug';

export type WxrRawAuthor = { login: string; email: string; displayName: string; /** wp:author_id, for /?author=N addresses. */ id: string };
/** A channel-level term (wp:category, wp:tag or wp:term), for /?cat=N and archive addresses. */
export type WxrRawChannelTerm = { id: string; taxonomy: string; slug: string; name: string };
export type WxrRawTerm = { domain: string; nicename: string; name: string };
export type WxrRawComment = {
  id: string;
  parent: string;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  dateGmt: string;
  date: string;
  content: string;
  approved: string;
  type: string;
};
export type WxrRawItem = {
  /** Line of the <item> tag, for messages. */
  line: number;
  title: string;
  link: string;
  guid: string;
  creator: string;
  content: string;
  excerpt: string;
  postId: string;
  postDateGmt: string;
  postDate: string;
  pubDate: string;
  postName: string;
  status: string;
  postType: string;
  postParent: string;
  attachmentUrl: string;
  /** The few wp:postmeta values the import reads (META_KEYS); others are not kept. */
  meta: Record<string, string>;
  terms: WxrRawTerm[];
  comments: WxrRawComment[];
};

export type WxrEvent =
  { kind: 'site'; site: string } | { kind: 'author'; author: WxrRawAuthor } | { kind: 'term'; term: WxrRawChannelTerm } | { kind: 'item'; item: WxrRawItem };

/** Post meta worth reading: the featured image, and an attachment's alt text. */
const META_KEYS = new Set(['_thumbnail_id', '_wp_attachment_image_alt']);

/** A file that is not well-formed XML or not a WordPress export; `line` is 1-based. */
export class WxrSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'WxrSyntaxError';
  }
}

const emptyItem = (line: number): WxrRawItem => ({
  line,
  title: '',
  link: '',
  guid: '',
  creator: '',
  content: '',
  excerpt: '',
  postId: '',
  postDateGmt: '',
  postDate: '',
  pubDate: '',
  postName: '',
  status: '',
  postType: '',
  postParent: '',
  attachmentUrl: '',
  meta: {},
  terms: [],
  comments: [],
});

const emptyComment = (): WxrRawComment => ({
  id: '',
  parent: '',
  authorName: '',
  authorEmail: '',
  authorUrl: '',
  dateGmt: '',
  date: '',
  content: '',
  approved: '',
  type: '',
});

const ITEM_FIELDS: Record<string, keyof WxrRawItem> = {
  title: 'title',
  link: 'link',
  guid: 'guid',
  'dc:creator': 'creator',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'postId',
  'wp:post_date_gmt': 'postDateGmt',
  'wp:post_date': 'postDate',
  pubDate: 'pubDate',
  'wp:post_name': 'postName',
  'wp:status': 'status',
  'wp:post_type': 'postType',
  'wp:post_parent': 'postParent',
  'wp:attachment_url': 'attachmentUrl',
};
const COMMENT_FIELDS: Record<string, keyof WxrRawComment> = {
  'wp:comment_id': 'id',
  'wp:comment_parent': 'parent',
  'wp:comment_author': 'authorName',
  'wp:comment_author_email': 'authorEmail',
  'wp:comment_author_url': 'authorUrl',
  'wp:comment_date_gmt': 'dateGmt',
  'wp:comment_date': 'date',
  'wp:comment_content': 'content',
  'wp:comment_approved': 'approved',
  'wp:comment_type': 'type',
};
const AUTHOR_FIELDS: Record<string, keyof WxrRawAuthor> = {
  'wp:author_login': 'login',
  'wp:author_email': 'email',
  'wp:author_display_name': 'displayName',
  'wp:author_id': 'id',
};
// Channel-level terms: wp:category, wp:tag and wp:term each name their fields differently.
const CHANNEL_TERM_FIELDS: Record<string, keyof WxrRawChannelTerm> = {
  'wp:term_id': 'id',
  'wp:category_nicename': 'slug',
  'wp:cat_name': 'name',
  'wp:tag_slug': 'slug',
  'wp:tag_name': 'name',
  'wp:term_taxonomy': 'taxonomy',
  'wp:term_slug': 'slug',
  'wp:term_name': 'name',
};
const CHANNEL_TERM_TAXONOMY: Record<string, string> = { 'wp:category': 'category', 'wp:tag': 'post_tag', 'wp:term': '' };

/**
 * Feed it the file chunk by chunk; it calls `onEvent` for the site address, each channel-level
 * author and each complete <item> (with its comments), in file order. Memory holds one item.
 */
export class WxrStreamParser {
  private readonly parser: SaxesParser;
  private readonly stack: string[] = [];
  private text = '';
  private item: WxrRawItem | null = null;
  private comment: WxrRawComment | null = null;
  private author: WxrRawAuthor | null = null;
  private term: WxrRawTerm | null = null;
  private channelTerm: WxrRawChannelTerm | null = null;
  private metaKey = '';
  private sawChannel = false;
  private siteSent = false;
  private channelLink = '';
  private blogUrl = '';
  private baseSiteUrl = '';

  constructor(
    private readonly file: string,
    private readonly onEvent: (event: WxrEvent) => void,
  ) {
    this.parser = new SaxesParser({ position: true });
    this.parser.on('error', (err) => {
      // saxes prefixes "line:column: "; we report our own position.
      throw new WxrSyntaxError(this.file, this.parser.line, this.parser.column + 1, err.message.replace(/^\d+:\d+: /, ''));
    });
    this.parser.on('opentag', (tag) => this.open(tag.name, tag.attributes as Record<string, string>));
    this.parser.on('closetag', (tag) => this.close(tag.name));
    this.parser.on('text', (t) => (this.text += t));
    this.parser.on('cdata', (t) => (this.text += t));
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  /** Call at the end of the file: fails on a truncated file or one that is not a WordPress export. */
  end(): void {
    this.parser.close();
    if (!this.sawChannel) throw new WxrSyntaxError(this.file, this.parser.line, 1, 'not a WordPress export: no <rss><channel> element');
  }

  private get parent(): string | undefined {
    return this.stack[this.stack.length - 1];
  }

  private open(name: string, attributes: Record<string, string>) {
    const depth = this.stack.length;
    if (depth === 0 && name !== 'rss') this.fail(`not a WordPress export: the root element is <${name}>, not <rss>`);
    if (name === 'channel' && this.parent === 'rss') this.sawChannel = true;
    // The site's addresses come first in an export: by its first author, term or item the key is known.
    if (this.parent === 'channel' && (name === 'item' || name === 'wp:author' || Object.hasOwn(CHANNEL_TERM_TAXONOMY, name))) this.sendSite();
    if (name === 'item' && this.parent === 'channel') {
      this.item = emptyItem(this.parser.line);
    } else if (name === 'wp:comment' && this.item && this.parent === 'item') this.comment = emptyComment();
    else if (name === 'wp:author' && this.parent === 'channel') this.author = { login: '', email: '', displayName: '', id: '' };
    else if (Object.hasOwn(CHANNEL_TERM_TAXONOMY, name) && this.parent === 'channel')
      this.channelTerm = { id: '', taxonomy: CHANNEL_TERM_TAXONOMY[name], slug: '', name: '' };
    else if (name === 'wp:postmeta' && this.item && this.parent === 'item') this.metaKey = '';
    else if (name === 'category' && this.item && this.parent === 'item') {
      this.term = { domain: attributes.domain ?? 'category', nicename: attributes.nicename ?? '', name: '' };
    }
    this.stack.push(name);
    this.text = '';
  }

  private close(name: string) {
    this.stack.pop();
    const value = this.text;
    this.text = '';
    if (this.comment) {
      if (name === 'wp:comment') {
        this.item!.comments.push(this.comment);
        this.comment = null;
      } else if (COMMENT_FIELDS[name] && this.parent === 'wp:comment') this.comment[COMMENT_FIELDS[name]] = value;
      return;
    }
    if (this.term && name === 'category') {
      this.term.name = value;
      this.item!.terms.push(this.term);
      this.term = null;
      return;
    }
    if (this.item) {
      if (name === 'item') {
        const item = this.item;
        this.item = null;
        this.onEvent({ kind: 'item', item });
      } else if (this.parent === 'item' && ITEM_FIELDS[name]) {
        (this.item[ITEM_FIELDS[name]] as string) = value;
      } else if (this.parent === 'wp:postmeta') {
        if (name === 'wp:meta_key') this.metaKey = value.trim();
        else if (name === 'wp:meta_value' && META_KEYS.has(this.metaKey)) this.item.meta[this.metaKey] = value;
      }
      return;
    }
    if (this.channelTerm) {
      if (Object.hasOwn(CHANNEL_TERM_TAXONOMY, name) && this.parent === 'channel') {
        this.onEvent({ kind: 'term', term: this.channelTerm });
        this.channelTerm = null;
      } else if (CHANNEL_TERM_FIELDS[name]) this.channelTerm[CHANNEL_TERM_FIELDS[name]] = value.trim();
      return;
    }
    if (this.author) {
      if (name === 'wp:author') {
        this.onEvent({ kind: 'author', author: this.author });
        this.author = null;
      } else if (AUTHOR_FIELDS[name]) this.author[AUTHOR_FIELDS[name]] = value.trim();
      return;
    }
    if (this.parent === 'channel') {
      // The blog's own address keys its ids: on WordPress.com every blog's base_site_url is wordpress.com.
      if (name === 'wp:base_blog_url') this.blogUrl = value.trim();
      else if (name === 'wp:base_site_url') this.baseSiteUrl = value.trim();
      else if (name === 'link') this.channelLink = value.trim();
    }
  }

  private sendSite() {
    if (this.siteSent) return;
    this.siteSent = true;
    this.onEvent({ kind: 'site', site: siteKey(this.blogUrl || this.baseSiteUrl || this.channelLink || 'unknown') });
  }

  private fail(reason: string): never {
    throw new WxrSyntaxError(this.file, this.parser.line, this.parser.column + 1, reason);
  }
}

/** The export's site, as the key its ids are unique under: host and path, without scheme or trailing slash. */
export function siteKey(url: string): string {
  return (
    url
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/\/+$/, '')
      .toLowerCase() || 'unknown'
  );
}

// ---------------------------------------------------------------------------------------------
// Mapping WordPress's fields to ours (pure).

export const MAX_TITLE_LENGTH = 300;
export const MAX_BODY_LENGTH = 200_000;
export const MAX_REPLY_DEPTH = 5;

const STATUS: Record<string, ArticleStatus> = {
  publish: 'published',
  draft: 'draft',
  pending: 'review',
  future: 'scheduled',
  private: 'unpublished',
};
const COMMENT_STATUS: Record<string, ReplyStatus> = { '1': 'approved', '0': 'pending', spam: 'spam', trash: 'trash', 'post-trashed': 'trash' };

export type WxrTerm = ImportedTerm;
export type WxrComment = ImportedComment;
export type WxrPost = ImportedPost;

/** What mapping an item may look up from the rest of the file (collected by the first pass). */
/**
 * What mapping an item may look up from the rest of the file (collected by the first pass): an
 * attachment by its WordPress id, and the attachments uploaded to this item (for a [gallery] with no ids).
 */
export type WxrMapContext = WordPressContentContext;

export type MappedPost = { ok: true; post: WxrPost } | { ok: false; reason: string };

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  eacute: 'é',
};

/** Decodes the HTML entities WordPress leaves in titles and comments (text, not markup, afterwards). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Text with no control characters and single spaces. */
const cleanLine = (s: string) =>
  s
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A WordPress date ("2024-05-01 09:30:00", GMT) or an RSS date; null for WordPress's zero date. */
export function parseWpDate(gmt: string, ...fallbacks: string[]): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(gmt.trim());
  if (m && m[1] !== '0000') {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
    if (!Number.isNaN(d.getTime())) return d;
  }
  for (const f of fallbacks) {
    if (!f.trim() || f.startsWith('0000')) continue;
    const d = parseWpDate(f);
    if (d) return d;
    const rss = Date.parse(f);
    if (!Number.isNaN(rss)) return new Date(rss);
  }
  return null;
}

/** WordPress content as sanitized article HTML (lib/import/wordpress-content.ts); the shortcodes it removed are dropped here. */
export function wordpressContentToBody(content: string, ctx: WxrMapContext = {}): string {
  return wordpressContentToHtml(content, ctx).html;
}

/** A comment's HTML as reply text: links keep their address, every other tag goes, entities are decoded. */
export function commentHtmlToText(html: string): string {
  const withLinks = html.replace(/<a\s[^>]*href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi, (_m, href: string, text: string) => {
    const label = text.replace(/<[^>]*>/g, '').trim();
    return label && label !== href ? `${label} (${href})` : href;
  });
  const text = sanitizeHtml(withLinks.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*/gi, '\n\n'), { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/[^\P{Cc}\n]/gu, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The path of an old permalink worth a 301 (not the site root, not a ?p=123 address). */
export function permalinkPath(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.search && (url.pathname === '/' || url.pathname === '')) return null;
  const path = normaliseLegacyPath(url.pathname);
  return path === '/' ? null : path;
}

const CommentSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^\d{1,19}$/, 'comment has no numeric id'),
  parent: z.string().trim(),
  type: z.string().trim(),
  approved: z.string().trim(),
});

function mapComment(raw: WxrRawComment, postDate: Date | null): { ok: true; comment: WxrComment } | { ok: false; sourceId: string; reason: string } {
  const checked = CommentSchema.safeParse(raw);
  if (!checked.success) return { ok: false, sourceId: raw.id || '?', reason: checked.error.issues[0].message };
  const { id, parent, type, approved } = checked.data;
  if (type === 'pingback' || type === 'trackback') return { ok: false, sourceId: id, reason: `${type}s are not replies` };
  const status = COMMENT_STATUS[approved];
  if (!status) return { ok: false, sourceId: id, reason: `comment status "${approved}" is not known` };
  const body = commentHtmlToText(raw.content);
  if (!body) return { ok: false, sourceId: id, reason: 'empty comment' };
  const url = raw.authorUrl.trim();
  return {
    ok: true,
    comment: {
      sourceId: id,
      parentSourceId: /^[1-9]\d*$/.test(parent) ? parent : null,
      authorName: cleanLine(decodeEntities(raw.authorName)).slice(0, 100) || 'Anonymous',
      authorEmail: raw.authorEmail.trim().toLowerCase().slice(0, 254),
      authorUrl: /^https?:\/\/\S+$/i.test(url) ? url.slice(0, 500) : null,
      body: body.slice(0, 20_000),
      status,
      createdAt: parseWpDate(raw.dateGmt, raw.date) ?? postDate ?? new Date(0),
    },
  };
}

const ItemSchema = z.object({
  postType: z.string().trim(),
  postId: z
    .string()
    .trim()
    .regex(/^\d{1,19}$/, 'post has no numeric wp:post_id'),
  status: z.string().trim(),
});

/** One <item> as an article with its comments, or why it is left out. */
export function mapItem(raw: WxrRawItem, ctx: WxrMapContext = {}): MappedPost {
  const checked = ItemSchema.safeParse(raw);
  if (!checked.success) return { ok: false, reason: checked.error.issues[0].message };
  const { postType, postId, status: wpStatus } = checked.data;
  if (postType !== 'post') return { ok: false, reason: `post type "${postType || 'none'}" is not an article` };
  const status = STATUS[wpStatus];
  if (!status) return { ok: false, reason: `status "${wpStatus || 'none'}" is not imported` };

  const title = titleText(raw.title);
  const titleChars = Array.from(title || `Untitled (WordPress post ${postId})`);
  const finalTitle = titleChars.length > MAX_TITLE_LENGTH ? titleChars.slice(0, MAX_TITLE_LENGTH - 1).join('') + '…' : titleChars.join('');
  const { html: body, removedShortcodes } = wordpressContentToHtml(raw.content, ctx);
  if (body.length > MAX_BODY_LENGTH) return { ok: false, reason: `body longer than ${MAX_BODY_LENGTH.toLocaleString('en-GB')} characters` };

  let nameSlug = '';
  try {
    nameSlug = slugify(decodeURIComponent(raw.postName));
  } catch {
    nameSlug = slugify(raw.postName);
  }
  const date = parseWpDate(raw.postDateGmt, raw.postDate, raw.pubDate);
  // A draft has no publication time; a published post without a date goes out as of now (the importer decides "now").
  const publishedAt = status === 'draft' || status === 'review' ? null : date;

  const categories: WxrTerm[] = [];
  const tags: WxrTerm[] = [];
  for (const t of raw.terms) {
    const name = cleanLine(decodeEntities(t.name)).slice(0, 80);
    const slug = slugify(decodeURIComponentSafe(t.nicename)) || slugify(name);
    if (!slug || !name) continue;
    if (t.domain === 'category') categories.push({ slug, name });
    else if (t.domain === 'post_tag') tags.push({ slug, name });
  }
  // One section per article: the first real category; WordPress's placeholder is not a section,
  // and further categories are kept as tags.
  const realCategories = categories.filter((c) => c.slug !== 'uncategorized');
  const [section = null, ...otherCategories] = realCategories;
  const allTags = [...tags, ...otherCategories].filter((t, i, all) => all.findIndex((o) => o.slug === t.slug) === i);

  const comments: WxrComment[] = [];
  const skippedComments: { sourceId: string; reason: string }[] = [];
  for (const c of raw.comments) {
    const mapped = mapComment(c, date);
    if (mapped.ok) comments.push(mapped.comment);
    else skippedComments.push({ sourceId: mapped.sourceId, reason: mapped.reason });
  }

  const excerpt = cleanLine(sanitizeHtml(raw.excerpt, { allowedTags: [], allowedAttributes: {} }));
  const thumbnail = raw.meta._thumbnail_id?.trim();
  const permalink = permalinkPath(raw.link);
  return {
    ok: true,
    post: {
      sourceId: postId,
      title: finalTitle,
      slug: nameSlug || slugify(finalTitle) || `post-${postId}`,
      body,
      bodyFormat: 'html',
      removedShortcodes,
      standfirst: decodeEntities(excerpt).slice(0, 600),
      status,
      publishedAt,
      creator: raw.creator.trim(),
      section,
      tags: allTags,
      cover: (thumbnail && ctx.attachment?.(thumbnail)) || null,
      oldPaths: [`/?p=${postId}`, ...(permalink ? [permalink] : [])],
      comments,
      skippedComments,
    },
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A title as one clean line, cut to the longest we keep. */
/** A title as text: WordPress renders titles as HTML ("Title <em>With</em> Markup"); the words stay, the tags go. */
function titleText(raw: string): string {
  return cleanLine(decodeEntities(sanitizeHtml(raw, { allowedTags: [], allowedAttributes: {} })));
}

function mapTitle(raw: string, fallback: string): string {
  const title = titleText(raw);
  const chars = Array.from(title || fallback);
  return chars.length > MAX_TITLE_LENGTH ? chars.slice(0, MAX_TITLE_LENGTH - 1).join('') + '…' : chars.join('');
}

const PAGE_STATUS: Record<string, PageStatus> = { publish: 'published', draft: 'draft', pending: 'draft', future: 'draft', private: 'draft' };

export type MappedPage = { ok: true; page: ImportedPage } | { ok: false; reason: string };

/** A WordPress page (post_type page) as one of our pages: published stays published, the rest are drafts. */
export function mapPage(raw: WxrRawItem, ctx: WxrMapContext = {}): MappedPage {
  const checked = ItemSchema.safeParse(raw);
  if (!checked.success) return { ok: false, reason: checked.error.issues[0].message };
  const { postType, postId, status: wpStatus } = checked.data;
  if (postType !== 'page') return { ok: false, reason: `post type "${postType || 'none'}" is not a page` };
  const status = PAGE_STATUS[wpStatus];
  if (!status) return { ok: false, reason: `page status "${wpStatus || 'none'}" is not imported` };
  const title = mapTitle(raw.title, `Untitled (WordPress page ${postId})`);
  const { html: body, removedShortcodes } = wordpressContentToHtml(raw.content, ctx);
  if (body.length > MAX_BODY_LENGTH) return { ok: false, reason: `body longer than ${MAX_BODY_LENGTH.toLocaleString('en-GB')} characters` };
  const permalink = permalinkPath(raw.link);
  // A child page's permalink is /parent/child: its own slug is the last part.
  const name = slugify(decodeURIComponentSafe(raw.postName));
  return {
    ok: true,
    page: {
      sourceId: postId,
      title,
      slug: name || slugify(title) || `page-${postId}`,
      body,
      bodyFormat: 'html',
      removedShortcodes,
      status,
      publishedAt: status === 'published' ? parseWpDate(raw.postDateGmt, raw.postDate, raw.pubDate) : null,
      creator: raw.creator.trim(),
      oldPaths: [`/?page_id=${postId}`, `/?p=${postId}`],
      permalink,
    },
  };
}

/** An attachment item (post_type attachment): its file's address, alt text (post meta) and caption (excerpt). */
export function mapAttachment(raw: WxrRawItem): ImportedAttachment | null {
  const id = raw.postId.trim();
  const url = (raw.attachmentUrl || raw.guid).trim();
  if (raw.postType.trim() !== 'attachment' || !/^\d{1,19}$/.test(id) || !/^https?:\/\//i.test(url)) return null;
  return {
    sourceId: id,
    url,
    alt: cleanLine(decodeEntities(raw.meta._wp_attachment_image_alt ?? '')).slice(0, 300),
    caption: cleanLine(decodeEntities(sanitizeHtml(raw.excerpt, { allowedTags: [], allowedAttributes: {} }))).slice(0, 600),
    title: cleanLine(decodeEntities(raw.title)).slice(0, 300),
    parent: raw.postParent.trim(),
  };
}

/** The slug our section or tag gets for a WordPress term (as mapItem makes it). */
export function termSlug(nicename: string, name: string): string {
  return slugify(decodeURIComponentSafe(nicename)) || slugify(cleanLine(decodeEntities(name)));
}

/**
 * The old addresses of a channel-level category or tag: /?cat=N, /category/{nicename} and its feed, or
 * /?tag={slug}, /tag/{slug} and its feed. Keys are decoded paths without a trailing slash.
 */
export function termOldPaths(term: WxrRawChannelTerm): { path: string; feed: boolean }[] {
  const nicename = decodeURIComponentSafe(term.slug.trim());
  if (!nicename || /[/?#]/.test(nicename)) return [];
  if (term.taxonomy === 'category') {
    return [
      ...(/^\d{1,19}$/.test(term.id) ? [{ path: `/?cat=${term.id}`, feed: false }] : []),
      { path: `/category/${nicename}`, feed: false },
      { path: `/category/${nicename}/feed`, feed: true },
    ];
  }
  if (term.taxonomy === 'post_tag') {
    return [
      { path: `/?tag=${nicename}`, feed: false },
      { path: `/tag/${nicename}`, feed: false },
      { path: `/tag/${nicename}/feed`, feed: true },
    ];
  }
  return [];
}

/** The old addresses of an author's archive: /?author=N, /author/{login} and its feed. */
export function authorOldPaths(author: WxrRawAuthor): { path: string; feed: boolean }[] {
  // WordPress's archive address uses the login as its "nicename": lower case, spaces as hyphens.
  const login = author.login.trim().toLowerCase().replace(/\s+/g, '-');
  if (!login || /[/?#]/.test(login)) return [];
  return [
    ...(/^\d{1,19}$/.test(author.id) ? [{ path: `/?author=${author.id}`, feed: false }] : []),
    { path: `/author/${login}`, feed: false },
    { path: `/author/${login}/feed`, feed: true },
  ];
}
