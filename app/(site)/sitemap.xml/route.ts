import { getSitemapXml } from '../syndication-data';
import { atRequestTime, sitemapResponse } from '../xml-response';

export async function GET() {
  await atRequestTime();
  return sitemapResponse(await getSitemapXml());
}
