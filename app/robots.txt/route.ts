import { connection } from 'next/server';
import { env } from '@/lib/env';
import { siteBase } from '@/lib/seo/site';
import { robotsTxt } from '@/lib/seo/sitemap';

// A route handler rather than app/robots.ts: that one is prerendered at build time, which would
// bake the build's SITE_URL into the sitemap addresses.
export async function GET() {
  await connection();
  return new Response(robotsTxt(siteBase(env.SITE_URL)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
}
