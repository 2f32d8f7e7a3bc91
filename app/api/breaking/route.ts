import { breakingResponse, publicAnswer } from '@/lib/breaking/banner';
import { getBreakingForReaders } from '@/lib/breaking/cached';
import { rememberBanner } from '@/lib/breaking/snapshot';

// The breaking-news banner for the reader island (components/site/breaking-banner.tsx): a tiny JSON
// answer from a cached read (no query on a repeat), with an ETag (304 to a matching If-None-Match) and a
// short Cache-Control so nginx's micro-cache and the browser answer repeats. Open to anyone.
export async function GET(request: Request) {
  const banner = await getBreakingForReaders();
  // Pages rendered from now on in this process draw it for readers without JavaScript.
  rememberBanner(banner && publicAnswer(banner).banner);
  return breakingResponse(banner, request.headers.get('if-none-match'));
}
