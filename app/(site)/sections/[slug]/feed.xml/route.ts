import { getSectionFeedXml } from '../../../syndication-data';
import { atRequestTime, rssResponse } from '../../../xml-response';

/** RSS 2.0: the latest published articles of a section; 404 for an unknown one. */
export async function GET(_request: Request, { params }: RouteContext<'/sections/[slug]/feed.xml'>) {
  await atRequestTime();
  return rssResponse(await getSectionFeedXml((await params).slug));
}
