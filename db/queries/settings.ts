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
};

export const DEFAULT_REPLY_SETTINGS: ReplySettings = {
  ...DEFAULT_REPLY_RULE_SETTINGS,
  floodSeconds: 15,
  maxDepth: 5,
  closeAfterDays: 0,
  purgeAfterDays: 30,
};

/** Reply rules as stored under the `replies` key, with defaults for anything not set. */
export async function getReplySettings(): Promise<ReplySettings> {
  const rows = await db.select().from(settings).where(inArray(settings.key, ['replies']));
  const stored = (rows[0]?.value ?? {}) as Partial<ReplySettings>;
  return { ...DEFAULT_REPLY_SETTINGS, ...stored };
}
