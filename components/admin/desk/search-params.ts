// The desk pages' address parameters, as Next hands them over.

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a repeated query parameter. */
export const firstValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Every parameter's first value, for a zod schema to parse. */
export const firstValues = (raw: SearchParams) => Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, firstValue(v)]));
