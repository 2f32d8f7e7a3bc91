import { createHash } from 'node:crypto';
import { z } from 'zod';
import { matchesEtag } from '@/lib/breaking/banner';
import { cacheTags } from '@/lib/cache-tags';

// The reader island's poll (GET /api/articles/[id]/live?u=&c=, components/live-island): what a reader
// has (u: the newest update number on their page; c: the approval time, in ms, of the newest approved
// reply on it) against what there is now. The answer is counts only; the island brings the content in
// by refreshing the server-rendered page.

/** Counts above this read as "99": a badge, not an inventory. */
export const COUNT_CAP = 99;
/** How many of the newest approval times a snapshot keeps: enough to count up to COUNT_CAP. */
export const APPROVALS_KEPT = COUNT_CAP + 1;

/** A published article's id as it appears in the address. */
export const ArticleIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,12}$/, 'The article id must be a positive whole number.')
  .transform(Number);

const cursor = (name: string, digits: number) =>
  z
    .string()
    .regex(new RegExp(`^[0-9]{1,${digits}}$`), `${name} must be a whole number, 0 or more.`)
    .transform(Number)
    .optional()
    .transform((v) => v ?? 0);

/** The query: both cursors optional (a page with none has 0), but never negative, fractional or text. */
export const LiveQuerySchema = z.object({
  u: cursor('u (the last update number you have)', 9),
  c: cursor('c (the approval time of the newest reply you have, in ms)', 15),
});
export type LiveCursors = z.output<typeof LiveQuerySchema>;

/** Reads ?u=&c= from a URL's search params: the cursors, or the first problem's message. */
export function parseLiveQuery(params: URLSearchParams): { ok: true; cursors: LiveCursors } | { ok: false; message: string } {
  const raw = { u: params.get('u') ?? undefined, c: params.get('c') ?? undefined };
  const parsed = LiveQuerySchema.safeParse(raw);
  return parsed.success ? { ok: true, cursors: parsed.data } : { ok: false, message: parsed.error.issues[0].message };
}

/**
 * What the cached read holds for one article, whatever the reader's cursors: the newest update number
 * and the newest approval times (newest first, at most APPROVALS_KEPT). Every cursor is answered from
 * it, so one cache entry per article serves every reader and a made-up cursor adds no entry.
 */
export type LiveSnapshot = { latestUpdate: number; approvals: number[] };

export type LiveAnswer = {
  updates: { latest: number; count: number };
  comments: { latest: number; count: number };
};

/** The counts for a reader's cursors. Update numbers run 1, 2, 3… per article and are never reused. */
export function liveAnswer(snapshot: LiveSnapshot, { u, c }: LiveCursors): LiveAnswer {
  const newApprovals = snapshot.approvals.filter((t) => t > c).length;
  return {
    updates: { latest: snapshot.latestUpdate, count: Math.min(Math.max(0, snapshot.latestUpdate - u), COUNT_CAP) },
    comments: { latest: snapshot.approvals[0] ?? 0, count: Math.min(newApprovals, COUNT_CAP) },
  };
}

/**
 * The tags the snapshot is cached under: the article's own, which every new or edited update, every
 * approval (and unapproval) and every edit of the article already expires.
 */
export const liveTags = (articleId: number): string[] => [cacheTags.article(articleId)];

/**
 * Short enough that a reader polling every 12 s sees an update within 15 s; long enough that nginx's
 * micro-cache and the browser answer the repeats.
 */
export const LIVE_CACHE_CONTROL = 'public, max-age=2, stale-while-revalidate=2';

/** The body and its strong ETag: the same counts give the same tag on every instance. */
export function liveBody(answer: LiveAnswer): { body: string; etag: string } {
  const body = JSON.stringify(answer);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

const json = { 'Content-Type': 'application/json; charset=utf-8' };

/** The route's answer to a GET: 200 with the counts, or 304 when If-None-Match already names them. */
export function liveResponse(answer: LiveAnswer, ifNoneMatch: string | null): Response {
  const { body, etag } = liveBody(answer);
  const headers = { ETag: etag, 'Cache-Control': LIVE_CACHE_CONTROL, Vary: 'Accept-Encoding' };
  if (matchesEtag(ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, ...json } });
}

/** A refusal (400 bad cursor, 404 no such published article) as JSON with a message; cached briefly too. */
export function liveError(status: 400 | 404, message: string): Response {
  return new Response(JSON.stringify({ error: message }), { status, headers: { ...json, 'Cache-Control': LIVE_CACHE_CONTROL } });
}
