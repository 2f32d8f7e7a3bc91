import type { Metadata } from 'next';
import { SearchView, searchMetadata } from '@/components/search/search-view';
import { searchFor } from '@/db/queries/search';
import { parseSearchParams } from '@/lib/search/params';
import { getSectionsNav, PER_PAGE } from '../cached-data';

// Rendered per request, whole (no Suspense hole), so results show without JavaScript. Most searches never
// get here: proxy.ts rewrites them to the cached page at ./r/[key] (lib/search/cache-key.ts); this one
// answers the rest (a query too long to cache, or past the process's quota of cached searches). The query
// is an FTS5 lookup with a LIMIT; the masthead's section list still comes from the cache.
export const instant = false;

export async function generateMetadata({ searchParams }: PageProps<'/search'>): Promise<Metadata> {
  return searchMetadata(parseSearchParams(await searchParams));
}

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  const params = parseSearchParams(await searchParams);
  const [sections, found] = await Promise.all([getSectionsNav(), searchFor(params, PER_PAGE)]);
  return <SearchView params={params} sections={sections} found={found} />;
}
