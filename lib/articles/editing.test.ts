import { describe, expect, it } from 'vitest';
import { conflictMessage, editedVersion, saveConflict, type ArticleWithPending } from './editing';

const article = (over: Partial<ArticleWithPending> = {}): ArticleWithPending => ({
  title: 'Live title',
  slug: 'live-title',
  standfirst: '',
  body: 'Live words.',
  sectionId: null,
  tags: [{ name: 'Weather' }],
  coverImagePath: null,
  coverAlt: null,
  coverCaption: null,
  seoTitle: null,
  seoDescription: null,
  commentsOpen: true,
  version: 4,
  lastChange: { by: 'Ada Editor', at: new Date('2026-12-01T10:42:30Z') },
  pending: null,
  ...over,
});

describe('editing rules', () => {
  it('the editor works on the pending changes when there are some, else on the article', () => {
    expect(editedVersion(article()).body).toBe('Live words.');
    const pending = article({
      pending: {
        title: 'Pending title',
        standfirst: '',
        body: 'Pending words.',
        meta: {
          slug: 'live-title',
          sectionId: null,
          tags: ['Roads'],
          coverImagePath: null,
          coverAlt: null,
          coverCaption: null,
          seoTitle: null,
          seoDescription: null,
          commentsOpen: false,
          correction: 'A fix.',
        },
      },
    });
    expect(editedVersion(pending)).toMatchObject({
      title: 'Pending title',
      body: 'Pending words.',
      tags: ['Roads'],
      commentsOpen: false,
      correction: 'A fix.',
    });
  });

  it('a refused save names who changed the article and when, and diffs only the fields that differ', () => {
    const conflict = saveConflict(article(), { title: 'Live title', standfirst: '', body: 'My words.' }, 'publish');
    expect(conflict).toMatchObject({ version: 4, by: 'Ada Editor', intent: 'publish' });
    expect(conflict.diffs.map((d) => d.field)).toEqual(['body']);
    expect(conflictMessage(conflict)).toBe('Ada Editor changed this article at 10:42 since you opened it.');
    expect(conflictMessage(conflict, 'Europe/Berlin')).toBe('Ada Editor changed this article at 11:42 since you opened it.');
  });
});
