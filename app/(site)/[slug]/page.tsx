import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { renderBody } from '@/lib/markdown/render';
import { pageDescription } from '@/lib/pages/editing';
import { isPageSlug } from '@/lib/pages/slug';
import { SITE_NAME } from '@/lib/seo/site';
import { BUILD_PLACEHOLDER, getPageData, notFoundBriefly, placeholderParams } from '../cached-data';
import { feedTypes } from '../page-metadata';

// The site's own pages (About, Contact, policies) at the site root: /about. The site's own addresses
// (/search, /articles/…, /feed.xml) are folders and files of app/ and win over this route; a page slug
// can never take one of them (lib/pages/slug.ts). Cached whole like an article until a save expires it.

export const generateStaticParams = () => placeholderParams('slug');

async function load(slug: string) {
  if (slug === BUILD_PLACEHOLDER) notFound();
  // An address no page could have (a dot, capitals, a reserved word) is not looked up.
  if (!isPageSlug(slug)) return notFoundBriefly();
  const page = await getPageData(slug);
  if (!page) return notFoundBriefly();
  return page;
}

export async function generateMetadata({ params }: PageProps<'/[slug]'>): Promise<Metadata> {
  const page = await load((await params).slug);
  const description = pageDescription(page.body, page.bodyFormat);
  const path = `/${page.slug}`;
  return {
    title: page.title,
    description,
    alternates: { canonical: path, types: feedTypes() },
    openGraph: { type: 'website', siteName: SITE_NAME, locale: 'en_GB', url: path, title: page.title, description },
    twitter: { card: 'summary', title: page.title, description },
  };
}

export default async function SitePage({ params }: PageProps<'/[slug]'>) {
  const page = await load((await params).slug);
  return (
    <article className="mx-auto max-w-3xl">
      <header className="mb-6 border-b border-current/15 pb-4">
        <h1 className="font-serif text-4xl font-bold leading-tight sm:text-5xl">{page.title}</h1>
      </header>
      <div
        className="prose prose-lg prose-neutral max-w-none break-words font-serif dark:prose-invert prose-headings:font-serif prose-a:text-[var(--color-accent)]"
        dangerouslySetInnerHTML={{ __html: renderBody(page.body, page.bodyFormat) }}
      />
    </article>
  );
}
