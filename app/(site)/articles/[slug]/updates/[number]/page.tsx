import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveBadge } from '@/components/live/live-badge';
import { LiveUpdateItem, updateHeadline } from '@/components/live/live-updates';
import { parsePageNumber } from '@/components/ui/page-number';
import { isLive } from '@/lib/live/state';
import { BUILD_PLACEHOLDER, getArticlePageData, getLiveUpdateInContext, notFoundBriefly, placeholderParams } from '../../../../cached-data';
import { articleMetadata } from '../../article-metadata';

export const generateStaticParams = () => placeholderParams('slug', 'number');

// One update's own address: the update in context (the article's title, a link back, a few
// neighbours), cached with the article's tags. An unknown number is a short-lived 404.
async function load(params: PageProps<'/articles/[slug]/updates/[number]'>['params']) {
  const { slug, number: numberParam } = await params;
  if (slug === BUILD_PLACEHOLDER) notFound();
  const number = parsePageNumber(numberParam);
  if (!number) return notFoundBriefly();
  const { article } = await getArticlePageData(slug);
  if (!article || !article.liveStartedAt) return notFoundBriefly();
  const found = await getLiveUpdateInContext(article.id, number);
  if (!found) return notFoundBriefly();
  return { article, number, ...found };
}

export async function generateMetadata({ params }: PageProps<'/articles/[slug]/updates/[number]'>): Promise<Metadata> {
  const { article, update, number } = await load(params);
  const base = articleMetadata(article);
  const headline = update.deletedAt ? '' : updateHeadline(update.body, 80);
  return {
    ...base,
    title: `${headline || `Update ${number}`} — ${article.title}`,
    alternates: { canonical: `/articles/${article.slug}/updates/${number}` },
  };
}

export default async function LiveUpdatePage({ params }: PageProps<'/articles/[slug]/updates/[number]'>) {
  const { article, update, around, number } = await load(params);
  return (
    <article className="mx-auto max-w-3xl">
      <header className="mb-6 border-b border-current/15 pb-4">
        <p className="flex flex-wrap items-center gap-3 text-sm">
          {isLive(article) && <LiveBadge />}
          <span className="font-semibold text-current/70">Update {number}</span>
        </p>
        <h1 className="mt-2 font-serif text-3xl font-bold leading-tight [overflow-wrap:anywhere] sm:text-4xl">
          <Link href={`/articles/${article.slug}`} className="hover:underline">
            {article.title}
          </Link>
        </h1>
        <p className="mt-3 text-sm font-semibold">
          <Link href={`/articles/${article.slug}#update-${number}`} className="text-[var(--color-accent)] hover:underline">
            ← Back to the live coverage
          </Link>
        </p>
      </header>
      <div className="divide-y divide-current/15">
        {around.map((u) => (
          <LiveUpdateItem key={u.number} update={u} highlighted={u.number === update.number} />
        ))}
      </div>
    </article>
  );
}
