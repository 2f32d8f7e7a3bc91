import { getTagFeedXml } from '../../../syndication-data';
import { atRequestTime, rssResponse } from '../../../xml-response';

/** RSS 2.0: the latest published articles of a tag; 404 for an unknown one. */
export async function GET(_request: Request, { params }: RouteContext<'/tags/[slug]/feed.xml'>) {
  await atRequestTime();
  return rssResponse(await getTagFeedXml((await params).slug));
}
