import { z } from 'zod';

// The two revisions the compare page shows: /admin/articles/[id]/revisions/compare?from=A&to=B.
// Checked by the admin gate (a real 404 before the page renders) and by the page itself.

const revisionId = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/)
  .transform(Number)
  .refine((n) => Number.isSafeInteger(n));

export const CompareParamsSchema = z.object({ from: revisionId, to: revisionId });
export type CompareParams = z.output<typeof CompareParamsSchema>;

type Search = URLSearchParams | Record<string, string | string[] | undefined>;

/** The pair named by the address, or null for a missing, repeated or malformed id. */
export function parseCompareParams(search: Search | undefined): CompareParams | null {
  const one = (name: string) => {
    if (!search) return undefined;
    if (search instanceof URLSearchParams) return search.getAll(name).length === 1 ? search.get(name) : undefined;
    return search[name];
  };
  const parsed = CompareParamsSchema.safeParse({ from: one('from'), to: one('to') });
  return parsed.success ? parsed.data : null;
}

/** The compare page's address for this pair. */
export function compareHref(articleId: number, pair: { from: number; to: number }): string {
  return `/admin/articles/${articleId}/revisions/compare?from=${pair.from}&to=${pair.to}`;
}
