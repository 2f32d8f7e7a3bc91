import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './support/paths';

// Issue 16 point 7: with OTEL_EXPORTER_OTLP_ENDPOINT set, the server exports traces (Next's request
// spans, db/tracing.ts's statement spans). A small OTLP/HTTP receiver here collects what arrives from a
// server of this test's own (the shared test servers export nothing).

const BASE = Number(process.env.E2E_PORT ?? 3210);
const APP_PORT = BASE + 17;
const RECEIVER_PORT = BASE + 18;
const DATA_DIR = join(ROOT, 'data', 'e2e-traces');

type Span = { name: string; attributes?: { key: string; value: Record<string, unknown> }[] };
type Export = { resourceSpans?: { scopeSpans?: { spans?: Span[] }[] }[] };

test('with an OTLP endpoint the server exports request and database spans', async ({ request }) => {
  test.setTimeout(120_000);
  const spans: Span[] = [];
  const receiver: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const data = JSON.parse(body) as Export;
        for (const r of data.resourceSpans ?? []) for (const s of r.scopeSpans ?? []) spans.push(...(s.spans ?? []));
      }
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(RECEIVER_PORT, '127.0.0.1', resolve));

  rmSync(DATA_DIR, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(APP_PORT),
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${DATA_DIR}/broadsheet.db`,
    SITE_URL: `http://127.0.0.1:${APP_PORT}`,
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${RECEIVER_PORT}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '200',
  };
  delete env.AUTH_SECRET;
  const app = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, detached: true, stdio: 'ignore' });
  try {
    await expect
      .poll(async () => (await request.get(`http://127.0.0.1:${APP_PORT}/search?q=harbour`).catch(() => null))?.status() ?? 0, { timeout: 60_000 })
      .toBe(200);
    await expect.poll(() => spans.some((s) => s.attributes?.some((a) => a.key === 'db.system')), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => spans.some((s) => /^GET /.test(s.name)), { timeout: 20_000 }).toBe(true);
    // Statements travel with placeholders, never their values.
    const statements = spans.flatMap((s) => s.attributes ?? []).filter((a) => a.key === 'db.statement');
    expect(statements.length).toBeGreaterThan(0);
    expect(JSON.stringify(statements)).not.toContain('harbour');
  } finally {
    if (app.pid) process.kill(-app.pid, 'SIGTERM');
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
