import { connection } from 'next/server';

// Liveness: the process answers. No database, no Redis: a load balancer or process manager restarts an
// instance only when this stops answering (readiness is /api/health/ready). Open to anyone; it says
// nothing but "ok".
export async function GET() {
  // Answered per request (Cache Components would otherwise prerender this at build time).
  await connection();
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
