import { publishDueArticles, publishDuePendingChanges } from '@/db/queries/admin-articles';
import { expireDuePins } from '@/db/queries/front-pins';
import { hasAppSecretBearer } from '@/lib/auth/secret-bearer';
import { cacheTags } from '@/lib/cache-tags';
import { log } from '@/lib/log';
import { withJobRun } from '@/lib/metrics';
import { expireTags } from '@/lib/revalidate/expire';

/**
 * Publishes scheduled articles (and published articles' scheduled changes) whose time has come and refreshes their pages. The server calls this
 * itself every few seconds (instrumentation.ts), so nobody has to act; an external cron may too.
 */
export async function POST(request: Request) {
  if (!hasAppSecretBearer(request)) return Response.json({ error: 'Not authorised.' }, { status: 401 });
  return withJobRun('scheduler', () => publishDue());
}

async function publishDue() {
  // One after the other: a failure in one never keeps the other's pages from being refreshed.
  const published = await publishDueArticles();
  const changed = await publishDuePendingChanges().catch((error: unknown) => {
    log.error({ component: 'scheduler', err: error }, 'publishing scheduled changes failed');
    return [];
  });
  if (published.length || changed.length) {
    const tags = [
      ...published.flatMap((a) => cacheTags.forArticle({ ...a, sectionSlugs: a.sectionSlug ? [a.sectionSlug] : [] })),
      ...changed.flatMap((a) => cacheTags.forArticle(a)),
    ];
    // A newly public article may take an address that used to redirect.
    await expireTags(tags, { from: 'route', redirects: true });
  }
  // Front-page pins whose time has come: gone from the home page (and their section) within one tick.
  const pins = await expireDuePins().catch((error: unknown) => {
    log.error({ component: 'scheduler', err: error }, 'expiring front-page pins failed');
    return { home: false, sectionSlugs: [] };
  });
  if (pins.home || pins.sectionSlugs.length) await expireTags([cacheTags.home, ...pins.sectionSlugs.map(cacheTags.section)], { from: 'route' });
  return Response.json({ published: published.map((a) => a.slug), updated: changed.map((a) => a.slug), unpinned: pins.home || pins.sectionSlugs.length > 0 });
}
