/**
 * How many pages a list of `total` articles takes: the first page holds `first` (the front page's
 * nine), the rest `perPage` each. An empty list still has its page 1 ("Nothing has been published").
 */
export function listPageCount(total: number, perPage: number, first = perPage): number {
  if (total <= first) return 1;
  return 1 + Math.ceil((total - first) / perPage);
}
