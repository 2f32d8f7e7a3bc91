import { createHash } from 'node:crypto';
import { z } from 'zod';

// The breaking-news banner (/admin/breaking): one site-wide headline and link, optionally marked Live.
// Stored as JSON under the `breaking` settings key (db/queries/breaking.ts), with who set it and when;
// readers get it from /api/breaking, a small cached answer a client island polls.

export type BreakingBanner = {
  /** New for every "Show banner", so a reader who dismissed one banner sees the next. */
  id: string;
  headline: string;
  /** A path on this site ("/articles/x") or an https address. */
  link: string;
  live: boolean;
  setById: number;
  /** ISO time it was set. */
  setAt: string;
};

/** What the settings row holds: the banner, or null once removed (with who removed it and when). */
export type StoredBreaking = { banner: BreakingBanner | null; changedById: number; changedAt: string };

export const HEADLINE_MAX = 200;
export const LINK_MAX = 500;

export const BREAKING_FIELDS = ['headline', 'link', 'live'] as const;
export type BreakingValues = Record<(typeof BREAKING_FIELDS)[number], string>;

/**
 * A link readers may follow: a path of ours (one leading slash, no "//" or "/\" that a browser reads as
 * another host) or an https address. Never javascript:, data: or plain http.
 */
export function safeBannerLink(raw: string): string | null {
  const link = raw.trim();
  if (!link || link.length > LINK_MAX || /[\s\u0000-\u001f\u007f\\]/.test(link)) return null;
  if (link.startsWith('/')) return /^\/(?![/\\])/.test(link) ? link : null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return null;
  return url.href;
}

export const BreakingSchema = z.object({
  headline: z
    .string()
    .transform((v) => v.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'Write a headline.').max(HEADLINE_MAX, `Keep the headline to ${HEADLINE_MAX} characters or fewer.`)),
  link: z.string().transform((v, ctx) => {
    const link = safeBannerLink(v);
    if (link === null) {
      ctx.addIssue({
        code: 'custom',
        message:
          v.trim() === ''
            ? 'Give a link: a path on this site (/articles/…) or an https:// address.'
            : 'Use a path on this site (/articles/…) or an https:// address.',
      });
      return z.NEVER;
    }
    return link;
  }),
  live: z.string().transform((v) => v === 'on' || v === 'true'),
});

export type BreakingInput = z.output<typeof BreakingSchema>;

/** A stored value read back: anything that is not a whole, safe banner reads as none. */
export function readStoredBanner(stored: unknown): BreakingBanner | null {
  const banner = (stored as Partial<StoredBreaking> | null | undefined)?.banner;
  if (!banner || typeof banner !== 'object') return null;
  const parsed = BreakingSchema.safeParse({ headline: String(banner.headline ?? ''), link: String(banner.link ?? ''), live: banner.live ? 'on' : '' });
  if (!parsed.success || typeof banner.id !== 'string' || !banner.id) return null;
  return { ...parsed.data, id: banner.id, setById: Number(banner.setById) || 0, setAt: String(banner.setAt ?? '') };
}

/** What readers get: only what the banner shows (never who set it). */
export type PublicBanner = Pick<BreakingBanner, 'id' | 'headline' | 'link' | 'live'>;
export type BreakingAnswer = { banner: PublicBanner | null };

export function publicAnswer(banner: BreakingBanner | null): BreakingAnswer {
  return { banner: banner ? { id: banner.id, headline: banner.headline, link: banner.link, live: banner.live } : null };
}

/**
 * Short enough that a reader polling every 12 s (components/site/breaking-banner.tsx) sees a change within 15 s; long enough that
 * nginx's micro-cache and the browser answer repeats.
 */
export const BREAKING_CACHE_CONTROL = 'public, max-age=2, stale-while-revalidate=2';

/** The body and its strong ETag: the same banner gives the same tag on every instance. */
export function answerBody(answer: BreakingAnswer): { body: string; etag: string } {
  const body = JSON.stringify(answer);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/** Whether the request's If-None-Match already names this ETag (a list, weak or strong, or *). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}

/** The route's whole answer to a GET, given the banner and the request's If-None-Match. */
export function breakingResponse(banner: BreakingBanner | null, ifNoneMatch: string | null): Response {
  const { body, etag } = answerBody(publicAnswer(banner));
  const headers = { ETag: etag, 'Cache-Control': BREAKING_CACHE_CONTROL, Vary: 'Accept-Encoding' };
  if (matchesEtag(ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
}
