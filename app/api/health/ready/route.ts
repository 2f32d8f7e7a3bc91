import { connection } from 'next/server';
import { databaseAnswers, migrationsCurrent } from '@/db/queries/health';
import { env } from '@/lib/env';
import { checkReadiness } from '@/lib/health/readiness';
import { redisAnswers } from '@/lib/health/redis';
import { log, scrubErrorText } from '@/lib/log';

// Readiness: 200 when this instance can serve readers (the database answers `select 1` within a second,
// this build's migrations are applied, Redis answers when REDIS_URL is set), else 503 naming the check
// that failed. Open to load balancers without the internal key, so it says nothing else: no error text,
// no hosts, no paths. Never cached; the request itself is logged at debug level only (lib/log.ts), and
// a change between ready and not ready once, at warn or info.
const shared = globalThis as unknown as { __broadsheetWasReady?: boolean };

export async function GET() {
  await connection();
  const readiness = await checkReadiness({
    database: () => databaseAnswers(),
    migrations: () => migrationsCurrent(),
    ...(env.REDIS_URL ? { redis: () => redisAnswers(env.REDIS_URL!) } : {}),
  });
  if (shared.__broadsheetWasReady !== readiness.ready) {
    // For the operator only: what went wrong, minus any query parameters or emails.
    const errors = Object.fromEntries(Object.entries(readiness.errors).map(([k, e]) => [k, scrubErrorText(e instanceof Error ? e.message : String(e))]));
    const line = { component: 'health', checks: readiness.checks, errors };
    if (readiness.ready) log.info(line, 'ready');
    else log.warn(line, 'not ready');
    shared.__broadsheetWasReady = readiness.ready;
  }
  return Response.json(
    { status: readiness.ready ? 'ok' : 'unavailable', checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
