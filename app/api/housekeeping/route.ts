import { queueHealth } from '@/db/queries/dashboard';
import { dropOldPersonalData, purgeOldSpamAndTrash } from '@/db/queries/housekeeping';
import { queuePendingDigests } from '@/db/queries/notifications';
import { getReplySettings } from '@/db/queries/settings';
import { purgeOldSignInRecords } from '@/db/queries/staff';
import { SIGN_IN_THROTTLE } from '@/lib/auth/sign-in-rules';
import { hasAppSecretBearer } from '@/lib/auth/secret-bearer';
import { withJobRun } from '@/lib/metrics';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Housekeeping: purges spam and trash older than the "purge after" setting, drops hashed addresses,
 * browsers and old mail past the address retention, queues the moderators' hourly digest, and forgets
 * old sign-in attempts and expired sign-outs. The server calls this itself (instrumentation.ts), so no
 * external cron is needed; an external one may call it too.
 */
export async function POST(request: Request) {
  if (!hasAppSecretBearer(request)) return Response.json({ error: 'Not authorised.' }, { status: 401 });
  return withJobRun('housekeeping', housekeeping);
}

async function housekeeping() {
  const { purgeAfterDays, addressRetentionDays } = await getReplySettings();
  const days = Number.isFinite(purgeAfterDays) && purgeAfterDays >= 1 ? purgeAfterDays : 30;
  // Purged replies were never public (spam and trash), so no reader page changes.
  const purged = await purgeOldSpamAndTrash(new Date(Date.now() - days * DAY_MS));
  const keepDays = Number.isFinite(addressRetentionDays) && addressRetentionDays >= 1 ? addressRetentionDays : 90;
  const dropped = await dropOldPersonalData(new Date(Date.now() - keepDays * DAY_MS));
  const digests = await queuePendingDigests(await queueHealth());
  // Sign-in attempts older than any throttle looks back, and sign-outs whose tokens have expired.
  const signInRecordsPurged = await purgeOldSignInRecords(new Date(Date.now() - SIGN_IN_THROTTLE.pairMemoryMs), new Date());
  return Response.json({ purged, addressesDropped: dropped.addresses, personalDataDropped: dropped, digests, signInRecordsPurged });
}
