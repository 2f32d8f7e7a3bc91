import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test-database';

// The site settings row (the time zone), against a throw-away database migrated by the real migrations.
const testDb = throwawayDatabase('site-settings');

let m: { db: typeof import('../index'); schema: typeof import('../schema'); settings: typeof import('./settings') };

beforeAll(async () => {
  m = { db: await testDb.open(), schema: await import('../schema'), settings: await import('./settings') };
});

afterAll(() => {
  testDb.close();
});

describe('site settings', () => {
  it('read UTC until saved, then the saved zone, in their own row beside the reply settings', async () => {
    expect(await m.settings.getSiteSettings()).toEqual({ timeZone: 'UTC' });
    await m.settings.saveSiteSettings({ timeZone: 'Europe/London', extra: 'no' } as { timeZone: string }, 1);
    expect(await m.settings.getSiteSettings()).toEqual({ timeZone: 'Europe/London' });
    await m.settings.saveSiteSettings({ timeZone: 'America/New_York' }, 1);
    expect(await m.settings.getSiteSettings()).toEqual({ timeZone: 'America/New_York' });
    const rows = await m.db.db.select().from(m.schema.settings);
    expect(rows.map((r) => [r.key, r.value])).toEqual([['site', { timeZone: 'America/New_York' }]]);
    // The reply settings are another key, untouched.
    expect((await m.settings.getReplySettings()).maxDepth).toBe(5);
  });

  it('read a stored zone the runtime does not know as UTC', async () => {
    await m.db.db.update(m.schema.settings).set({ value: { timeZone: 'Atlantis/Capital' } });
    expect(await m.settings.getSiteSettings()).toEqual({ timeZone: 'UTC' });
  });
});
