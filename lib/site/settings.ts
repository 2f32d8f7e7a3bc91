import { z } from 'zod';
import { canonicalTimeZone, DEFAULT_TIME_ZONE, safeTimeZone } from '@/lib/time/zone';

// Site-wide settings (/admin/settings): stored under the `site` settings key (db/queries/settings.ts),
// anything not stored takes its default here. Today only the time zone every page shows times in.

export type SiteSettings = {
  /** The IANA zone people read and type times in ("Europe/London"); storage and machine formats stay UTC. */
  timeZone: string;
};

export const DEFAULT_SITE_SETTINGS: SiteSettings = { timeZone: DEFAULT_TIME_ZONE };

/** Stored settings over the defaults; a stored zone this runtime no longer knows reads as UTC. */
export function siteSettingsWithDefaults(stored: Partial<SiteSettings> | null | undefined): SiteSettings {
  const merged = { ...DEFAULT_SITE_SETTINGS, ...(stored ?? {}) };
  return { ...merged, timeZone: safeTimeZone(merged.timeZone) };
}

export const SITE_SETTINGS_FIELDS = ['timeZone'] as const;
export type SiteSettingsValues = Record<(typeof SITE_SETTINGS_FIELDS)[number], string>;

/** The site settings form, validated on the server: the zone must be one the runtime knows (Intl.supportedValuesOf). */
export const SiteSettingsSchema = z.object({
  timeZone: z
    .string()
    .max(100, 'Choose a time zone from the list.')
    .transform((v, ctx) => {
      const zone = canonicalTimeZone(v);
      if (!zone) {
        ctx.addIssue({ code: 'custom', message: v.trim() === '' ? 'Choose a time zone.' : 'Choose a time zone from the list, such as Europe/London.' });
        return z.NEVER;
      }
      return zone;
    }),
});

export const siteSettingsFormValues = (s: SiteSettings): SiteSettingsValues => ({ timeZone: s.timeZone });
