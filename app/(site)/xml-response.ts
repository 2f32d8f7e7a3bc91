import 'server-only';
import { connection } from 'next/server';

// Feeds, sitemaps and robots.txt are route handlers that run per request and return a cached string.
// They must not be prerendered by `next build`: that would bake the build machine's rows and its
// SITE_URL into them (SITE_URL is run-time configuration).
export const atRequestTime = connection;

const RSS = 'application/rss+xml; charset=utf-8';
const XML = 'application/xml; charset=utf-8';

/**
 * Feed readers poll often; a few minutes of staleness in their HTTP cache is what feeds expect. A live
 * article's feed asks for less (`maxAge`), as its updates come minutes apart.
 */
export function rssResponse(xml: string | null, { maxAge = 300 }: { maxAge?: number } = {}): Response {
  if (xml === null) return notFoundResponse();
  return new Response(xml, { headers: { 'Content-Type': RSS, 'Cache-Control': `public, max-age=${maxAge}` } });
}

/** Crawlers should see a new article at once: the server's cache already makes a repeat request cheap. */
export function sitemapResponse(xml: string | null): Response {
  if (xml === null) return notFoundResponse();
  return new Response(xml, { headers: { 'Content-Type': XML, 'Cache-Control': 'public, max-age=0, must-revalidate' } });
}

export function notFoundResponse(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
