import { describe, expect, it } from 'vitest';
import { ArticleFormSchema, scheduledForInZone } from './schema';

const form = (scheduledFor: string) => ({
  title: 'T',
  slug: '',
  standfirst: '',
  body: '',
  sectionId: '',
  tags: '',
  coverAlt: '',
  coverCaption: '',
  seoTitle: '',
  seoDescription: '',
  scheduledFor,
  correction: '',
});

describe('the schedule field', () => {
  it('checks the typed date and time (read as UTC, knowing no zone)', () => {
    expect(ArticleFormSchema.parse(form('')).scheduledFor).toBeNull();
    expect(ArticleFormSchema.parse(form('2026-07-01T09:30')).scheduledFor?.toISOString()).toBe('2026-07-01T09:30:00.000Z');
    expect(ArticleFormSchema.parse(form('2026-07-01T09:30:15')).scheduledFor?.toISOString()).toBe('2026-07-01T09:30:15.000Z');
    const refused = ArticleFormSchema.safeParse(form('2026-02-30T09:30'));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['scheduledFor'], message: 'Enter a date and time.' });
  });

  it('is read on the site’s wall clock by the action', () => {
    expect(scheduledForInZone('', 'Europe/London')).toBeNull();
    expect(scheduledForInZone('2026-07-01T09:30', 'Europe/London')?.toISOString()).toBe('2026-07-01T08:30:00.000Z');
    expect(scheduledForInZone('2026-07-01T09:30', 'UTC')?.toISOString()).toBe('2026-07-01T09:30:00.000Z');
    // London's missing hour when the clocks go forward: 01:30 is read as 02:30 BST.
    expect(scheduledForInZone('2026-03-29T01:30', 'Europe/London')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});
