import { getAuthorFeedXml } from '../../../syndication-data';
import { atRequestTime, rssResponse } from '../../../xml-response';

/** RSS 2.0: the latest published articles of an author; 404 for an unknown one. */
export async function GET(_request: Request, { params }: RouteContext<'/authors/[slug]/feed.xml'>) {
  await atRequestTime();
  return rssResponse(await getAuthorFeedXml((await params).slug));
}
