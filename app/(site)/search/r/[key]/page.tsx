import type { Metadata } from 'next';
import { SearchView, searchMetadata } from '@/components/search/search-view';
import { getSearchAnswer, getSectionsNav, notFoundBriefly, placeholderParams } from '../../../cached-data';

// A search served from the page cache: proxy.ts rewrites `/search?…` here with the normalised parameters
// as the key (lib/search/cache-key.ts), so the reader's address stays /search?q=…. Cached whole until an
// article change expires the `search` tag; a repeat runs no query. A direct request for this address is
// rewritten by next.config.ts to a key that is never valid (a 404), so only admitted keys reach the cache.

export function generateStaticParams() {
  return placeholderParams('key');
}

export async function generateMetadata({ params }: PageProps<'/search/r/[key]'>): Promise<Metadata> {
  const answer = await getSearchAnswer((await params).key);
  return answer ? searchMetadata(answer.params) : {};
}

export default async function CachedSearchPage({ params }: PageProps<'/search/r/[key]'>) {
  const [answer, sections] = await Promise.all([getSearchAnswer((await params).key), getSectionsNav()]);
  if (!answer) return notFoundBriefly();
  return <SearchView params={answer.params} sections={sections} found={answer.found} />;
}
