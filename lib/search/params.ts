import { z } from 'zod';
import { SLUG_PATTERN } from '@/lib/slug';
import { normaliseQuery } from './query';

/**
 * The search page's query string, read leniently: a value that makes no sense (a malformed date, a
 * page of "abc", a repeated parameter) is dropped rather than refused, so any address gives a page.
 */
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional().catch(undefined));

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z
  .string()
  .regex(DAY)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));

const SearchParamsSchema = z.object({
  // Cut before normalising so a huge value costs nothing; normaliseQuery caps it again.
  q: z.preprocess(first, z.string().catch('').default('')).transform((s) => normaliseQuery(s.slice(0, 2000))),
  section: lenient(z.string().max(80).regex(SLUG_PATTERN)),
  from: lenient(day),
  to: lenient(day),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100).catch(1).default(1)),
});

export type SearchParams = {
  q: string;
  section: string | undefined;
  /** Inclusive UTC day bounds as typed (YYYY-MM-DD), earlier one first. */
  from: string | undefined;
  to: string | undefined;
  page: number;
};

export function parseSearchParams(raw: Record<string, string | string[] | undefined>): SearchParams {
  const parsed = SearchParamsSchema.parse(raw);
  let { from, to } = parsed;
  if (from && to && from > to) [from, to] = [to, from];
  return { q: parsed.q, section: parsed.section, from, to, page: parsed.page };
}

/** Millisecond bounds of the date filter: [from 00:00 UTC, the day after `to` 00:00 UTC). */
export function dateBounds(p: Pick<SearchParams, 'from' | 'to'>): { from: Date | null; before: Date | null } {
  return {
    from: p.from ? new Date(`${p.from}T00:00:00Z`) : null,
    before: p.to ? new Date(Date.parse(`${p.to}T00:00:00Z`) + 86_400_000) : null,
  };
}

/** The address of a results page, keeping the filters. */
export function searchHref(p: SearchParams, page: number): string {
  const qs = new URLSearchParams({ q: p.q });
  if (p.section) qs.set('section', p.section);
  if (p.from) qs.set('from', p.from);
  if (p.to) qs.set('to', p.to);
  if (page > 1) qs.set('page', String(page));
  return `/search?${qs}`;
}
