import type { Metadata } from 'next';
import { ArticleListPage } from '@/components/article/article-list-page';
import { parsePageNumber } from '@/components/ui/page-number';
import { getSectionPage, getListPageCount, notFoundBriefly, placeholderParams } from '../../../../cached-data';
import { listPageMetadata } from '../../../../page-metadata';

export const generateStaticParams = () => placeholderParams('slug', 'page');

async function load(params: PageProps<'/sections/[slug]/page/[page]'>['params']) {
  const { slug, page: raw } = await params;
  const page = parsePageNumber(raw);
  // The page count first (cached with the list): a page past the end is a 404 without reading the list.
  const pages = page ? await getListPageCount('section', slug) : null;
  if (!page || pages === null || page > pages) return notFoundBriefly();
  const data = await getSectionPage(slug, page);
  if (!data || (page > 1 && data.list.items.length === 0)) return notFoundBriefly();
  return { ...data, page, slug };
}

export async function generateMetadata({ params }: PageProps<'/sections/[slug]/page/[page]'>): Promise<Metadata> {
  const { section, page, slug } = await load(params);
  return listPageMetadata({
    title: section.name,
    description: section.description,
    path: `/sections/${slug}`,
    page,
    feed: { url: `/sections/${slug}/feed.xml`, title: `${section.name} — Broadsheet` },
  });
}

export default async function SectionPage({ params }: PageProps<'/sections/[slug]/page/[page]'>) {
  const { section, list, slug } = await load(params);
  return (
    <ArticleListPage
      heading={<h1 className="font-serif text-4xl font-bold">{section.name}</h1>}
      intro={section.description ? <p className="mt-2 font-serif text-lg text-current/75">{section.description}</p> : null}
      basePath={`/sections/${slug}`}
      list={list}
      emptyText="Nothing has been published in this section yet."
    />
  );
}
