import { revalidateTag } from 'next/cache';
import { z } from 'zod';
import { hasAppSecretBearer } from '@/lib/auth/secret-bearer';
import { refreshRedirects } from '@/lib/redirects/refresh';
import { revalidateAgainShortly } from '@/lib/revalidate/echo';

const BodySchema = z.object({
  tags: z.array(z.string().min(1).max(200)).min(1).max(1000),
  secondPass: z.boolean().optional(),
  // Only a change that moved an address reloads the redirect table: every instance holds its requests
  // while it reloads, so a reply or a decision (and their second passes) must not trigger it.
  redirects: z.boolean().optional(),
});

/**
 * Command-line tools (the importer) run outside the server process; they call this, with the
 * application secret, to revalidate the pages their changes touched.
 */
export async function POST(request: Request) {
  if (!hasAppSecretBearer(request)) return Response.json({ error: 'Not authorised.' }, { status: 401 });
  const parsed = BodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'Expected {"tags": ["…"]}.' }, { status: 400 });
  for (const tag of parsed.data.tags) revalidateTag(tag, { expire: 0 });
  if (parsed.data.redirects) await refreshRedirects();
  // Like the newsroom's own actions: a render in flight across the change is corrected shortly after.
  if (!parsed.data.secondPass) revalidateAgainShortly(parsed.data.tags);
  return Response.json({ revalidated: parsed.data.tags });
}
