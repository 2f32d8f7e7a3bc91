import { connection } from 'next/server';
import { articleCardResponse } from '../social-card-data';

/**
 * The same social card as ../opengraph-image.tsx, at an address that does not depend on the suffix
 * Next adds to generated image routes, for the JSON-LD `image` (structured data cannot read og:image).
 */
export async function GET(_request: Request, { params }: RouteContext<'/articles/[slug]/card.png'>) {
  await connection();
  return articleCardResponse((await params).slug, (slug) => `/articles/${slug}/card.png`);
}
