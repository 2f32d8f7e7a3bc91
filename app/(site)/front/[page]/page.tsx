import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleCard } from '@/components/article/article-card';
import { parsePageNumber } from '@/components/ui/page-number';
import { Pagination } from '@/components/ui/pagination';
import { getFrontPage, getListPageCount, notFoundBriefly, placeholderParams } from '../../cached-data';
import { listPageMetadata } from '../../page-metadata';

export const generateStaticParams = () => placeholderParams('page');

export async function generateMetadata({ params }: PageProps<'/front/[page]'>): Promise<Metadata> {
  const page = parsePageNumber((await params).page) ?? 1;
  if (page > 1) return listPageMetadata({ title: 'Latest news', path: '/', page });
  return { ...listPageMetadata({ title: 'Broadsheet — news from Harbourton', path: '/', page }), title: { absolute: 'Broadsheet — news from Harbourton' } };
}

export default async function FrontPage({ params }: PageProps<'/front/[page]'>) {
  const page = parsePageNumber((await params).page);
  // The page count first (cached with the list): a page past the end is a 404 without reading the list.
  if (!page || page > ((await getListPageCount('all')) ?? 1)) return notFoundBriefly();
  const { latest, sectionBlocks } = await getFrontPage(page);
  if (latest.items.length === 0 && page > 1) return notFoundBriefly();

  if (page > 1) {
    return (
      <>
        <h1 className="mb-8 font-serif text-3xl font-bold">Latest news</h1>
        <div className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
          {latest.items.map((a) => (
            <ArticleCard key={a.id} article={a} headingLevel={2} />
          ))}
        </div>
        <Pagination basePath="/" page={page} hasNext={latest.hasNext} label="Latest news pages" />
      </>
    );
  }

  const [lead, ...rest] = latest.items;
  return (
    <>
      <h1 className="sr-only">Broadsheet: today&rsquo;s news</h1>
      {!lead && <p className="font-serif text-xl">Nothing has been published yet.</p>}
      {lead && (
        <section aria-labelledby="lead-heading" className="border-b border-current/15 pb-8">
          <h2 id="lead-heading" className="sr-only">
            Lead story
          </h2>
          <ArticleCard article={lead} variant="lead" headingLevel={3} />
        </section>
      )}
      {rest.length > 0 && (
        <section aria-labelledby="latest-heading" className="border-b border-current/15 py-8">
          <h2 id="latest-heading" className="mb-6 text-xs font-bold uppercase tracking-widest">
            Latest
          </h2>
          <div className="grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {rest.map((a) => (
              <ArticleCard key={a.id} article={a} />
            ))}
          </div>
        </section>
      )}
      {sectionBlocks.map(({ section, articles }) => (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`} className="border-b border-current/15 py-8">
          <h2
            id={`section-${section.slug}`}
            className="mb-6 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 font-serif text-2xl font-bold [overflow-wrap:anywhere]"
          >
            <Link href={`/sections/${section.slug}`} className="hover:underline underline-offset-4">
              {section.name}
            </Link>
            <Link href={`/sections/${section.slug}`} className="font-sans text-sm font-semibold text-[var(--color-accent)]">
              More {section.name.toLowerCase()} →
            </Link>
          </h2>
          <div className="grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {articles.map((a: (typeof articles)[number]) => (
              <ArticleCard key={a.id} article={a} variant="standard" />
            ))}
          </div>
        </section>
      ))}
      {latest.hasNext && (
        <p className="mt-8 text-center">
          <Link href="/?page=2" className="font-semibold underline underline-offset-4">
            More stories →
          </Link>
        </p>
      )}
    </>
  );
}
