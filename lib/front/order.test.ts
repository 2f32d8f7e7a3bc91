import { describe, expect, it } from 'vitest';
import { chosenOrder, moveInOrder, nextExpiry, type PinnedStory } from './order';

const now = new Date('2026-12-01T12:00:00Z');
const a = (id: number) => ({ id });
const latest = [a(10), a(9), a(8), a(7), a(6)];
const pin = (slot: 'lead' | 'top', id: number | null, position = 0, expiresAt: Date | null = null): PinnedStory<{ id: number }> => ({
  slot,
  position,
  expiresAt,
  article: id === null ? null : a(id),
});
const ids = (list: { id: number }[]) => list.map((x) => x.id);

describe('chosenOrder', () => {
  it('is newest-first when nothing is pinned', () => {
    expect(ids(chosenOrder([], latest, now))).toEqual([10, 9, 8, 7, 6]);
  });

  it('puts the pinned lead first, then the top stories in their order, then the rest newest-first without duplicates', () => {
    const pins = [pin('top', 8, 2), pin('lead', 3), pin('top', 6, 1)];
    expect(ids(chosenOrder(pins, latest, now))).toEqual([3, 6, 8, 10, 9, 7]);
  });

  it('ignores expired pins and unpublished articles', () => {
    const pins = [pin('lead', 3, 0, new Date(now.getTime() - 1)), pin('top', null, 1), pin('top', 2, 2, new Date(now.getTime() + 60_000))];
    expect(ids(chosenOrder(pins, latest, now))).toEqual([10, 2, 9, 8, 7, 6]);
  });

  it('lets the newest story lead when only top stories are pinned', () => {
    expect(ids(chosenOrder([pin('top', 3, 1), pin('top', 10, 2)], latest, now))).toEqual([9, 3, 10, 8, 7, 6]);
  });

  it('keeps at most four top stories and one lead', () => {
    const pins = [pin('lead', 1), pin('lead', 2), ...[3, 4, 5, 11, 12].map((id, i) => pin('top', id, i + 1))];
    expect(ids(chosenOrder(pins, [], now))).toEqual([1, 3, 4, 5, 11]);
  });

  it('shows a story pinned twice once', () => {
    expect(ids(chosenOrder([pin('lead', 9), pin('top', 9, 1)], latest, now))).toEqual([9, 10, 8, 7, 6]);
  });
});

describe('nextExpiry', () => {
  it('is the earliest expiry still to come', () => {
    const later = new Date(now.getTime() + 120_000);
    const sooner = new Date(now.getTime() + 60_000);
    expect(nextExpiry([{ expiresAt: null }, { expiresAt: later }, { expiresAt: sooner }, { expiresAt: new Date(0) }], now)).toEqual(sooner);
    expect(nextExpiry([{ expiresAt: null }], now)).toBeNull();
  });
});

describe('moveInOrder', () => {
  it('swaps with the neighbour and stays put at the ends', () => {
    expect(moveInOrder([1, 2, 3], 2, 'up')).toEqual([2, 1, 3]);
    expect(moveInOrder([1, 2, 3], 2, 'down')).toEqual([1, 3, 2]);
    expect(moveInOrder([1, 2, 3], 1, 'up')).toEqual([1, 2, 3]);
    expect(moveInOrder([1, 2, 3], 3, 'down')).toEqual([1, 2, 3]);
    expect(moveInOrder([1, 2, 3], 7, 'down')).toEqual([1, 2, 3]);
  });
});
