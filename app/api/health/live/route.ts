// Liveness: the process answers. No database, no Redis: a load balancer or process manager restarts an
// instance only when this stops answering (readiness is /api/health/ready). Open to anyone; it says
// nothing but "ok".
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
