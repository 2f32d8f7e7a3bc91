import { getChildSitemapXml } from '../../syndication-data';
import { atRequestTime, notFoundResponse, sitemapResponse } from '../../xml-response';

/** /sitemaps/N.xml, the children /sitemap.xml lists once the site outgrows one file. */
export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[file]'>) {
  await atRequestTime();
  const match = /^(0|[1-9][0-9]{0,6})\.xml$/.exec((await params).file);
  if (!match) return notFoundResponse();
  return sitemapResponse(await getChildSitemapXml(Number(match[1])));
}
