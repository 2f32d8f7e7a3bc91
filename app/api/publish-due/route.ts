import { revalidateTag } from 'next/cache';
import { publishDueArticles } from '@/db/queries/admin-articles';
import { cacheTags } from '@/lib/cache-tags';
import { refreshRedirects } from '@/lib/redirects/refresh';
import { revalidateAgainShortly } from '@/lib/revalidate/echo';
import { hasAppSecretBearer } from '@/lib/auth/secret-bearer';

/**
 * Publishes scheduled articles whose time has come and refreshes their pages. The server calls this
 * itself every few seconds (instrumentation.ts), so nobody has to act; an external cron may too.
 */
export async function POST(request: Request) {
  if (!hasAppSecretBearer(request)) return Response.json({ error: 'Not authorised.' }, { status: 401 });
  const published = await publishDueArticles();
  const all = new Set<string>();
  for (const a of published) {
    const tags = [
      cacheTags.article(a.id),
      cacheTags.articleSlug(a.slug),
      cacheTags.home,
      ...(a.sectionSlug ? [cacheTags.section(a.sectionSlug)] : []),
      ...a.tagSlugs.map(cacheTags.tag),
      ...a.authorSlugs.map(cacheTags.author),
    ];
    for (const tag of tags) all.add(tag);
  }
  for (const tag of all) revalidateTag(tag, { expire: 0 });
  // Same as the newsroom's actions: a render in flight across the change is corrected shortly after.
  revalidateAgainShortly([...all]);
  if (published.length) await refreshRedirects();
  return Response.json({ published: published.map((a) => a.slug) });
}
