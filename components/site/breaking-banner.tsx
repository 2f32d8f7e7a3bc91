'use client';

import { useCallback, useEffect, useState } from 'react';
import type { BreakingAnswer, PublicBanner } from '@/lib/breaking/banner';
import { startPolling } from '@/lib/client/poll';
import { BreakingBannerView } from './breaking-banner-view';

// The breaking-news banner on every reader page. Reader pages stay cached whatever the banner does:
// this island asks /api/breaking (a tiny cached answer with an ETag) on load and every 12 s while the
// tab is visible, backing off on errors, so a banner shows or goes within 15 s without re-rendering
// any page. It takes no room until there is a banner, and then goes at the very top.

const POLL_MS = 12_000;
const MAX_BACKOFF_MS = 120_000;
const DISMISSED_KEY = 'broadsheet:breaking-dismissed';

function readDismissed(): string | null {
  try {
    return localStorage.getItem(DISMISSED_KEY);
  } catch {
    return null; // storage blocked: the banner simply shows
  }
}

export function BreakingBanner() {
  const [banner, setBanner] = useState<PublicBanner | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);

  useEffect(() => {
    return startPolling<BreakingAnswer>({
      url: '/api/breaking',
      intervalMs: POLL_MS,
      maxBackoffMs: MAX_BACKOFF_MS,
      immediate: true,
      onAnswer: (answer) => {
        // Read with each answer: a dismissal in another tab holds here too.
        setDismissed(readDismissed());
        setBanner(answer.banner);
      },
    });
  }, []);

  const dismiss = useCallback(() => {
    if (!banner) return;
    try {
      localStorage.setItem(DISMISSED_KEY, banner.id);
    } catch {
      // not remembered: it is still hidden on this page
    }
    setDismissed(banner.id);
  }, [banner]);

  if (!banner || banner.id === dismissed) return null;
  return (
    <BreakingBannerView
      banner={banner}
      dismiss={
        <button
          type="button"
          onClick={dismiss}
          className="shrink-0 rounded-sm border border-white/60 px-2 py-0.5 text-sm font-semibold hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white"
        >
          Dismiss
        </button>
      }
    />
  );
}
