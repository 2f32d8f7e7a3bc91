import 'server-only';
import { inArray } from 'drizzle-orm';
import { DEFAULT_REPLY_RULE_SETTINGS, type ReplyRuleSettings } from '@/lib/replies/rules';
import { db } from '../index';
import { settings } from '../schema';

export type ReplySettings = ReplyRuleSettings & {
  /** One reply per email or address in this many seconds. */
  floodSeconds: number;
  /** Deepest thread level a reply may sit at (1–5). */
  maxDepth: number;
  /** Replies close on articles published more than this many days ago; 0 never closes them. */
  closeAfterDays: number;
  /** Spam and trash older than this many days are purged by housekeeping. */
  purgeAfterDays: number;
  /** Distinct readers whose reports send an approved reply back to pending; 0 never does. */
  reportThreshold: number;
  /** Once this many replies wait on one article, every new reply there is held; 0 is off. */
  articleBacklogLimit: number;
  /** Hashed addresses and browsers are dropped from replies older than this many days. */
  addressRetentionDays: number;
};

export const DEFAULT_REPLY_SETTINGS: ReplySettings = {
  ...DEFAULT_REPLY_RULE_SETTINGS,
  floodSeconds: 15,
  maxDepth: 5,
  closeAfterDays: 0,
  purgeAfterDays: 30,
  reportThreshold: 3,
  articleBacklogLimit: 0,
  addressRetentionDays: 90,
};

/** Reply rules as stored under the `replies` key, with defaults for anything not set. */
export async function getReplySettings(): Promise<ReplySettings> {
  const rows = await db.select().from(settings).where(inArray(settings.key, ['replies']));
  const stored = (rows[0]?.value ?? {}) as Partial<ReplySettings>;
  return { ...DEFAULT_REPLY_SETTINGS, ...stored };
}

/** Stores the reply settings under the `replies` key (only the known fields). */
export async function saveReplySettings(value: ReplySettings, actorId: number): Promise<void> {
  const stored = Object.fromEntries(
    (Object.keys(DEFAULT_REPLY_SETTINGS) as (keyof ReplySettings)[]).map((k) => [k, value[k]]),
  ) as ReplySettings;
  const updatedAt = new Date();
  await db
    .insert(settings)
    .values({ key: 'replies', value: stored, updatedAt })
    .onConflictDoUpdate({ target: settings.key, set: { value: stored, updatedAt } });
  // The settings table has no "changed by" column: the server log keeps who did it.
  console.info(`[settings] reply settings saved by staff #${actorId}`);
}
