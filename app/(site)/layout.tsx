import { Masthead, SiteFooter } from '@/components/site/masthead';
import { getSectionsNav } from './cached-data';

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const sections = await getSectionsNav();
  return (
    <>
      <a href="#main" className="skip-link rounded bg-[var(--color-ink)] px-3 py-2 text-[var(--color-paper)]">
        Skip to content
      </a>
      <Masthead sections={sections} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <SiteFooter sections={sections} />
    </>
  );
}
