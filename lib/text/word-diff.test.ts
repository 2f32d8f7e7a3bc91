import { describe, expect, it } from 'vitest';
import { hasChanges, wordDiff } from './word-diff';

describe('wordDiff', () => {
  it('marks removed and added words and keeps the rest', () => {
    const parts = wordDiff('The ferry stops in May.', 'The ferry stops in June.');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['May']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['June']);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe('The ferry stops in May.');
    expect(hasChanges(parts)).toBe(true);
  });

  it('reports no change for identical text', () => {
    expect(hasChanges(wordDiff('Same words.', 'Same words.'))).toBe(false);
  });

  it('stays quick on two large unrelated bodies, and still gives both texts whole', () => {
    const words = (seed: number) => Array.from({ length: 30_000 }, (_, i) => `w${(i * seed) % 9973}`).join(' ');
    const before = words(7);
    const after = words(13);
    // A full word diff of these would take minutes (and this test time out); the budgets fall back to coarser ones.
    const parts = wordDiff(before, after);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });
});
