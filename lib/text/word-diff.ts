import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

// A word diff costs the square of how much two texts differ: two unrelated 4,000-word bodies took 7 s,
// a 200,000-character one minutes, all of it holding the event loop. Each attempt gives up after this
// long, and the diff gets coarser (words, then lines, then "all of it changed").
const DIFF_BUDGET_MS = 150;

const parts = (changes: ChangeObject<string>[]): DiffPart[] =>
  changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));

/** A readable word-level diff from `before` to `after`, for comparing revisions; coarser when the texts are large and very different. */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const words = diffWordsWithSpace(before, after, { timeout: DIFF_BUDGET_MS });
  if (words) return parts(words);
  const lines = diffLines(before, after, { timeout: DIFF_BUDGET_MS });
  if (lines) return parts(lines);
  return [
    { kind: 'removed', text: before },
    { kind: 'added', text: after },
  ].filter((p) => p.text) as DiffPart[];
}

export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((p) => p.kind !== 'same');
}
