import type { Metadata } from 'next';
import { ArticleListPage } from '@/components/article/article-list-page';
import { parsePageNumber } from '@/components/ui/page-number';
import { getTagPage, getListPageCount, notFoundBriefly, placeholderParams } from '../../../../cached-data';
import { listPageMetadata } from '../../../../page-metadata';

export const generateStaticParams = () => placeholderParams('slug', 'page');

async function load(params: PageProps<'/tags/[slug]/page/[page]'>['params']) {
  const { slug, page: raw } = await params;
  const page = parsePageNumber(raw);
  // The page count first (cached with the list): a page past the end is a 404 without reading the list.
  const pages = page ? await getListPageCount('tag', slug) : null;
  if (!page || pages === null || page > pages) return notFoundBriefly();
  const data = await getTagPage(slug, page);
  if (!data || (page > 1 && data.list.items.length === 0)) return notFoundBriefly();
  return { ...data, page, slug };
}

export async function generateMetadata({ params }: PageProps<'/tags/[slug]/page/[page]'>): Promise<Metadata> {
  const { tag, page, slug } = await load(params);
  return listPageMetadata({
    title: tag.name,
    description: `Articles about ${tag.name} from Broadsheet.`,
    path: `/tags/${slug}`,
    page,
    feed: { url: `/tags/${slug}/feed.xml`, title: `${tag.name} — Broadsheet` },
  });
}

export default async function TagPage({ params }: PageProps<'/tags/[slug]/page/[page]'>) {
  const { tag, list, slug } = await load(params);
  return (
    <ArticleListPage
      heading={
        <>
          <p className="text-xs font-bold uppercase tracking-widest text-[var(--color-accent)]">Topic</p>
          <h1 className="font-serif text-4xl font-bold">{tag.name}</h1>
        </>
      }
      basePath={`/tags/${slug}`}
      list={list}
      emptyText="No published articles carry this tag yet."
    />
  );
}
