// Shared by the moderation desk's pages.

/** The desk's small outlined button. */
export const smallButton = 'rounded-sm border border-current/40 px-2 py-1 text-sm font-semibold hover:bg-current/5';

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a repeated query parameter. */
export const firstValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
