import type { SanctionKind } from '@/db/schema';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** How a sanction reads on the desk: "Banned", "Suspended until 3 Dec 2026", "Always held". */
export function sanctionLabel(x: { kind: SanctionKind; until: Date | null }) {
  if (x.kind === 'ban') return 'Banned';
  if (x.kind === 'suspend') return `Suspended until ${x.until ? dateFormat.format(x.until) : '?'}`;
  return 'Always held';
}
