import 'server-only';
import { ImageResponse } from 'next/og';
import { cacheLife, cacheTag } from 'next/cache';
import { CARD_SIZE, SocialCard } from '@/components/seo/social-card';
import { cacheTags } from '@/lib/cache-tags';
import { cardFonts } from '@/lib/seo/card-fonts';
import { formatInZone } from '@/lib/time/zone';
import { BUILD_PLACEHOLDER, getArticlePageData, getSiteTimeZone, tagBylines } from '../../cached-data';

/**
 * The article's social card as PNG bytes, rendered once and cached with the article's tags (a new
 * headline, section or byline name renders it again). `redirectTo` when the slug is an old one.
 */
export async function getArticleCardPng(slug: string): Promise<{ png: Uint8Array } | { redirectTo: string | null }> {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.articleSlug(slug));
  const { article, redirectTo } = await getArticlePageData(slug);
  if (!article) return { redirectTo };
  cacheTag(cacheTags.article(article.id));
  tagBylines([[article]]);
  const byline = article.authors.length ? `By ${new Intl.ListFormat('en-GB').format(article.authors.map((a) => a.name))}` : null;
  // The date on the site's calendar (its cache tag comes along: a new zone renders the card again).
  const dateline = formatInZone(article.publishedAt, await getSiteTimeZone());
  const image = new ImageResponse(<SocialCard headline={article.title} kicker={article.section?.name ?? null} byline={byline} dateline={dateline} />, {
    ...CARD_SIZE,
    fonts: await cardFonts(),
  });
  return { png: new Uint8Array(await image.arrayBuffer()) };
}

/** The card as a response: the PNG, a 308 to the same image at an article's new slug, or a 404. */
export async function articleCardResponse(slug: string, imagePath: (slug: string) => string): Promise<Response> {
  const card = slug === BUILD_PLACEHOLDER ? { redirectTo: null } : await getArticleCardPng(slug);
  if ('png' in card) {
    return new Response(card.png as BodyInit, { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=3600' } });
  }
  if (card.redirectTo) return new Response(null, { status: 308, headers: { Location: imagePath(encodeURIComponent(card.redirectTo)) } });
  return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
