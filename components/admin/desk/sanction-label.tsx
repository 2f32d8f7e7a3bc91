import { getSiteTimeZone } from '@/app/(site)/cached-data';
import { sanctionLabel } from '@/lib/replies/desk-text';
import type { SanctionKind } from '@/db/enums';

/** A sanction as the desk shows it, the end of a suspension on the site's calendar. */
export async function SanctionLabel({ sanction }: { sanction: { kind: SanctionKind; until: Date | null } }) {
  return <>{sanctionLabel(sanction, await getSiteTimeZone())}</>;
}
