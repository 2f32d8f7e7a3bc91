import { z } from 'zod';
import { hasAppSecretBearer } from '@/lib/auth/secret-bearer';
import { expireTags } from '@/lib/revalidate/expire';

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
  const { tags, secondPass, redirects } = parsed.data;
  // A call that is itself a second pass asks for none of its own.
  await expireTags(tags, { from: 'route', redirects, secondPass: !secondPass });
  return Response.json({ revalidated: tags });
}
