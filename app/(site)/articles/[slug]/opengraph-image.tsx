import { connection } from 'next/server';
import { CARD_SIZE } from '@/components/seo/social-card';
import { articleCardResponse } from './social-card-data';

// Every article gets this generated card as its og:image (and twitter:image), cover photo or not: a
// headline legible at thumbnail size beats a photo that each network crops its own way, and every
// share looks like the paper. The cover photo still goes to search engines (JSON-LD) and feed readers.
export const alt = 'The article’s headline on a Broadsheet card';
export const size = CARD_SIZE;
export const contentType = 'image/png';

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  // An old slug's card redirects to the stable address of the same image.
  return articleCardResponse((await params).slug, (slug) => `/articles/${slug}/card.png`);
}
