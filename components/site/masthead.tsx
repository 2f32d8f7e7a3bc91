import Link from 'next/link';
import { MAX_QUERY_LENGTH } from '@/lib/search/query';

export function Masthead({ sections }: { sections: { slug: string; name: string }[] }) {
  return (
    <header className="border-b-4 border-double border-current/70">
      <div className="mx-auto flex max-w-6xl flex-col items-center gap-2 px-4 pb-3 pt-6">
        <Link href="/" className="font-serif text-4xl font-black tracking-tight sm:text-5xl">
          Broadsheet
        </Link>
        <p className="text-xs uppercase tracking-[0.3em] text-current/70">Harbourton &amp; the Wend valley</p>
        {/* A plain GET form: works without JavaScript. */}
        <form role="search" aria-label="Site search" action="/search" method="get" className="mt-2 flex w-full max-w-sm gap-1.5 text-sm">
          <label htmlFor="site-search" className="sr-only">
            Search
          </label>
          <input
            id="site-search"
            type="search"
            name="q"
            maxLength={MAX_QUERY_LENGTH}
            placeholder="Search Broadsheet"
            className="w-full rounded border border-current/30 bg-transparent px-3 py-1.5"
          />
          <button type="submit" className="rounded border border-current/40 px-3 py-1.5 font-semibold hover:bg-current/10">
            Search
          </button>
        </form>
      </div>
      <nav aria-label="Sections" className="site-nav border-t border-current/15">
        <ul className="mx-auto flex max-w-6xl flex-wrap justify-center gap-x-5 gap-y-1 px-4 py-2 text-sm font-semibold">
          <li>
            <Link href="/">Home</Link>
          </li>
          {sections.map((s) => (
            <li key={s.slug}>
              <Link href={`/sections/${s.slug}`}>{s.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

export function SiteFooter({ sections, pages = [] }: { sections: { slug: string; name: string }[]; pages?: { slug: string; title: string }[] }) {
  return (
    <footer className="site-footer mt-16 border-t border-current/20">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-current/70 sm:flex-row sm:justify-between">
        <div className="flex flex-col gap-3">
          <p>
            <span className="font-serif font-bold text-current">Broadsheet</span> — independent local news.
          </p>
          {/* The site's own pages an editor chose (About, policies), in the editor's order. */}
          {pages.length > 0 && (
            <nav aria-label="About Broadsheet">
              <ul className="flex flex-wrap gap-x-4 gap-y-1 font-semibold">
                {pages.map((p) => (
                  <li key={p.slug}>
                    <Link href={`/${p.slug}`}>{p.title}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
        <ul className="flex flex-wrap gap-4">
          {sections.map((s) => (
            <li key={s.slug}>
              <Link href={`/sections/${s.slug}`}>{s.name}</Link>
            </li>
          ))}
        </ul>
      </div>
    </footer>
  );
}
