// The production server: Next's request handler behind a plain Node HTTP server, in place of
// `next start`. `npm start` (scripts/start.mjs), the Playwright test servers, the bench and every
// instance of the stack run it:
//
//   node scripts/server.mjs [-H host] [-p port]        (or HOST and PORT; default port 3000)
//
// It exists because this is where a request first arrives, the only place that sees the socket:
// `next start` keeps an X-Forwarded-For the client sent and hides the socket's address from pages
// and actions. Before Next sees a request, this server
// - works out the client's address (lib/request-address.ts: the socket's, or with TRUST_PROXY the
//   right-most X-Forwarded-For entry that is not a trusted proxy), puts exactly that in
//   X-Forwarded-For and drops every other forwarded header unless a trusted proxy sent them;
// - refuses addresses Next cannot read and bodies larger than the address takes (lib/edge/gate.ts);
// - sets the security headers every response carries (lib/edge/security-headers.ts).
// Node loads those TypeScript files itself (type stripping, Node 22.18 and later).
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import nextEnv from '@next/env';

if (!process.features.typescript) {
  console.error(`[server] Node ${process.versions.node} cannot load TypeScript files: use Node 24 (see README).`);
  process.exit(1);
}

const { values: args } = parseArgs({ options: { hostname: { type: 'string', short: 'H' }, port: { type: 'string', short: 'p' } } });
const hostname = args.hostname ?? process.env.HOST ?? undefined;
const port = Number(args.port ?? process.env.PORT ?? 3000);
process.env.NODE_ENV = 'production';
// instrumentation.ts calls the server's own routes on this port.
process.env.PORT = String(port);
// Where Next fetches its own pages from (a server action's redirect), as `next start` sets it.
const local = !hostname || hostname === '0.0.0.0' ? 'localhost' : hostname === '::' ? '[::1]' : hostname.includes(':') ? `[${hostname}]` : hostname;
process.env.__NEXT_PRIVATE_ORIGIN = `http://${local}:${port}`;
// Tells the app it runs behind this server (instrumentation.ts warns otherwise).
process.env.BROADSHEET_EDGE = '1';
// As `next start` does, before the settings are read: .env files count here too.
nextEnv.loadEnvConfig(process.cwd(), false);

const { env } = await import('../lib/env.ts');
const { resolveClientAddress } = await import('../lib/request-address.ts');
const { bodyProblem, targetProblem, UPLOAD_BODY_LIMIT } = await import('../lib/edge/gate.ts');
const { baseSecurityHeaders } = await import('../lib/edge/security-headers.ts');
const { hasStaffSession } = await import('../lib/edge/staff-session.ts');
const { log, startRequestLog } = await import('../lib/log.ts');
// Request counts and latency by route template for /api/metrics (lib/metrics.ts).
const { startRequestMetrics } = await import('../lib/metrics.ts');
const next = (await import('next')).default;

const trusted = env.TRUST_PROXY ? env.TRUSTED_PROXIES : null;
const securityHeaders = baseSecurityHeaders(env.SITE_URL);
const FORWARDED = ['forwarded', 'x-real-ip', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'];

const server = createServer();
const app = next({ dev: false, dir: process.cwd(), hostname, port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

/** A refusal before Next: plain text, and the connection closed if the client meant to send far too much. */
function refuse(req, res, { status, message }) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  // Up to the upload limit Node reads the unread body away and keeps the connection; beyond, it closes.
  if (Number(req.headers['content-length']) > UPLOAD_BODY_LIMIT) res.setHeader('Connection', 'close');
  res.end(`${message}\n`);
}

server.on('request', async (req, res) => {
  // One JSON line per request once answered (request id, route, status, duration: lib/log.ts).
  // One 'close' listener for both: Next adds its own, and more than ten on a response draw a warning.
  const logged = startRequestLog(req, res);
  const counted = startRequestMetrics(req, res);
  res.once('close', () => {
    logged();
    counted();
  });
  try {
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
    const target = req.url ?? '/';
    const path = target.split('?', 1)[0];
    const refusal =
      targetProblem(target) ??
      (await bodyProblem({ path, contentLength: req.headers['content-length'], transferEncoding: req.headers['transfer-encoding'] }, () =>
        hasStaffSession(req.headers.cookie),
      ));
    if (refusal) return refuse(req, res, refusal);

    // One trusted value for everything after this point (auth.ts, the actions, proxy.ts).
    const fromTrustedProxy = trusted !== null && trusted.has(req.socket.remoteAddress ?? '');
    const address = resolveClientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted);
    if (address) req.headers['x-forwarded-for'] = address;
    else delete req.headers['x-forwarded-for'];
    if (!fromTrustedProxy) for (const name of FORWARDED) delete req.headers[name];
    // For /admin/system's TRUST_PROXY check (Next adds X-Forwarded-* itself, so the page cannot tell).
    req.headers['x-broadsheet-via-proxy'] = fromTrustedProxy ? '1' : '0';

    await handle(req, res);
  } catch (err) {
    log.error({ err, requestId: req.headers['x-request-id'], method: req.method, route: (req.url ?? '/').split('?', 1)[0] }, 'failed to handle the request');
    if (!res.headersSent) res.statusCode = 500;
    res.end(res.headersSent ? undefined : 'Internal Server Error');
  }
});

await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, hostname, resolve);
});
log.info({ url: `http://${hostname ?? 'localhost'}:${port}`, trustedProxies: trusted?.list }, 'ready');

// As `next start`: on SIGTERM or SIGINT stop accepting connections, let the requests in flight finish
// (idle keep-alive connections are closed at once), then close Next and exit.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app
        .close()
        .catch((err) => log.error({ err }, 'closing Next failed'))
        .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  });
}
