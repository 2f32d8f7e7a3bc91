import 'server-only';
import { eq } from 'drizzle-orm';
import {
  fetchImageBytes,
  limiter,
  MEDIA_CONCURRENCY,
  MEDIA_MAX_BYTES,
  MEDIA_TIMEOUT_MS,
  MediaFetchError,
  mediaDirPath,
  readImageFile,
} from '@/lib/import/media';
import { ImageRejectedError, processImageUpload } from '@/lib/media/process-image';
import { db } from '../index';
import { importedMedia, media } from '../schema';
import { writeImageFile } from './media';

export type MediaOptions = {
  /** A copy of wp-content/uploads: files under /wp-content/uploads/ are read from it instead of the network. */
  dir?: string;
  /** The old site's uploads folder in its addresses (UPLOADS_PATHS): what `dir` is a copy of. */
  uploadsPath?: string;
  timeoutMs?: number;
  maxBytes?: number;
  concurrency?: number;
};

export type MediaOutcome = { ok: true; path: string; mediaId: number } | { ok: false; reason: string };

export const MAX_LISTED_FAILURES = 20;

/**
 * Brings images home for one import run: each old address is looked up in the ledger (imported_media)
 * first, so a re-run never fetches a file twice; otherwise fetched (a few at a time), checked and
 * re-encoded exactly like an upload, stored, and recorded. Within a run each address is handled once.
 */
export class MediaImporter {
  readonly stats = { broughtHome: 0, alreadyHome: 0, failed: 0 };
  /** The first failures, for the summary (address and reason). */
  readonly failures: { url: string; reason: string }[] = [];
  private readonly seen = new Map<string, Promise<MediaOutcome>>();
  private readonly run: <T>(job: () => Promise<T>) => Promise<T>;

  constructor(private readonly options: MediaOptions = {}) {
    this.run = limiter(options.concurrency ?? MEDIA_CONCURRENCY);
  }

  bring(url: string): Promise<MediaOutcome> {
    let outcome = this.seen.get(url);
    if (!outcome) {
      outcome = this.bringOnce(url);
      this.seen.set(url, outcome);
    }
    return outcome;
  }

  private async bringOnce(url: string): Promise<MediaOutcome> {
    const [known] = await db
      .select({ path: media.path, mediaId: media.id })
      .from(importedMedia)
      .innerJoin(media, eq(media.id, importedMedia.mediaId))
      .where(eq(importedMedia.source, url))
      .limit(1);
    if (known) {
      this.stats.alreadyHome++;
      return { ok: true, ...known };
    }
    try {
      const stored = await this.run(async () => {
        const image = await processImageUpload(await this.read(url), new Date(), { maxBytes: this.maxBytes });
        await writeImageFile(image);
        const [row] = await db
          .insert(media)
          .values({ path: image.path, mime: image.mime, width: image.width, height: image.height, bytes: image.data.length, uploadedById: null })
          .returning({ id: media.id });
        await db
          .insert(importedMedia)
          .values({ source: url, mediaId: row.id })
          .onConflictDoUpdate({ target: importedMedia.source, set: { mediaId: row.id } });
        return { path: image.path, mediaId: row.id };
      });
      this.stats.broughtHome++;
      return { ok: true, ...stored };
    } catch (err) {
      if (!(err instanceof MediaFetchError) && !(err instanceof ImageRejectedError)) throw err;
      this.stats.failed++;
      const reason = err.message.replace(/\.$/, '');
      if (this.failures.length < MAX_LISTED_FAILURES) this.failures.push({ url, reason });
      return { ok: false, reason };
    }
  }

  private get maxBytes() {
    return this.options.maxBytes ?? MEDIA_MAX_BYTES;
  }

  private read(url: string): Promise<Buffer> {
    const file = this.options.dir ? mediaDirPath(this.options.dir, url, this.options.uploadsPath) : null;
    if (file) return readImageFile(file, this.maxBytes);
    return fetchImageBytes(url, { timeoutMs: this.options.timeoutMs ?? MEDIA_TIMEOUT_MS, maxBytes: this.maxBytes });
  }
}
