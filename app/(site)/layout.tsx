import type { Metadata } from 'next';
import { BreakingBanner } from '@/components/site/breaking-banner';
import { BreakingBannerView } from '@/components/site/breaking-banner-view';
import { bannerSnapshot } from '@/lib/breaking/snapshot';
import { Masthead, SiteFooter } from '@/components/site/masthead';
import { SITE_NAME } from '@/lib/seo/site';
import { feedTypes } from './page-metadata';
import { getFooterPages, getSectionsNav } from './cached-data';

// Pages that set no alternates of their own still announce the site feed.
export const metadata: Metadata = {
  alternates: { types: feedTypes() },
  openGraph: { type: 'website', siteName: SITE_NAME, locale: 'en_GB' },
};

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [sections, pages] = await Promise.all([getSectionsNav(), getFooterPages()]);
  const banner = bannerSnapshot();
  return (
    <>
      <a href="#main" className="skip-link rounded bg-[var(--color-ink)] px-3 py-2 text-[var(--color-paper)]">
        Skip to content
      </a>
      {/* Polls its own cached answer: the banner never makes this layout (or any cached page) re-render. */}
      <BreakingBanner />
      {/* Without JavaScript: the banner up when this page was rendered (a cached page: when it last revalidated). */}
      {banner && (
        <noscript>
          <BreakingBannerView banner={banner} />
        </noscript>
      )}
      <Masthead sections={sections} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <SiteFooter sections={sections} pages={pages} />
    </>
  );
}
