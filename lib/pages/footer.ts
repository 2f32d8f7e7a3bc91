import type { FooterMove } from './schema';

// The footer's links: the published pages an editor chose, in the editor's order. Kept as positions
// 1..n on the pages; a move works out the new order, and the query writes it back whole.

/**
 * The footer's page ids after a move, or null when the move changes nothing (already there, already
 * first or last, not in the footer).
 */
export function moveInFooter(order: readonly number[], id: number, move: FooterMove): number[] | null {
  const at = order.indexOf(id);
  if (move === 'add') return at === -1 ? [...order, id] : null;
  if (at === -1) return null;
  if (move === 'remove') return order.filter((x) => x !== id);
  const to = move === 'up' ? at - 1 : at + 1;
  if (to < 0 || to >= order.length) return null;
  const next = [...order];
  [next[at], next[to]] = [next[to], next[at]];
  return next;
}

/** Why a move changed nothing, for the desk's notice. */
export function unmovedReason(move: FooterMove): string {
  switch (move) {
    case 'add':
      return 'That page is already in the footer.';
    case 'remove':
      return 'That page is not in the footer.';
    case 'up':
      return 'That page is already first in the footer.';
    case 'down':
      return 'That page is already last in the footer.';
  }
}
