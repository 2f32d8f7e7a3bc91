import 'server-only';
import { inArray } from 'drizzle-orm';
import { DEFAULT_REPLY_RULE_SETTINGS, type ReplyRuleSettings } from '@/lib/replies/rules';
import { db } from '../index';
import { settings } from '../schema';

export type ReplySettings = ReplyRuleSettings & { floodSeconds: number; maxDepth: number };

export const DEFAULT_REPLY_SETTINGS: ReplySettings = { ...DEFAULT_REPLY_RULE_SETTINGS, floodSeconds: 15, maxDepth: 5 };

/** Reply rules as stored under the `replies` key, with defaults for anything not set. */
export async function getReplySettings(): Promise<ReplySettings> {
  const rows = await db.select().from(settings).where(inArray(settings.key, ['replies']));
  const stored = (rows[0]?.value ?? {}) as Partial<ReplySettings>;
  return { ...DEFAULT_REPLY_SETTINGS, ...stored };
}
