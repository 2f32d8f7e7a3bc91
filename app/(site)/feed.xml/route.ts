import { getSiteFeedXml } from '../syndication-data';
import { atRequestTime, rssResponse } from '../xml-response';

/** RSS 2.0: the latest published articles. */
export async function GET() {
  await atRequestTime();
  return rssResponse(await getSiteFeedXml());
}
