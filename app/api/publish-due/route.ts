import { publishDueArticles } from '@/db/queries/admin-articles';
import { hasAppSecretBearer } from '@/lib/auth/secret-bearer';
import { cacheTags } from '@/lib/cache-tags';
import { expireTags } from '@/lib/revalidate/expire';

/**
 * Publishes scheduled articles whose time has come and refreshes their pages. The server calls this
 * itself every few seconds (instrumentation.ts), so nobody has to act; an external cron may too.
 */
export async function POST(request: Request) {
  if (!hasAppSecretBearer(request)) return Response.json({ error: 'Not authorised.' }, { status: 401 });
  const published = await publishDueArticles();
  if (published.length) {
    const tags = published.flatMap((a) => cacheTags.forArticle({ ...a, sectionSlugs: a.sectionSlug ? [a.sectionSlug] : [] }));
    // A newly public article may take an address that used to redirect.
    await expireTags(tags, { from: 'route', redirects: true });
  }
  return Response.json({ published: published.map((a) => a.slug) });
}
