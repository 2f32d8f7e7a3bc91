import Link from 'next/link';
import type { LiveUpdateRow } from '@/db/queries/live-updates';
import { renderBody } from '@/lib/markdown/render';
import { mediaUrl } from '@/lib/uploads';
import { Time } from '@/components/ui/time';
import { ResponsiveImage } from '@/components/ui/responsive-image';

// A live article's updates as readers get them, rendered into the cached page. Each update is an
// <article id="update-N"> inside the list #live-updates-list (newest first), which the reader island
// ("Show N new updates") inserts above.

export type LiveUpdatesData = {
  updates: LiveUpdateRow[];
  keyEvents: { number: number; body: string; createdAt: Date }[];
  page: number;
  pages: number;
  latest: number;
};

/** The address of update N: its place on this page when it is shown here, else its own page. */
const updateHref = (slug: string, shown: Set<number>, n: number) => (shown.has(n) ? `#update-${n}` : `/articles/${slug}/updates/${n}`);

/** The first line of an update's Markdown, as plain text, for the key-events list. */
export function updateHeadline(body: string, max = 140): string {
  const line =
    body
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  const plain = line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_`>~]/g, '')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

/** Once coverage has ended, its summary leads the page. */
export function LiveSummary({ summary }: { summary: string }) {
  return (
    <section aria-labelledby="live-summary-heading" className="mb-8 border-l-4 border-[var(--color-ink)] bg-current/[0.04] px-4 py-3">
      <h2 id="live-summary-heading" className="text-sm font-bold uppercase tracking-widest">
        Summary
      </h2>
      <div
        className="prose prose-neutral mt-2 max-w-none font-serif dark:prose-invert prose-a:text-[var(--color-accent)]"
        dangerouslySetInnerHTML={{ __html: renderBody(summary, 'markdown') }}
      />
    </section>
  );
}

/** The key events, newest first, as links to their updates. */
export function KeyEvents({ slug, data }: { slug: string; data: LiveUpdatesData }) {
  if (data.keyEvents.length === 0) return null;
  const shown = new Set(data.updates.map((u) => u.number));
  return (
    <nav aria-label="Key events" className="mb-8 rounded-sm border border-current/20 p-4">
      <h2 className="mb-2 text-sm font-bold uppercase tracking-widest">Key events</h2>
      <ol className="flex flex-col gap-2">
        {data.keyEvents.map((k) => (
          <li key={k.number} className="grid gap-x-3 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
            <Time date={k.createdAt} withTime className="text-current/70 tabular-nums sm:whitespace-nowrap" />
            <Link href={updateHref(slug, shown, k.number)} className="min-w-0 font-semibold [overflow-wrap:anywhere] hover:underline">
              {updateHeadline(k.body) || `Update ${k.number}`}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** One update: time (linked to its own address), author, key-event mark, text, image, edits and correction. */
export function LiveUpdateItem({ update: u, highlighted = false }: { update: LiveUpdateRow; highlighted?: boolean }) {
  const anchor = `update-${u.number}`;
  return (
    <article
      id={anchor}
      data-update={u.number}
      aria-labelledby={`${anchor}-time`}
      className={`grid scroll-mt-6 gap-x-6 gap-y-2 py-5 sm:grid-cols-[9rem_minmax(0,1fr)] ${
        u.keyEvent && !u.deletedAt ? 'border-l-4 border-[var(--color-accent)] pl-3 sm:pl-4' : ''
      } ${highlighted ? 'bg-amber-50 px-3 dark:bg-amber-950/30' : ''}`}
    >
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm sm:flex-col sm:gap-1">
        <a id={`${anchor}-time`} href={`#${anchor}`} className="font-bold tabular-nums hover:underline">
          <Time date={u.createdAt} withTime />
        </a>
        {u.keyEvent && !u.deletedAt && <span className="text-xs font-bold uppercase tracking-widest text-[var(--color-accent)]">Key event</span>}
        {u.authorName && !u.deletedAt && <span className="text-current/70">{u.authorName}</span>}
      </header>
      <div className="min-w-0">
        {u.deletedAt ? (
          <p className="font-serif italic text-current/70">
            This update was deleted on <Time date={u.deletedAt} withTime />.
          </p>
        ) : (
          <>
            <div
              className="prose prose-neutral max-w-none font-serif [overflow-wrap:anywhere] dark:prose-invert prose-a:text-[var(--color-accent)]"
              dangerouslySetInnerHTML={{ __html: renderBody(u.body, 'markdown') }}
            />
            {u.imagePath && (
              <figure className="mt-3">
                <ResponsiveImage
                  src={mediaUrl(u.imagePath)}
                  alt={u.imageAlt ?? ''}
                  width={1200}
                  height={800}
                  sizes="(min-width: 768px) 600px, 100vw"
                  className="h-auto w-full"
                />
              </figure>
            )}
            {u.editedAt && (
              <p className="mt-2 text-xs text-current/70">
                Updated <Time date={u.editedAt} withTime />
              </p>
            )}
            {u.correction && (
              <p className="mt-3 border-l-4 border-current/40 pl-3 text-sm">
                <strong>Correction</strong>: {u.correction}
              </p>
            )}
          </>
        )}
      </div>
    </article>
  );
}

/** "Live updates": newest first, the newest 20 on the article page, older ones a page each. */
export function LiveUpdatesSection({ slug, data }: { slug: string; data: LiveUpdatesData }) {
  const pageHref = (page: number) => (page === 1 ? `/articles/${slug}#live-updates` : `/articles/${slug}/updates/page/${page}#live-updates`);
  return (
    <section id="live-updates" aria-labelledby="live-updates-heading" className="mt-10 scroll-mt-6 border-t-4 border-[var(--color-ink)] pt-4">
      <h2 id="live-updates-heading" className="font-serif text-2xl font-bold">
        Live updates
      </h2>
      {data.page > 1 && (
        <p className="mt-2 text-sm text-current/70">
          Page {data.page} of {data.pages} ·{' '}
          <Link href={pageHref(data.page - 1)} className="font-semibold text-[var(--color-accent)] hover:underline">
            Newer updates
          </Link>
        </p>
      )}
      {data.updates.length === 0 ? <p className="mt-4 font-serif italic text-current/70">The first update is on its way.</p> : null}
      <div id="live-updates-list" data-latest={data.latest} className="mt-2 divide-y divide-current/15">
        {data.updates.map((u) => (
          <LiveUpdateItem key={u.number} update={u} />
        ))}
      </div>
      {data.page < data.pages && (
        <nav aria-label="Update pages" className="mt-4 border-t border-current/15 pt-4 text-sm font-semibold">
          <Link href={pageHref(data.page + 1)} className="text-[var(--color-accent)] hover:underline">
            Older updates
          </Link>
        </nav>
      )}
    </section>
  );
}
