import type { SearchParams } from '@/lib/search/params';
import { MAX_QUERY_LENGTH } from '@/lib/search/query';

const field = 'rounded border border-current/30 bg-transparent px-3 py-2 text-base';

/** The search page's own form: a plain GET form, so it works without JavaScript. */
export function SearchForm({ params, sections }: { params: SearchParams; sections: { slug: string; name: string }[] }) {
  return (
    <form role="search" aria-label="Search articles" action="/search" method="get" className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="search-q" className="text-sm font-semibold">
          Search terms
        </label>
        <div className="flex gap-2">
          <input id="search-q" type="search" name="q" defaultValue={params.q} maxLength={MAX_QUERY_LENGTH} className={`${field} w-full`} />
          <button type="submit" className="rounded bg-[var(--color-ink)] px-4 py-2 font-semibold text-[var(--color-paper)]">
            Search
          </button>
        </div>
      </div>
      <fieldset className="flex flex-wrap items-end gap-4 text-sm">
        <legend className="sr-only">Filters</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor="search-section" className="font-semibold">
            Section
          </label>
          <select id="search-section" name="section" defaultValue={params.section ?? ''} className={field}>
            <option value="">All sections</option>
            {sections.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="search-from" className="font-semibold">
            From
          </label>
          <input id="search-from" type="date" name="from" defaultValue={params.from ?? ''} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="search-to" className="font-semibold">
            To
          </label>
          <input id="search-to" type="date" name="to" defaultValue={params.to ?? ''} className={field} />
        </div>
      </fieldset>
    </form>
  );
}
