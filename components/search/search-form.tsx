import { Field } from '@/components/ui/field';
import { inputClass, primaryButton, wideInputClass } from '@/components/ui/styles';
import type { SearchParams } from '@/lib/search/params';
import { MAX_QUERY_LENGTH } from '@/lib/search/query';

/** The search page's own form: a plain GET form, so it works without JavaScript (and ships none). */
export function SearchForm({ params, sections }: { params: SearchParams; sections: { slug: string; name: string }[] }) {
  return (
    <form role="search" aria-label="Search articles" action="/search" method="get" className="flex flex-col gap-4">
      <div className="flex items-end gap-2">
        <Field id="search-q" label="Search terms" className="flex grow flex-col gap-1">
          <input type="search" name="q" defaultValue={params.q} maxLength={MAX_QUERY_LENGTH} className={wideInputClass} />
        </Field>
        <button type="submit" className={primaryButton}>
          Search
        </button>
      </div>
      <fieldset className="flex flex-wrap items-start gap-4 text-sm">
        <legend className="sr-only">Filters</legend>
        <Field id="search-section" label="Section">
          <select name="section" defaultValue={params.section ?? ''} className={inputClass}>
            <option value="">All sections</option>
            {sections.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="search-from" label="From">
          <input type="date" name="from" defaultValue={params.from ?? ''} className={inputClass} />
        </Field>
        <Field id="search-to" label="To">
          <input type="date" name="to" defaultValue={params.to ?? ''} className={inputClass} />
        </Field>
      </fieldset>
    </form>
  );
}
