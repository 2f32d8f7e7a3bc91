import { getLiveSnapshot } from '@/app/(site)/cached-data';
import { ArticleIdSchema, liveAnswer, liveError, liveResponse, parseLiveQuery } from '@/lib/live/cursor';

// The reader island's poll (components/live-island): GET /api/articles/{id}/live?u=N&c=M answers
// { updates: { latest, count }, comments: { latest, count } } — counts of what is newer than the
// reader's cursors. From a cached snapshot (no query on a repeat, expired with the article's tag), with
// an ETag (304 to a matching If-None-Match) and a short Cache-Control so nginx's micro-cache and the
// browser answer repeats. Open to anyone: it says no more than the article page does.
export async function GET(request: Request, { params }: RouteContext<'/api/articles/[id]/live'>) {
  const id = ArticleIdSchema.safeParse((await params).id);
  if (!id.success) return liveError(404, 'No such article.');
  const query = parseLiveQuery(new URL(request.url).searchParams);
  if (!query.ok) return liveError(400, query.message);
  const snapshot = await getLiveSnapshot(id.data);
  if (!snapshot) return liveError(404, 'No such article.');
  return liveResponse(liveAnswer(snapshot, query.cursors), request.headers.get('if-none-match'));
}
