import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from '@/db/enums';
import { articleListHref, articleStatusLabel } from './status';

describe('article status words', () => {
  it('has a label for every status, in the words staff read', () => {
    for (const s of ARTICLE_STATUSES) expect(articleStatusLabel(s)).toMatch(/^[A-Z][a-z ]+$/);
    expect(articleStatusLabel('review')).toBe('In review');
  });

  it('links to the article list narrowed to one status', () => {
    expect(articleListHref('draft')).toBe('/admin/articles?status=draft');
    expect(articleListHref()).toBe('/admin/articles');
  });
});
