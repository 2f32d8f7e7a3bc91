import { z } from 'zod';
import { getCurrentStaff } from '@/auth';
import { exportCommenter } from '@/db/queries/commenters';
import { can } from '@/lib/auth/permissions';

const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** A commenter's data as JSON (a subject access request), for moderators. */
export async function GET(request: Request) {
  const staff = await getCurrentStaff();
  if (!staff || !can(staff, { do: 'reply.moderate' })) return Response.json({ error: 'Not allowed.' }, { status: 403 });
  const parsed = EmailSchema.safeParse(new URL(request.url).searchParams.get('email') ?? '');
  if (!parsed.success) return Response.json({ error: 'Give the commenter’s email as ?email=' }, { status: 400 });
  const data = await exportCommenter(parsed.data);
  const file = `replies-${parsed.data.replace(/[^a-z0-9]+/g, '-')}.json`;
  return new Response(JSON.stringify(data, null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${file}"`, 'cache-control': 'no-store' },
  });
}
