import 'server-only';
import { createReadStream } from 'node:fs';
import type { ImportedAttachment, ImportedAuthor, ImportedImage, ImportedTermAddresses } from '@/lib/import/types';
import {
  authorOldPaths,
  mapAttachment,
  mapItem,
  mapPage,
  termOldPaths,
  termSlug,
  WxrStreamParser,
  type WxrEvent,
  type WxrRawAuthor,
  type WxrMapContext,
  type WxrRawChannelTerm,
  type WxrRawItem,
} from '@/lib/import/wxr';
import { db } from '../index';
import { MediaImporter, type MediaOptions } from './import-media';
import {
  bringMediaHome,
  count,
  newReport,
  remember,
  reportMedia,
  storeAuthorAddresses,
  storeInTransaction,
  storePage,
  storePost,
  storeTermAddresses,
  type HomeMedia,
  newContext,
  type ImportReport,
  type Tx,
} from './import-store';

export type WxrImportReport = ImportReport;

export type WxrImportOptions = {
  onProgress?: (done: number, total: number) => void;
  now?: Date;
  /** Where images come from (a --media-dir, limits); false leaves every image at its old address. */
  media?: MediaOptions | false;
  /** Stops after the item in hand (Ctrl-C): the report's `stopped` says how far it got. */
  signal?: AbortSignal;
};

class Stop extends Error {}

/** Streams the file through the WXR parser, handing events over between chunks (one item in memory at a time). */
async function streamEvents(file: string, handle: (events: WxrEvent[]) => Promise<void>): Promise<void> {
  let pending: WxrEvent[] = [];
  const parser = new WxrStreamParser(file, (e) => pending.push(e));
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      if (pending.length) {
        const events = pending;
        pending = [];
        await handle(events);
      }
    }
    parser.end();
    if (pending.length) await handle(pending);
  } finally {
    stream.destroy();
  }
}

/** What the second pass needs from anywhere in the file, so the order of the file does not matter. */
type FirstPass = {
  total: number;
  site: string;
  authors: WxrRawAuthor[];
  terms: WxrRawChannelTerm[];
  /** Attachments by WordPress id (a few strings each). */
  attachments: Map<string, ImportedImage>;
  attachmentUrls: Set<string>;
  /** Attachment ids by the post they were uploaded to: a [gallery] with no ids shows them. */
  attachmentsByParent: Map<string, string[]>;
};

async function firstPass(file: string): Promise<FirstPass> {
  const pass: FirstPass = {
    total: 0,
    site: 'unknown',
    authors: [],
    terms: [],
    attachments: new Map(),
    attachmentUrls: new Set(),
    attachmentsByParent: new Map(),
  };
  await streamEvents(file, async (events) => {
    for (const e of events) {
      if (e.kind === 'site') pass.site = e.site;
      else if (e.kind === 'author') pass.authors.push(e.author);
      else if (e.kind === 'term') pass.terms.push(e.term);
      else {
        pass.total++;
        const attachment = e.item.postType.trim() === 'attachment' ? mapAttachment(e.item) : null;
        if (attachment) {
          pass.attachments.set(attachment.sourceId, { url: attachment.url, alt: attachment.alt, caption: attachment.caption });
          pass.attachmentUrls.add(attachment.url);
          if (attachment.parent && attachment.parent !== '0')
            pass.attachmentsByParent.set(attachment.parent, [...(pass.attachmentsByParent.get(attachment.parent) ?? []), attachment.sourceId]);
        }
      }
    }
  });
  return pass;
}

/**
 * Imports a WordPress export. A first streaming pass checks the whole file (a broken file throws
 * WxrSyntaxError with its line, and nothing is written) and collects what items refer to (attachments,
 * terms, authors); the second imports each post with its comments in one transaction, pages into
 * pages, attachments into the media library, and keeps the old addresses. Images are brought home
 * before each transaction. Running the same file again updates what changed and skips the rest:
 * rows are found again by their WordPress ids (wxr_imports).
 */
export async function importWxrFile(file: string, options: WxrImportOptions = {}): Promise<WxrImportReport> {
  const pass = await firstPass(file);
  const report = newReport(pass.total);
  report.site = pass.site;
  const authors = new Map<string, ImportedAuthor>(
    pass.authors.map((a) => [a.login, { key: a.login, email: a.email, displayName: a.displayName, oldPaths: authorOldPaths(a) }]),
  );
  const ctx = newContext(report, 'WordPress', authors, options.now);
  const media = options.media === false ? null : new MediaImporter(options.media ?? {});
  const base = report.site === 'unknown' ? null : `https://${report.site}/`;
  const isKnown = (url: string) => pass.attachmentUrls.has(url);
  const lookup = (raw: WxrRawItem): WxrMapContext => ({
    attachment: (id) => pass.attachments.get(id),
    postAttachmentIds: () => pass.attachmentsByParent.get(raw.postId.trim()) ?? [],
  });
  const home = (item: { body: string; bodyFormat: string; cover?: ImportedImage | null }): Promise<HomeMedia> =>
    media ? bringMediaHome(media, item, base, isKnown) : Promise.resolve({ body: item.body, cover: null });

  // Attachments are fetched a few at a time while the next ones are read; they are all stored before
  // the next transaction starts (one writer at a time).
  let attachmentJobs: Promise<void>[] = [];
  const settleAttachments = async () => {
    const jobs = attachmentJobs;
    attachmentJobs = [];
    await Promise.all(jobs);
  };
  const bringAttachment = (attachment: ImportedAttachment) =>
    media!.bring(attachment.url).then(async (outcome) => {
      if (outcome.ok) await remember(db, report.site, 'attachment', attachment.sourceId, outcome.mediaId);
    });

  let done = 0;
  const transaction = (work: (tx: Tx) => Promise<unknown>) => storeInTransaction(ctx, work);
  try {
    await streamEvents(file, async (events) => {
      for (const event of events) {
        if (event.kind !== 'item') continue;
        if (options.signal?.aborted) throw new Stop();
        const raw = event.item;
        const type = raw.postType.trim();
        if (type === 'attachment') {
          const attachment = mapAttachment(raw);
          if (!attachment) count(report.notes, 'attachments with no file address');
          else if (media) {
            attachmentJobs.push(bringAttachment(attachment));
            if (attachmentJobs.length >= 16) await settleAttachments();
          }
        } else if (type === 'page') {
          await settleAttachments();
          const mapped = mapPage(raw, lookup(raw));
          if (!mapped.ok) count(report.skippedPosts, mapped.reason);
          else {
            const { body } = await home(mapped.page);
            await transaction((tx) => storePage(tx, ctx, mapped.page, body));
          }
        } else {
          await settleAttachments();
          const mapped = mapItem(raw, lookup(raw));
          if (!mapped.ok) count(report.skippedPosts, mapped.reason);
          else {
            const brought = await home(mapped.post);
            await transaction((tx) => storePost(tx, ctx, mapped.post, brought));
          }
        }
        options.onProgress?.(++done, pass.total);
      }
    });
    await settleAttachments();
  } catch (err) {
    await settleAttachments();
    if (!(err instanceof Stop)) throw err;
    report.stopped = { done, total: pass.total };
  }

  if (!report.stopped) {
    // Archive addresses point at rows the posts created, so they come last.
    const terms: ImportedTermAddresses[] = pass.terms
      .map((t) => ({ prefer: t.taxonomy === 'category' ? ('section' as const) : ('tag' as const), slug: termSlug(t.slug, t.name), oldPaths: termOldPaths(t) }))
      .filter((t) => t.slug && t.oldPaths.length);
    await storeTermAddresses(report, terms);
    await storeAuthorAddresses(report, [...authors.values()]);
  }
  if (media) reportMedia(report, media);
  return report;
}
