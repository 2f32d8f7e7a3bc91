import type { Metadata } from 'next';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { Pagination } from '@/components/ui/pagination';
import type { SearchPage } from '@/db/queries/search';
import { searchHref, type SearchParams } from '@/lib/search/params';

/** The search page's title; never indexed (endless addresses), its links followed. */
export function searchMetadata({ q }: Pick<SearchParams, 'q'>): Metadata {
  return { title: q ? `Search: ${q}` : 'Search', robots: { index: false, follow: true } };
}

/** The search page for its parameters and answer: the same markup whether it was cached or rendered per request. */
export function SearchView({ params, sections, found }: { params: SearchParams; sections: { slug: string; name: string }[]; found: SearchPage | null }) {
  const filtered = Boolean(params.section || params.from || params.to);
  return (
    <>
      <header className="mb-8 border-b border-current/15 pb-6">
        <h1 className="mb-6 font-serif text-4xl font-bold">Search</h1>
        <SearchForm params={params} sections={sections} />
      </header>
      <section aria-live="polite" aria-label="Search results">
        {!params.q && found ? (
          <DateArchive params={params} found={found} />
        ) : !params.q ? (
          <p className="font-serif text-lg">Type a word or two to search every published article.</p>
        ) : !found || found.items.length === 0 ? (
          <p className="font-serif text-lg" role="status">
            No results for “{params.q}”{filtered ? ' with these filters' : ''}
            {params.page > 1 ? ` on page ${params.page}` : ''}.
          </p>
        ) : (
          <>
            <p className="mb-2 text-sm text-current/70" role="status">
              Results for “{params.q}”{params.page > 1 ? `, page ${params.page}` : ''}
            </p>
            <SearchResults hits={found.items} />
            <SearchPagination params={params} hasNext={found.hasNext} />
          </>
        )}
      </section>
    </>
  );
}

/** Articles of a date range, without words: the dates as the reader asked for them, then the list. */
function DateArchive({ params, found }: { params: SearchParams; found: SearchPage }) {
  const range =
    params.from && params.to
      ? params.from === params.to
        ? `on ${params.from}`
        : `from ${params.from} to ${params.to}`
      : params.from
        ? `since ${params.from}`
        : `until ${params.to}`;
  if (found.items.length === 0)
    return (
      <p className="font-serif text-lg" role="status">
        No articles published {range}
        {params.page > 1 ? ` on page ${params.page}` : ''}.
      </p>
    );
  return (
    <>
      <p className="mb-2 text-sm text-current/70" role="status">
        Articles published {range}
        {params.page > 1 ? `, page ${params.page}` : ''}
      </p>
      <SearchResults hits={found.items} />
      <SearchPagination params={params} hasNext={found.hasNext} />
    </>
  );
}

function SearchPagination({ params, hasNext }: { params: SearchParams; hasNext: boolean }) {
  // Pagination appends ?page=N to its base; the search address already has a query string.
  const base = searchHref({ ...params, page: 1 }, 1);
  return <Pagination basePath={base} page={params.page} hasNext={hasNext} label="Result pages" separator="&" words={['Previous', 'Next']} />;
}
