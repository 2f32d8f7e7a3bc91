import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getBreakingBanner } from '@/db/queries/breaking';
import { cacheTags } from '@/lib/cache-tags';

const isBuildPhase = () => process.env.NEXT_PHASE === 'phase-production-build';

/**
 * The banner readers see, cached until "Show banner" or "Remove banner" expires its tag: a repeat poll
 * runs no query. Only /api/breaking reads it; a reader page that did would carry the tag and be
 * re-rendered by every change, which is what the polled answer avoids.
 */
export function getBreakingForReaders() {
  return getBreakingCached(isBuildPhase());
}

async function getBreakingCached(duringBuild: boolean) {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.breaking);
  if (duringBuild) return null;
  return getBreakingBanner();
}
