import { revalidateTag } from 'next/cache';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { appSecret } from '@/lib/secret';

const BodySchema = z.object({ tags: z.array(z.string().min(1).max(200)).min(1).max(1000) });

function authorised(request: Request): boolean {
  const given = Buffer.from(request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(appSecret());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Command-line tools (the importer) run outside the server process; they call this, with the
 * application secret, to revalidate the pages their changes touched.
 */
export async function POST(request: Request) {
  if (!authorised(request)) return Response.json({ error: 'Not authorised.' }, { status: 401 });
  const parsed = BodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'Expected {"tags": ["…"]}.' }, { status: 400 });
  for (const tag of parsed.data.tags) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: parsed.data.tags });
}
