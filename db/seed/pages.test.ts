import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPageSlug } from '@/lib/pages/slug';
import { throwawayDatabase } from '../test-database';
import { demoPages, seedDemoPages } from './pages';

const testDb = throwawayDatabase('seed-pages');
let index: Awaited<ReturnType<typeof testDb.open>>;

beforeAll(async () => {
  index = await testDb.open();
});
afterAll(() => testDb.close());

describe('the demo pages', () => {
  it('are About, Contact and the two policies, at addresses a page may have', () => {
    expect(demoPages.map((p) => p.title)).toEqual(['About', 'Contact', 'Corrections policy', 'Ethics policy']);
    for (const p of demoPages) expect(isPageSlug(p.slug), p.slug).toBe(true);
  });

  it('are published in the footer in that order, once however often the seed runs', async () => {
    const { db } = index;
    const { pages, pageRevisions } = await import('../schema');
    await seedDemoPages(db, null);
    await seedDemoPages(db, null);
    const rows = await db.select().from(pages).orderBy(pages.footerPosition);
    expect(rows.map((r) => [r.slug, r.status, r.footerPosition])).toEqual([
      ['about', 'published', 1],
      ['contact', 'published', 2],
      ['corrections-policy', 'published', 3],
      ['ethics-policy', 'published', 4],
    ]);
    expect(await db.select().from(pageRevisions)).toHaveLength(4);
  });
});
