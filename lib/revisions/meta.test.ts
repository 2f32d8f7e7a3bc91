import { describe, expect, it } from 'vitest';
import { revisionFacts } from './meta';

describe('revisionFacts', () => {
  it('names the status and keeps the note', () => {
    expect(revisionFacts({ status: 'review', note: ' Restored from the revision of 2026-12-01 10:42 UTC ' })).toEqual({
      status: 'in review',
      note: 'Restored from the revision of 2026-12-01 10:42 UTC',
    });
    expect(revisionFacts({ status: 'published', note: null })).toEqual({ status: 'published', note: null });
  });

  it('copes with old or odd meta', () => {
    expect(revisionFacts({})).toEqual({ status: null, note: null });
    expect(revisionFacts(null)).toEqual({ status: null, note: null });
    expect(revisionFacts({ status: 3, note: ['x'] })).toEqual({ status: null, note: null });
    expect(revisionFacts({ status: 'archived', note: '   ' })).toEqual({ status: 'archived', note: null });
  });

  it('marks changes kept pending on a published article', () => {
    expect(revisionFacts({ pending: true, note: null, slug: 'x' })).toEqual({ status: 'pending changes', note: null });
  });
});
