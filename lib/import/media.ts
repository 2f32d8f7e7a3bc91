/**
 * Bringing an import's images home: reading an image's bytes from its old address (or from a copy
 * of wp-content/uploads), with a time limit and a size cap, and rewriting a body's <img> addresses.
 * No database here: db/queries/import-media.ts keeps the ledger and stores the files.
 */
import { open } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { UPLOADS_PATHS } from './uploads-paths';

export const MEDIA_TIMEOUT_MS = 15_000;
export const MEDIA_MAX_BYTES = 20 * 1024 * 1024;
export const MEDIA_CONCURRENCY = 4;

/** Why a file could not be brought home, in words for the summary. */
export class MediaFetchError extends Error {}

const megabytes = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${Math.round(bytes / (1024 * 1024))} MB`);
const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

export type FetchOptions = { timeoutMs?: number; maxBytes?: number };

/** The bytes at an http(s) address, refused past `maxBytes` (counted while streaming) or `timeoutMs`. */
export async function fetchImageBytes(address: string, { timeoutMs = MEDIA_TIMEOUT_MS, maxBytes = MEDIA_MAX_BYTES }: FetchOptions = {}): Promise<Buffer> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new MediaFetchError('not a valid address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new MediaFetchError(`${url.protocol.replace(/:$/, '')} addresses are not fetched`);
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = () => new MediaFetchError(`no answer within ${seconds(timeoutMs)}`);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'image/*' } });
  } catch (err) {
    if (signal.aborted) throw timedOut();
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new MediaFetchError(`could not connect (${cause?.code ?? cause?.message ?? (err as Error).message})`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new MediaFetchError(`the server answered ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new MediaFetchError(`larger than ${megabytes(maxBytes)}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // Counted as it arrives: a server that sends no length (or a wrong one) cannot fill the memory.
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new MediaFetchError(`larger than ${megabytes(maxBytes)}`);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof MediaFetchError) throw err;
    if (signal.aborted) throw timedOut();
    throw new MediaFetchError(`the download broke off (${(err as Error).message})`);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Where an old address's file lives in a copy of wp-content/uploads: https://old.site/wp-content/uploads/2019/05/a.jpg
 * is DIR/2019/05/a.jpg (for Ghost, content/images). Null when the address is not under that folder; throws
 * for a path that would leave DIR.
 */
export function mediaDirPath(dir: string, address: string, uploads: string = UPLOADS_PATHS.wordpress): string | null {
  let pathname: string;
  try {
    pathname = new URL(address).pathname;
  } catch {
    return null;
  }
  const at = pathname.indexOf(uploads);
  if (at === -1) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(at + uploads.length));
  } catch {
    throw new MediaFetchError('the address has a malformed escape');
  }
  const root = resolve(dir);
  const file = resolve(root, relative);
  if (relative.includes('\0') || !file.startsWith(root + sep)) throw new MediaFetchError('the path leaves the media folder');
  return file;
}

/** A file's bytes from the media folder, refused past `maxBytes`. */
export async function readImageFile(file: string, maxBytes = MEDIA_MAX_BYTES): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new MediaFetchError(code === 'ENOENT' ? 'not in the media folder' : `cannot read the file (${code})`);
  }
  try {
    const { size, isFile } = await handle.stat().then((s) => ({ size: s.size, isFile: s.isFile() }));
    if (!isFile) throw new MediaFetchError('not a file');
    if (size > maxBytes) throw new MediaFetchError(`larger than ${megabytes(maxBytes)}`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Runs at most `limit` of the given jobs at a time. */
export function limiter(limit: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (running >= limit) await new Promise<void>((go) => waiting.push(go));
    running++;
    try {
      return await job();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

const decodeAttribute = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'");

const encodeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

const IMG = /<img\b[^>]*>/gi;
const SRC = /(\ssrc\s*=\s*")([^"]*)(")/i;

/** The absolute addresses of a body's <img> elements (relative ones resolved against `base`), once each. */
export function imageSources(html: string, base: string | null): string[] {
  const found = new Set<string>();
  for (const [tag] of html.matchAll(IMG)) {
    const src = SRC.exec(tag)?.[2];
    const absolute = src ? absoluteAddress(decodeAttribute(src), base) : null;
    if (absolute) found.add(absolute);
  }
  return [...found];
}

/** An http(s) address from an <img src>, or null for one of ours (/media/…), data: and the like. */
export function absoluteAddress(src: string, base: string | null): string | null {
  const value = src.trim();
  if (!value || value.startsWith('/media/')) return null;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The body with each brought-home image at its new address (`moved` maps old absolute address → new
 * one); srcset and sizes go, since they list the old host's resized copies. Others keep their address.
 */
export function rewriteImageSources(html: string, base: string | null, moved: ReadonlyMap<string, string>): string {
  if (moved.size === 0) return html;
  return html.replace(IMG, (tag) => {
    const src = SRC.exec(tag)?.[2];
    const absolute = src ? absoluteAddress(decodeAttribute(src), base) : null;
    const to = absolute ? moved.get(absolute) : undefined;
    if (!to) return tag;
    return tag
      .replace(/\s(?:srcset|sizes)\s*=\s*"[^"]*"/gi, '')
      .replace(SRC, (_m, before: string, _old: string, after: string) => before + encodeAttribute(to) + after);
  });
}

/**
 * WordPress's resized copy ("a-300x200.jpg") as the original it was made from, when that original is
 * a known attachment: the original is brought home once instead of every size.
 */
export function originalOf(address: string, isKnown: (address: string) => boolean): string {
  const original = address.replace(/-\d{1,5}x\d{1,5}(\.[a-z0-9]{2,5})(?=$|[?#])/i, '$1');
  return original !== address && isKnown(original) ? original : address;
}
