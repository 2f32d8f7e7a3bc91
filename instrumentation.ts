// Runs once when the server starts. Publishing scheduled articles needs no cron: the server asks its
// own publish-due route (which can revalidate pages) every few seconds.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { appSecret } = await import('./lib/secret');
  // The proxy answers old addresses with a 301 from this table; load it before the first request.
  const { refreshRedirects } = await import('./lib/redirects/refresh');
  await refreshRedirects();
  const port = process.env.PORT ?? '3000';
  const intervalMs = Number(process.env.SCHEDULER_INTERVAL_MS ?? 10_000);
  const tick = async () => {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/publish-due`, {
        method: 'POST',
        headers: { authorization: `Bearer ${appSecret()}` },
      });
      if (response.ok) {
        const { published } = (await response.json()) as { published: string[] };
        if (published.length) console.log(`[scheduler] published ${published.join(', ')}`);
      }
    } catch {
      // The server may not be listening yet on the first tick.
    }
  };
  setInterval(tick, intervalMs).unref();
}
