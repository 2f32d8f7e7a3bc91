import 'server-only';
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { db } from '../index';
import { commenterSanctions, replies, users, type SanctionKind } from '../schema';

// Bans, suspensions and "always hold" for commenters, by email and optionally by hashed address.

export type ActiveSanction = { id: number; kind: SanctionKind; until: Date | null; reason: string };

const STRENGTH: Record<SanctionKind, number> = { ban: 3, suspend: 2, hold: 1 };

/** The strongest sanction in force for this email or address, or null. Expired suspensions do not count. */
export async function activeSanction({ email, ipHash }: { email: string; ipHash: string | null }): Promise<ActiveSanction | null> {
  const who = ipHash ? or(eq(commenterSanctions.email, email), eq(commenterSanctions.ipHash, ipHash)) : eq(commenterSanctions.email, email);
  const rows = await db
    .select({ id: commenterSanctions.id, kind: commenterSanctions.kind, until: commenterSanctions.until, reason: commenterSanctions.reason })
    .from(commenterSanctions)
    .where(and(isNull(commenterSanctions.liftedAt), who));
  const now = Date.now();
  const live = rows.filter((r) => !r.until || r.until.getTime() > now);
  live.sort((a, b) => STRENGTH[b.kind] - STRENGTH[a.kind]);
  return live[0] ?? null;
}

/** Sanctions (in force or not) for the commenters on one desk page, newest first. */
export async function sanctionsByEmail(emails: string[]) {
  const out = new Map<
    string,
    { id: number; kind: SanctionKind; until: Date | null; reason: string; createdAt: Date; liftedAt: Date | null; byName: string | null }[]
  >();
  const unique = [...new Set(emails)];
  if (unique.length === 0) return out;
  const rows = await db
    .select({
      id: commenterSanctions.id,
      email: commenterSanctions.email,
      kind: commenterSanctions.kind,
      until: commenterSanctions.until,
      reason: commenterSanctions.reason,
      createdAt: commenterSanctions.createdAt,
      liftedAt: commenterSanctions.liftedAt,
      byName: users.name,
    })
    .from(commenterSanctions)
    .leftJoin(users, eq(users.id, commenterSanctions.createdById))
    .where(inArray(commenterSanctions.email, unique))
    .orderBy(desc(commenterSanctions.createdAt));
  for (const { email, ...r } of rows) out.set(email, [...(out.get(email) ?? []), r]);
  return out;
}

/** Adds a sanction; with `includeAddress`, also the hashed address of the commenter's latest reply. */
export async function sanctionCommenter(args: {
  email: string;
  kind: SanctionKind;
  until: Date | null;
  reason: string;
  includeAddress: boolean;
  actorId: number;
}) {
  let ipHash: string | null = null;
  if (args.includeAddress) {
    const [latest] = await db
      .select({ ipHash: replies.ipHash })
      .from(replies)
      .where(eq(replies.authorEmail, args.email))
      .orderBy(desc(replies.createdAt))
      .limit(1);
    ipHash = latest?.ipHash ?? null;
  }
  const [row] = await db
    .insert(commenterSanctions)
    .values({ email: args.email, ipHash, kind: args.kind, until: args.kind === 'suspend' ? args.until : null, reason: args.reason, createdById: args.actorId })
    .returning({ id: commenterSanctions.id });
  return { id: row.id, withAddress: ipHash !== null };
}

export async function liftSanction(id: number, actorId: number) {
  const lifted = await db
    .update(commenterSanctions)
    .set({ liftedAt: new Date(), liftedById: actorId })
    .where(and(eq(commenterSanctions.id, id), isNull(commenterSanctions.liftedAt)))
    .returning({ id: commenterSanctions.id });
  return lifted.length === 1;
}
