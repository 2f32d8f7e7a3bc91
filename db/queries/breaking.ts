import 'server-only';
import { eq } from 'drizzle-orm';
import { readStoredBanner, type BreakingBanner, type StoredBreaking } from '@/lib/breaking/banner';
import { log } from '@/lib/log';
import { db } from '../index';
import { settings } from '../schema';

// The breaking-news banner, stored as JSON under the `breaking` settings key (no table of its own).

const KEY = 'breaking';

/** The banner showing now, or null. */
export async function getBreakingBanner(): Promise<BreakingBanner | null> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  return readStoredBanner(row?.value);
}

/** Who last changed the banner, and when (for the desk). */
export async function getBreakingChange(): Promise<{ changedById: number; changedAt: string } | null> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  const stored = row?.value as Partial<StoredBreaking> | undefined;
  return stored?.changedAt ? { changedById: Number(stored.changedById) || 0, changedAt: String(stored.changedAt) } : null;
}

/** Shows this banner (replacing any other), or removes it with null. */
export async function saveBreakingBanner(banner: BreakingBanner | null, actorId: number): Promise<void> {
  const updatedAt = new Date();
  const value: StoredBreaking = { banner, changedById: actorId, changedAt: updatedAt.toISOString() };
  await db.insert(settings).values({ key: KEY, value, updatedAt }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt } });
  log.info({ component: 'breaking', staffId: actorId, shown: banner !== null }, banner ? 'breaking banner shown' : 'breaking banner removed');
}
