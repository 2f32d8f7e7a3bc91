import 'server-only';
import { ghostContentToHtml } from '@/lib/import/ghost-content';
import { UPLOADS_PATHS } from '@/lib/import/uploads-paths';
import { ghostTables, mapGhostPost, readGhostTables, streamGhostPosts, type GhostPost } from '@/lib/import/ghost';
import type { ImportedAuthor, ImportedPage, ImportedPost, ImportedTermAddresses } from '@/lib/import/types';
import { MediaImporter, type MediaOptions } from './import-media';
import {
  bringMediaHome,
  count,
  newContext,
  newReport,
  reportMedia,
  storeAuthorAddresses,
  storeInTransaction,
  storePage,
  storePost,
  storeTermAddresses,
  type ImportReport,
} from './import-store';

export type GhostImportOptions = {
  onProgress?: (done: number, total: number) => void;
  now?: Date;
  /** The old site's address, for Ghost's "__GHOST_URL__" placeholder (else the export's own `url` setting). */
  siteUrl?: string;
  /** Where images come from (limits, a local folder); false leaves every image at its old address. */
  media?: MediaOptions | false;
  /** Stops after the post in hand (Ctrl-C): the report's `stopped` says how far it got. */
  signal?: AbortSignal;
};

class Stop extends Error {}

/** Ghost's default addresses for a tag or author archive and its feed. */
const archivePaths = (base: 'tag' | 'author', slug: string) => [
  { path: `/${base}/${slug}`, feed: false },
  { path: `/${base}/${slug}/rss`, feed: true },
];

/**
 * Imports a Ghost export through the same storage as the WordPress import: posts and pages with their
 * tags, authors (every byline, in order), feature images brought home as covers, images in bodies
 * brought home, and old addresses (/{slug}/, /tag/x/, /author/x/ and their feeds). Running it again
 * updates what changed and skips the rest: rows are found again by Ghost's ids.
 */
export async function importGhostFile(file: string, options: GhostImportOptions = {}): Promise<ImportReport> {
  const tables = ghostTables(await readGhostTables(file), options.siteUrl);
  let total = 0;
  await streamGhostPosts(file, async () => void total++);

  const report = newReport(total);
  // Ids are unique per Ghost site: the site's address (or its title) keys what this run remembers.
  report.site = `ghost:${(tables.siteUrl || tables.title || 'site').replace(/^[a-z]+:\/\//i, '').toLowerCase()}`;
  for (const [table, n] of tables.malformed) count(report.notes, `rows of ${table} not in Ghost's format (left out)`, n);
  const authors = new Map<string, ImportedAuthor>(
    [...tables.authors.values()].map((a) => [
      a.sourceId,
      { key: a.sourceId, email: a.email, displayName: a.name, slug: a.slug, oldPaths: archivePaths('author', a.slug) },
    ]),
  );
  const ctx = newContext(report, 'Ghost', authors, options.now);
  const media = options.media === false ? null : new MediaImporter({ uploadsPath: UPLOADS_PATHS.ghost, ...options.media });
  const base = tables.siteUrl ? `${tables.siteUrl}/` : null;
  const usedTags = new Set<string>();

  let done = 0;
  try {
    await streamGhostPosts(file, async (raw) => {
      if (options.signal?.aborted) throw new Stop();
      const mapped = mapGhostPost(raw, tables);
      // Content Ghost's renderers cannot read (broken JSON in lexical or mobiledoc) leaves that post out, not the run.
      const content = mapped.ok ? await ghostContentToHtml(mapped.raw, tables.siteUrl).catch((err: unknown) => err as Error) : null;
      if (!mapped.ok) count(report.skippedPosts, mapped.reason);
      else if (content instanceof Error || !content)
        count(report.skippedPosts, `content Ghost's renderer could not read (${content?.message.split('\n')[0].slice(0, 80)})`);
      else {
        if (content.source === 'none') count(report.notes, 'posts with no content (no lexical, mobiledoc or html)');
        const item = mapped.post.kind === 'page' ? toPage(mapped.post, content) : toPost(mapped.post, content);
        for (const t of mapped.post.tags) usedTags.add(t.sourceId);
        const home = media ? await bringMediaHome(media, item, base, () => false) : { body: item.body, cover: null };
        if ('permalink' in item) await storeInTransaction(ctx, (tx) => storePage(tx, ctx, item, home.body));
        else await storeInTransaction(ctx, (tx) => storePost(tx, ctx, item, home));
      }
      options.onProgress?.(++done, total);
    });
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    report.stopped = { done, total };
  }

  if (!report.stopped) {
    // Archive addresses point at rows the posts created, so they come last.
    const terms: ImportedTermAddresses[] = [...tables.tags.values()]
      .filter((t) => usedTags.has(t.sourceId))
      .map((t) => ({ prefer: 'tag' as const, slug: t.slug, oldPaths: archivePaths('tag', t.slug) }));
    await storeTermAddresses(report, terms);
    await storeAuthorAddresses(report, [...authors.values()]);
  }
  if (media) reportMedia(report, media);
  return report;
}

type Content = { html: string; droppedCards: string[] };

function toPost(post: GhostPost, content: Content): ImportedPost {
  const [first, ...others] = post.authors;
  return {
    sourceId: post.sourceId,
    title: post.title,
    slug: post.slug,
    body: content.html,
    bodyFormat: 'html',
    standfirst: post.standfirst,
    status: post.status,
    publishedAt: post.publishedAt,
    creator: first?.sourceId ?? '',
    coAuthors: others.map((a) => a.sourceId),
    // Ghost has tags only: they stay tags (an editor can make sections of them afterwards).
    section: null,
    tags: post.tags.map((t) => ({ slug: t.slug, name: t.name })),
    cover: post.cover,
    oldPaths: post.oldPaths,
    comments: [],
    skippedComments: [],
    removedShortcodes: content.droppedCards.map((c) => `${c} card`),
  };
}

function toPage(post: GhostPost, content: Content): ImportedPage {
  return {
    sourceId: post.sourceId,
    title: post.title,
    slug: post.slug,
    body: content.html,
    bodyFormat: 'html',
    status: post.pageStatus,
    publishedAt: post.publishedAt,
    creator: post.authors[0]?.sourceId ?? '',
    // Its permalink (/{slug}) is kept only when the page's new address differs.
    oldPaths: post.oldPaths.slice(1),
    permalink: post.oldPaths[0] ?? null,
    removedShortcodes: content.droppedCards.map((c) => `${c} card`),
  };
}
