import type { PublicBanner } from '@/lib/breaking/banner';

/**
 * The banner itself: a region named "Breaking news" with the headline as a link and a "Live" marker.
 * Drawn by the island (components/site/breaking-banner.tsx), which passes its Dismiss button, and on
 * the server for readers without JavaScript.
 */
export function BreakingBannerView({ banner, dismiss }: { banner: PublicBanner; dismiss?: React.ReactNode }) {
  return (
    <section aria-label="Breaking news" className="bg-red-800 text-white">
      <div className="mx-auto flex max-w-6xl items-start gap-3 px-4 py-2 sm:items-center">
        <p className="min-w-0 flex-1 font-semibold break-words">
          {banner.live ? (
            <span className="mr-2 inline-block rounded-sm bg-white px-1.5 py-0.5 align-[0.1em] text-xs font-black tracking-widest text-red-800 uppercase">
              Live
            </span>
          ) : (
            <span className="mr-2 text-xs font-black tracking-widest uppercase">Breaking</span>
          )}
          <a href={banner.link} className="underline decoration-white/60 underline-offset-4 hover:decoration-white">
            {banner.headline}
          </a>
        </p>
        {dismiss}
      </div>
    </section>
  );
}
