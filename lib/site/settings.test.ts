import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS, SiteSettingsSchema, siteSettingsWithDefaults } from './settings';

describe('site settings', () => {
  it('default to UTC, and a zone no longer known reads as UTC', () => {
    expect(DEFAULT_SITE_SETTINGS.timeZone).toBe('UTC');
    expect(siteSettingsWithDefaults(null)).toEqual({ timeZone: 'UTC' });
    expect(siteSettingsWithDefaults({ timeZone: 'Europe/London' })).toEqual({ timeZone: 'Europe/London' });
    expect(siteSettingsWithDefaults({ timeZone: 'Atlantis/Capital' })).toEqual({ timeZone: 'UTC' });
  });

  it('take a zone the runtime knows, spelt as it spells it', () => {
    expect(SiteSettingsSchema.parse({ timeZone: 'Europe/London' })).toEqual({ timeZone: 'Europe/London' });
    expect(SiteSettingsSchema.parse({ timeZone: ' america/new_york ' })).toEqual({ timeZone: 'America/New_York' });
    expect(SiteSettingsSchema.parse({ timeZone: 'UTC' })).toEqual({ timeZone: 'UTC' });
  });

  it('refuse anything else with a message', () => {
    const refused = (timeZone: string) => {
      const r = SiteSettingsSchema.safeParse({ timeZone });
      return r.success ? null : r.error.issues[0].message;
    };
    expect(refused('')).toBe('Choose a time zone.');
    expect(refused('Mars/Olympus_Mons')).toBe('Choose a time zone from the list, such as Europe/London.');
    expect(refused('GMT+1')).toBe('Choose a time zone from the list, such as Europe/London.');
    expect(refused('x'.repeat(500))).toBe('Choose a time zone from the list.');
  });
});
