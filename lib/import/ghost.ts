/**
 * Ghost export (Settings → Advanced → Export) reading: the export is one JSON document, `{ db: [{ meta,
 * data }] }` or `{ meta, data }`, whose `data` holds Ghost's tables. Two streaming passes, like the
 * WordPress import: the first reads every table except `posts` (tags, users and the join tables are
 * small), the second hands over one post at a time, so a large archive is never held whole.
 * No database here: the importer does the writes.
 */
import { createReadStream } from 'node:fs';
import chain from 'stream-chain';
import { parser } from 'stream-json';
import { ignore } from 'stream-json/filters/ignore.js';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { streamValues } from 'stream-json/streamers/stream-values.js';
import { z } from 'zod';
import type { ArticleStatus, PageStatus } from '@/db/enums';
import { slugify } from '@/lib/slug';

/** A file that is not JSON or not a Ghost export. */
export class GhostExportError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'GhostExportError';
  }
}

const POSTS_PATH = /^(?:db\.\d+\.)?data\.posts$/;

const id = z.union([z.string(), z.number()]).transform(String);
const text = z
  .string()
  .nullish()
  .transform((v) => v ?? '');
const date = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => {
    if (v === null || v === undefined || v === '') return null;
    const d = new Date(typeof v === 'number' ? v : v.replace(' ', 'T') + (/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? '' : 'Z'));
    return Number.isNaN(d.getTime()) ? null : d;
  });

const TagRow = z.object({ id, name: text, slug: text, visibility: text });
const UserRow = z.object({ id, name: text, slug: text, email: text });
const PostTagRow = z.object({ post_id: id, tag_id: id, sort_order: z.number().nullish() });
const PostAuthorRow = z.object({ post_id: id, author_id: id, sort_order: z.number().nullish() });
const PostMetaRow = z.object({ post_id: id, feature_image_alt: text, feature_image_caption: text, meta_description: text });
const SettingRow = z.object({ key: z.string(), value: z.unknown() });

export const GhostPostRow = z.object({
  id,
  title: text,
  slug: text,
  lexical: z.string().nullish(),
  mobiledoc: z.string().nullish(),
  html: z.string().nullish(),
  feature_image: text,
  type: z.string().nullish(),
  // Exports before Ghost 4 mark pages with page: 1 instead of type.
  page: z.union([z.boolean(), z.number()]).nullish(),
  status: text,
  published_at: date,
  created_at: date,
  custom_excerpt: text,
  author_id: id.nullish(),
});
export type GhostPostRow = z.infer<typeof GhostPostRow>;

export type GhostTag = { sourceId: string; slug: string; name: string };
export type GhostAuthor = { sourceId: string; slug: string; name: string; email: string };

/** Everything but the posts: looked up while the posts stream past. */
export type GhostTables = {
  siteUrl: string;
  title: string;
  tags: Map<string, GhostTag>;
  authors: Map<string, GhostAuthor>;
  tagsByPost: Map<string, string[]>;
  authorsByPost: Map<string, string[]>;
  metaByPost: Map<string, { alt: string; caption: string; description: string }>;
  /** Rows that did not have the shape Ghost documents, by table. */
  malformed: Map<string, number>;
};

function rows<T>(value: unknown, schema: z.ZodType<T>, table: string, malformed: Map<string, number>): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  for (const raw of value) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
    else malformed.set(table, (malformed.get(table) ?? 0) + 1);
  }
  return out;
}

const bySortOrder = <R extends { sort_order?: number | null }>(a: R, b: R) => (a.sort_order ?? 0) - (b.sort_order ?? 0);

/** The tables of an export's `data` object (without posts), as lookups. */
export function ghostTables(data: Record<string, unknown>, siteUrlOverride?: string): GhostTables {
  const malformed = new Map<string, number>();
  const settings = rows(data.settings, SettingRow, 'settings', malformed);
  const setting = (key: string) => {
    const v = settings.find((s) => s.key === key)?.value;
    return typeof v === 'string' ? v : '';
  };
  const tags = new Map<string, GhostTag>();
  for (const t of rows(data.tags, TagRow, 'tags', malformed)) {
    // Internal tags (#name) organise Ghost's own templates; readers never see them.
    if (t.visibility === 'internal' || t.name.startsWith('#')) continue;
    const slug = slugify(t.slug) || slugify(t.name);
    if (slug && t.name.trim()) tags.set(t.id, { sourceId: t.id, slug, name: t.name.trim().slice(0, 80) });
  }
  const authors = new Map<string, GhostAuthor>();
  for (const u of rows(data.users, UserRow, 'users', malformed)) {
    authors.set(u.id, {
      sourceId: u.id,
      slug: slugify(u.slug) || slugify(u.name),
      name: u.name.trim().slice(0, 100) || u.slug,
      email: u.email.trim().toLowerCase(),
    });
  }
  const tagsByPost = new Map<string, string[]>();
  for (const r of rows(data.posts_tags, PostTagRow, 'posts_tags', malformed).sort(bySortOrder)) {
    if (tags.has(r.tag_id)) tagsByPost.set(r.post_id, [...(tagsByPost.get(r.post_id) ?? []), r.tag_id]);
  }
  const authorsByPost = new Map<string, string[]>();
  for (const r of rows(data.posts_authors, PostAuthorRow, 'posts_authors', malformed).sort(bySortOrder)) {
    authorsByPost.set(r.post_id, [...(authorsByPost.get(r.post_id) ?? []), r.author_id]);
  }
  const metaByPost = new Map<string, { alt: string; caption: string; description: string }>();
  for (const m of rows(data.posts_meta, PostMetaRow, 'posts_meta', malformed)) {
    metaByPost.set(m.post_id, { alt: m.feature_image_alt, caption: m.feature_image_caption, description: m.meta_description });
  }
  return {
    siteUrl: (siteUrlOverride || setting('url') || '').replace(/\/+$/, ''),
    title: setting('title'),
    tags,
    authors,
    tagsByPost,
    authorsByPost,
    metaByPost,
    malformed,
  };
}

/** The export's `data` object without its posts (pass 1). */
export async function readGhostTables(file: string): Promise<Record<string, unknown>> {
  let root: unknown;
  await new Promise<void>((resolve, reject) => {
    const pipeline = chain([createReadStream(file), parser(), ignore({ filter: POSTS_PATH }), streamValues()]);
    pipeline.on('data', ({ value }: { value: unknown }) => (root = value));
    pipeline.on('end', resolve);
    pipeline.on('error', (err: Error) => reject(new GhostExportError(file, `not valid JSON (${err.message})`)));
  });
  const wrapped = root as { db?: { data?: Record<string, unknown> }[]; data?: Record<string, unknown> } | undefined;
  const data = wrapped?.db?.[0]?.data ?? wrapped?.data;
  if (!data || typeof data !== 'object') throw new GhostExportError(file, 'not a Ghost export: no "data" object (or "db[0].data")');
  return data;
}

/** Each raw post of the export, one at a time (pass 2). `handle` is awaited before the next is read. */
export async function streamGhostPosts(file: string, handle: (raw: unknown) => Promise<void>): Promise<void> {
  const pipeline = chain([createReadStream(file), parser(), pick({ filter: POSTS_PATH }), streamArray()]);
  // The handler's own errors (a stop, a database failure) pass through as they are; the stream's are the file's fault.
  let handlerFailed: { error: unknown } | null = null;
  try {
    for await (const { value } of pipeline as AsyncIterable<{ value: unknown }>) {
      try {
        await handle(value);
      } catch (error) {
        handlerFailed = { error };
        break;
      }
    }
  } catch (err) {
    throw new GhostExportError(file, `not valid JSON (${(err as Error).message})`);
  } finally {
    pipeline.destroy();
  }
  if (handlerFailed) throw handlerFailed.error;
}

const POST_STATUS: Record<string, ArticleStatus> = { published: 'published', draft: 'draft', scheduled: 'scheduled', sent: 'published' };

export type GhostPost = {
  sourceId: string;
  kind: 'post' | 'page';
  title: string;
  slug: string;
  status: ArticleStatus;
  pageStatus: PageStatus;
  publishedAt: Date | null;
  createdAt: Date | null;
  standfirst: string;
  seoDescription: string;
  cover: { url: string; alt: string; caption: string } | null;
  tags: GhostTag[];
  authors: GhostAuthor[];
  /** Ghost's default permalink (/{slug}/) and its AMP copy, decoded, without the trailing slash. */
  oldPaths: string[];
};

export type MappedGhostPost = { ok: true; post: GhostPost; raw: GhostPostRow } | { ok: false; reason: string };

export const MAX_TITLE_LENGTH = 300;

/** One raw post row as an article or page, or why it is left out. The body is rendered separately (ghost-content.ts). */
export function mapGhostPost(raw: unknown, tables: GhostTables): MappedGhostPost {
  const parsed = GhostPostRow.safeParse(raw);
  if (!parsed.success)
    return { ok: false, reason: `not a Ghost post row (${parsed.error.issues[0].path.join('.') || 'row'}: ${parsed.error.issues[0].message})` };
  const row = parsed.data;
  const kind = row.type === 'page' || row.page === true || row.page === 1 ? 'page' : 'post';
  if (row.type && row.type !== 'post' && row.type !== 'page') return { ok: false, reason: `post type "${row.type}" is not imported` };
  const status = POST_STATUS[row.status];
  if (!status) return { ok: false, reason: `status "${row.status || 'none'}" is not imported` };
  const title =
    row.title
      .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim() || `Untitled (Ghost post ${row.id})`;
  const chars = Array.from(title);
  const meta = tables.metaByPost.get(row.id);
  const authorIds = tables.authorsByPost.get(row.id) ?? (row.author_id ? [row.author_id] : []);
  const slug = slugify(safeDecode(row.slug)) || slugify(title) || `post-${row.id.slice(-8)}`;
  const oldSlug = safeDecode(row.slug).trim();
  const feature = row.feature_image.split('__GHOST_URL__').join(tables.siteUrl);
  return {
    ok: true,
    raw: row,
    post: {
      sourceId: row.id,
      kind,
      title: chars.length > MAX_TITLE_LENGTH ? chars.slice(0, MAX_TITLE_LENGTH - 1).join('') + '…' : title,
      slug,
      status,
      pageStatus: status === 'published' ? 'published' : 'draft',
      publishedAt: status === 'draft' ? null : row.published_at,
      createdAt: row.created_at,
      standfirst: row.custom_excerpt.trim().slice(0, 600),
      seoDescription: meta?.description.trim().slice(0, 300) ?? '',
      cover: /^https?:\/\//i.test(feature) ? { url: feature, alt: meta?.alt.trim() ?? '', caption: stripTags(meta?.caption ?? '') } : null,
      tags: (tables.tagsByPost.get(row.id) ?? []).map((t) => tables.tags.get(t)!).filter(Boolean),
      authors: authorIds.map((a) => tables.authors.get(a)).filter((a): a is GhostAuthor => Boolean(a)),
      oldPaths: oldSlug && !oldSlug.includes('/') ? [`/${oldSlug}`, `/${oldSlug}/amp`] : [],
    },
  };
}

const stripTags = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
