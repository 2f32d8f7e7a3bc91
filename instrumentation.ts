// Runs once when the server starts. Scheduled publishing and housekeeping need no cron: the server
// asks its own routes (which can revalidate pages) on a timer. With several instances every one runs
// these timers; each job is safe to run twice: due articles and queued mail are claimed row by row
// with a conditional UPDATE (only one instance wins a row), digests carry a per-hour dedupe key, and
// purges delete what is already gone.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { log } = await import('./lib/log');
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    // Traces (Next's request spans and db/tracing.ts's statement spans) go to this OTLP endpoint;
    // without it nothing is exported. OTEL_EXPORTER_OTLP_PROTOCOL, _HEADERS and OTEL_SERVICE_NAME apply.
    const { registerOTel } = await import('@vercel/otel');
    registerOTel({ serviceName: process.env.OTEL_SERVICE_NAME ?? 'broadsheet' });
  }
  if (process.env.NODE_ENV === 'production' && !process.env.BROADSHEET_EDGE) {
    log.warn(
      { component: 'server' },
      'not started through scripts/server.mjs (npm start): client addresses are whatever X-Forwarded-For says, and no security headers or body limits apply',
    );
  }
  const { internalAuthorization } = await import('./lib/auth/secret-bearer');
  if (process.env.DATABASE_SYNC_URL) {
    // An embedded replica pulls from its server before the first read: a new replica file is empty.
    // Unreachable, the instance starts on what the file already holds.
    const { client } = await import('./db');
    await client.sync().catch((err) => log.error({ component: 'db', err }, 'could not sync the replica at start'));
  }
  // The proxy answers old addresses with a 301 from this table; load it before the first request.
  const { reloadRedirects } = await import('./lib/redirects/refresh');
  await reloadRedirects();
  if (process.env.REDIS_URL) {
    // Several instances: another one announces when it moved an address (lib/instances/broadcast.ts).
    // On an embedded replica the change may not have arrived yet, so read again once it has synced.
    const { onBroadcast } = await import('./lib/instances/broadcast');
    const { echoDelayMs } = await import('./lib/revalidate/echo');
    const lagMs = process.env.DATABASE_SYNC_URL ? echoDelayMs() : 0;
    // Not awaited: an unreachable Redis must not hold up the start (the client keeps retrying).
    void onBroadcast('redirects', () => {
      void reloadRedirects();
      if (lagMs) setTimeout(() => void reloadRedirects(), lagMs).unref();
    }).catch((err) => log.error({ component: 'redirects', err }, 'not listening for other instances'));
    // A notice lost while Redis was unreachable is made good within five minutes.
    setInterval(() => void reloadRedirects({ holdRequests: false }), 5 * 60_000).unref();
  }
  const port = process.env.PORT ?? '3000';

  const every = (path: string, intervalMs: number, report: (body: Record<string, unknown>) => void) => {
    const tick = async () => {
      try {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, {
          method: 'POST',
          headers: { authorization: internalAuthorization() },
        });
        if (response.ok) report((await response.json()) as Record<string, unknown>);
      } catch {
        // The server may not be listening yet on the first tick.
      }
    };
    setInterval(tick, intervalMs).unref();
  };

  every('/api/publish-due', Number(process.env.SCHEDULER_INTERVAL_MS ?? 10_000), ({ published }) => {
    if (Array.isArray(published) && published.length) log.info({ component: 'scheduler', published }, 'published');
  });
  if (process.env.SMTP_URL) {
    every('/api/mail-queue', Number(process.env.MAIL_INTERVAL_MS ?? 5000), ({ sent, failed }) => {
      if (typeof sent === 'number' && sent > 0) log.info({ component: 'mail', sent }, 'mail sent');
      if (typeof failed === 'number' && failed > 0) log.warn({ component: 'mail', failed }, 'mail failed; will retry');
    });
  }
  every('/api/housekeeping', Number(process.env.HOUSEKEEPING_INTERVAL_MS ?? 60 * 60 * 1000), ({ purged }) => {
    if (typeof purged === 'number' && purged > 0) log.info({ component: 'housekeeping', purged }, 'purged old spam and trash replies');
  });
}
