import { getCorrectionsFeedXml } from '../../syndication-data';
import { atRequestTime, rssResponse } from '../../xml-response';

/** RSS 2.0: the latest corrections, each linking to its article. */
export async function GET() {
  await atRequestTime();
  return rssResponse(await getCorrectionsFeedXml());
}
