import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { log } from '@/lib/log';
import { DEFAULT_REPLY_SETTINGS, withDefaults, type ReplySettings } from '@/lib/replies/settings';
import { DEFAULT_SITE_SETTINGS, siteSettingsWithDefaults, type SiteSettings } from '@/lib/site/settings';
import { db } from '../index';
import { settings } from '../schema';

/** Reply rules as stored under the `replies` key, with defaults for anything not set. */
export async function getReplySettings(): Promise<ReplySettings> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, ['replies']));
  return withDefaults(rows[0]?.value as Partial<ReplySettings> | undefined);
}

/** Stores the reply settings under the `replies` key (only the known fields). */
export async function saveReplySettings(value: ReplySettings, actorId: number): Promise<void> {
  const stored = Object.fromEntries((Object.keys(DEFAULT_REPLY_SETTINGS) as (keyof ReplySettings)[]).map((k) => [k, value[k]])) as ReplySettings;
  const updatedAt = new Date();
  await db
    .insert(settings)
    .values({ key: 'replies', value: stored, updatedAt })
    .onConflictDoUpdate({ target: settings.key, set: { value: stored, updatedAt } });
  // The settings table has no "changed by" column: the server log keeps who did it.
  log.info({ component: 'settings', staffId: actorId }, 'reply settings saved');
}

/** Site-wide settings (the time zone) as stored under the `site` key, with defaults for anything not set. */
export async function getSiteSettings(): Promise<SiteSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'site'));
  return siteSettingsWithDefaults(row?.value as Partial<SiteSettings> | undefined);
}

/** Stores the site settings under the `site` key (only the known fields). */
export async function saveSiteSettings(value: SiteSettings, actorId: number): Promise<void> {
  const stored = Object.fromEntries((Object.keys(DEFAULT_SITE_SETTINGS) as (keyof SiteSettings)[]).map((k) => [k, value[k]])) as SiteSettings;
  const updatedAt = new Date();
  await db
    .insert(settings)
    .values({ key: 'site', value: stored, updatedAt })
    .onConflictDoUpdate({ target: settings.key, set: { value: stored, updatedAt } });
  log.info({ component: 'settings', staffId: actorId }, 'site settings saved');
}
