import type { Metadata } from 'next';
import { ArticleListPage } from '@/components/article/article-list-page';
import { parsePageNumber } from '@/components/ui/page-number';
import { mediaUrl } from '@/lib/uploads';
import { ResponsiveImage } from '@/components/ui/responsive-image';
import { getAuthorPage, getListPageCount, notFoundBriefly, placeholderParams } from '../../../../cached-data';
import { listPageMetadata } from '../../../../page-metadata';

export const generateStaticParams = () => placeholderParams('slug', 'page');

async function load(params: PageProps<'/authors/[slug]/page/[page]'>['params']) {
  const { slug, page: raw } = await params;
  const page = parsePageNumber(raw);
  // The page count first (cached with the list): a page past the end is a 404 without reading the list.
  const pages = page ? await getListPageCount('author', slug) : null;
  if (!page || pages === null || page > pages) return notFoundBriefly();
  const data = await getAuthorPage(slug, page);
  if (!data || (page > 1 && data.list.items.length === 0)) return notFoundBriefly();
  return { ...data, page, slug };
}

export async function generateMetadata({ params }: PageProps<'/authors/[slug]/page/[page]'>): Promise<Metadata> {
  const { author, page, slug } = await load(params);
  return listPageMetadata({
    title: author.name,
    description: author.bio || `Articles by ${author.name} in Broadsheet.`,
    path: `/authors/${slug}`,
    page,
    feed: { url: `/authors/${slug}/feed.xml`, title: `${author.name} — Broadsheet` },
  });
}

export default async function AuthorPage({ params }: PageProps<'/authors/[slug]/page/[page]'>) {
  const { author, list, slug } = await load(params);
  return (
    <ArticleListPage
      heading={
        <div className="flex items-center gap-4">
          {author.avatarPath && (
            <ResponsiveImage src={mediaUrl(author.avatarPath)} alt="" width={80} height={80} className="size-20 rounded-full object-cover" />
          )}
          <div>
            <p className="text-xs font-bold uppercase tracking-widest text-[var(--color-accent)]">Author</p>
            <h1 className="font-serif text-4xl font-bold">{author.name}</h1>
          </div>
        </div>
      }
      intro={author.bio ? <p className="mt-3 max-w-2xl font-serif text-lg text-current/75">{author.bio}</p> : null}
      basePath={`/authors/${slug}`}
      list={list}
      emptyText={`${author.name} has no published articles yet.`}
    />
  );
}
