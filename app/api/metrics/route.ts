import { operationalCounts } from '@/db/queries/system';
import { hasAppSecretBearer } from '@/lib/auth/secret-bearer';
import { log } from '@/lib/log';
import { METRICS_CONTENT_TYPE, metricsText, setQueueGauges } from '@/lib/metrics';

/**
 * This instance's metrics in Prometheus text format, for a scraper that sends the internal API key
 * (`Authorization: Bearer <key>`; `npm run internal-key` prints the key). Without it: 401 and no data.
 * The queue gauges are read from the database now, in one statement; the rest are this process's counts.
 */
export async function GET(request: Request) {
  if (!hasAppSecretBearer(request)) return Response.json({ error: 'Not authorised.' }, { status: 401 });
  try {
    setQueueGauges(await operationalCounts());
  } catch (err) {
    // The process's own counts are still worth scraping when the database is away.
    log.error({ component: 'metrics', err }, 'reading the queues failed');
  }
  return new Response(await metricsText(), { headers: { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' } });
}
