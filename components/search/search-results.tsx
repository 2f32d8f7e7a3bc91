import Link from 'next/link';
import type { SearchHit } from '@/db/queries/search';
import { Time } from '@/components/ui/time';
import { MarkedText } from './marked-text';

export function SearchResults({ hits, headingLevel = 2 }: { hits: SearchHit[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ol className="flex flex-col divide-y divide-current/10" aria-label="Results">
      {hits.map((hit) => (
        <li key={hit.id} className="py-5">
          <article className="flex max-w-3xl flex-col gap-1.5">
            {hit.section && (
              <Link href={`/sections/${hit.section.slug}`} className="text-xs font-bold uppercase tracking-widest text-[var(--color-accent)]">
                {hit.section.name}
              </Link>
            )}
            <Heading className="font-serif text-xl font-bold leading-tight">
              <Link href={`/articles/${hit.slug}`} className="hover:underline underline-offset-4 decoration-1">
                <MarkedText text={hit.titleMarked} />
              </Link>
            </Heading>
            {hit.snippet && (
              <p className="font-serif text-current/85" data-testid="search-snippet">
                <MarkedText text={hit.snippet} />
              </p>
            )}
            <p className="text-xs text-current/70">
              {hit.authors.map((a) => a.name).join(', ')}
              {hit.authors.length > 0 && ' · '}
              <Time date={hit.publishedAt} />
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
