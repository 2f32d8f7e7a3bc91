import { getLiveFeedXml } from '../../../syndication-data';
import { atRequestTime, rssResponse } from '../../../xml-response';

/** RSS 2.0: a live article's updates, newest first (404 for an unknown article or one never live). */
export async function GET(_request: Request, { params }: RouteContext<'/articles/[slug]/live.xml'>) {
  await atRequestTime();
  return rssResponse(await getLiveFeedXml((await params).slug), { maxAge: 30 });
}
