import { purgeOldSpamAndTrash } from '@/db/queries/moderation';
import { getReplySettings } from '@/db/queries/settings';
import { hasAppSecretBearer } from '@/lib/auth/secret-bearer';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Purges spam and trash older than the "purge after" setting. The server calls this itself
 * (instrumentation.ts), so no external cron is needed; an external one may call it too.
 */
export async function POST(request: Request) {
  if (!hasAppSecretBearer(request)) return Response.json({ error: 'Not authorised.' }, { status: 401 });
  const { purgeAfterDays } = await getReplySettings();
  const days = Number.isFinite(purgeAfterDays) && purgeAfterDays >= 1 ? purgeAfterDays : 30;
  const purged = await purgeOldSpamAndTrash(new Date(Date.now() - days * DAY_MS));
  // Purged replies were never public (spam and trash), so no reader page changes.
  return Response.json({ purged });
}
