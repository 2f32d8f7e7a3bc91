import { expect, test } from './support/fixtures';

// The load balancer's two questions (lib/health/readiness.ts): open to anyone without the internal
// key, never cached, and saying nothing beyond which check passed. The database-lost answer (503) is
// covered against an unreachable database in db/queries/health.test.ts, and through nginx in the
// stack's tests.

test('live answers ok without touching anything, uncached', async ({ request }) => {
  const response = await request.get('/api/health/live');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('ready answers 200 when the database answers and its migrations are current, with no secret or error text', async ({ request }) => {
  const response = await request.get('/api/health/ready');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  // No Redis in this server's settings: only the database's two checks.
  expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok' } });
  const text = await (await request.get('/api/health/ready')).text();
  expect(text).not.toMatch(/file:|\/tmp|\.db|data\/|Bearer|secret/i);
});

test('every answer carries a request id: a sane one from the client is kept, anything else replaced', async ({ request }) => {
  const kept = await request.get('/api/health/live', { headers: { 'x-request-id': 'lb-probe-42' } });
  expect(kept.headers()['x-request-id']).toBe('lb-probe-42');
  const replaced = await request.get('/', { headers: { 'x-request-id': 'not a <sane> id' } });
  expect(replaced.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  const made = await request.get('/robots.txt');
  expect(made.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});
