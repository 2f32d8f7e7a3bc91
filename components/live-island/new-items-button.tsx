'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';
import type { LiveCursors } from '@/lib/live/cursor';
import { useLiveAnswer } from './live-poll';

// "Show N new updates" above a live article's updates and "Show N new comments" at the top of the
// discussion. The button sits in a row reserved for it, so appearing moves nothing the reader is
// reading (WCAG 2.2.2: nothing updates by itself). Pressing it refreshes the server-rendered page
// (cached; every new update and approval expires it), which inserts the new items where they belong
// and keeps client state such as a half-typed reply; focus then moves to the newest inserted item.

export type NewItemsKind = 'updates' | 'comments';

const ITEMS: Record<NewItemsKind, { noun: string; selector: string; fallback: string | null }> = {
  // Newest first: the first new one in document order is the newest.
  updates: { noun: 'update', selector: '[id^="update-"]', fallback: null },
  comments: { noun: 'comment', selector: 'li[id^="comment-"]', fallback: 'comments-heading' },
};

export const showLabel = (kind: NewItemsKind, count: number) => `Show ${count} new ${ITEMS[kind].noun}${count === 1 ? '' : 's'}`;

function itemIds(kind: NewItemsKind): Set<string> {
  return new Set([...document.querySelectorAll(ITEMS[kind].selector)].map((el) => el.id));
}

/** The newest of the items the refresh added: the first new update; the comment with the highest id. */
function newestAdded(kind: NewItemsKind, before: Set<string>): HTMLElement | null {
  const added = [...document.querySelectorAll<HTMLElement>(ITEMS[kind].selector)].filter((el) => !before.has(el.id));
  if (kind === 'updates') return added[0] ?? null;
  const number = (el: HTMLElement) => Number(el.id.replace(/\D+/g, '')) || 0;
  return added.sort((a, b) => number(b) - number(a))[0] ?? null;
}

export function NewItemsButton({ kind, articleId, cursors }: { kind: NewItemsKind; articleId: number; cursors: LiveCursors }) {
  const answer = useLiveAnswer(articleId, cursors);
  const count = answer?.[kind].count ?? 0;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const before = useRef<Set<string> | null>(null);
  const region = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (pending || !before.current) return;
    // The refresh is in: focus the newest new item (or, failing that, somewhere near, never <body>).
    const target = newestAdded(kind, before.current) ?? (ITEMS[kind].fallback ? document.getElementById(ITEMS[kind].fallback!) : null) ?? region.current;
    before.current = null;
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest' });
  }, [pending, kind]);

  function show() {
    before.current = itemIds(kind);
    startTransition(() => router.refresh());
  }

  return (
    <div ref={region} tabIndex={-1} aria-live="polite" data-live-island={kind} className="flex h-10 items-center outline-none">
      {count > 0 && (
        <button
          type="button"
          onClick={show}
          disabled={pending}
          className="rounded-full bg-[var(--color-ink)] px-4 py-1.5 text-sm font-semibold text-[var(--color-paper)] shadow-sm hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[var(--color-accent)] disabled:opacity-60"
        >
          {showLabel(kind, count)}
        </button>
      )}
    </div>
  );
}
