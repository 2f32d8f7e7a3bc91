import { describe, expect, it } from 'vitest';
import { pageConflict, pageConflictMessage, pageDescription } from './editing';
import { moveInFooter } from './footer';

describe('a refused page save', () => {
  it('says who saved first, when, and how the texts differ', () => {
    const at = new Date('2026-12-01T10:42:00Z');
    const conflict = pageConflict(
      { title: 'About us', body: 'We cover the valley.', version: 4, lastChange: { by: 'Ada Editor', at } },
      { title: 'About us', body: 'We cover the whole valley.' },
      'publish',
    );
    expect(conflict).toMatchObject({ version: 4, by: 'Ada Editor', at: at.getTime(), intent: 'publish' });
    expect(conflict.diffs.map((d) => d.field)).toEqual(['body']);
    expect(pageConflictMessage(conflict, 'Europe/London')).toBe('Ada Editor changed this page at 10:42 since you opened it.');
    expect(pageConflict({ title: 'A', body: 'B', version: 1, lastChange: null }, { title: 'A', body: 'B' }, 'save')).toMatchObject({
      by: 'Someone',
      diffs: [],
    });
  });
});

describe('pageDescription', () => {
  it('is the opening text of either format, cut at a word', () => {
    expect(pageDescription('## Who we are\n\nBroadsheet is *independent*.', 'markdown')).toBe('Who we are Broadsheet is independent.');
    expect(pageDescription('<p>Tips &amp; <strong>stories</strong></p>', 'html')).toBe('Tips & stories');
    const long = pageDescription('word '.repeat(100), 'markdown', 40);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/word…$/);
  });
});

describe('moveInFooter', () => {
  it('adds at the end, removes, and moves one step within bounds', () => {
    expect(moveInFooter([1, 2, 3], 4, 'add')).toEqual([1, 2, 3, 4]);
    expect(moveInFooter([1, 2, 3], 2, 'add')).toBeNull();
    expect(moveInFooter([1, 2, 3], 2, 'remove')).toEqual([1, 3]);
    expect(moveInFooter([1, 2, 3], 4, 'remove')).toBeNull();
    expect(moveInFooter([1, 2, 3], 3, 'up')).toEqual([1, 3, 2]);
    expect(moveInFooter([1, 2, 3], 1, 'up')).toBeNull();
    expect(moveInFooter([1, 2, 3], 1, 'down')).toEqual([2, 1, 3]);
    expect(moveInFooter([1, 2, 3], 3, 'down')).toBeNull();
    expect(moveInFooter([1, 2], 9, 'up')).toBeNull();
  });
});
