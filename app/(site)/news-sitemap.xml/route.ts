import { getNewsSitemapXml } from '../syndication-data';
import { atRequestTime, sitemapResponse } from '../xml-response';

/** Google News sitemap: articles published in the last 48 hours. */
export async function GET() {
  await atRequestTime();
  return sitemapResponse(await getNewsSitemapXml());
}
