import { z } from 'zod';
import { BACKLOG_LIMIT_MAX, FLOOD_SECONDS_MAX, type ReplySettings } from './settings';

// The reply rules and settings form (/admin/settings), validated on the server. Lists are textareas
// with one entry per line; numbers are whole numbers within bounds the rest of the site can live with.

export const REPLY_SETTINGS_FIELDS = [
  'minSecondsToSubmit',
  'disallowedWords',
  'disallowedEmails',
  'disallowedIps',
  'maxLinks',
  'moderationWords',
  'holdAll',
  'previouslyApproved',
  'floodSeconds',
  'maxDepth',
  'closeAfterDays',
  'purgeAfterDays',
  'reportThreshold',
  'articleBacklogLimit',
  'addressRetentionDays',
] as const;

export type ReplySettingsField = (typeof REPLY_SETTINGS_FIELDS)[number];
export type ReplySettingsValues = Record<ReplySettingsField, string>;
/** The settings this form edits; any others stored under the same key keep their values on save. */
export type ReplyFormSettings = Pick<ReplySettings, ReplySettingsField>;

export const MAX_LIST_ENTRIES = 1000;
export const MAX_ENTRY_LENGTH = 100;
// Room for 1,000 full lines plus blank ones; anything longer is not a list someone typed.
const MAX_LIST_CHARS = 150_000;

const fmt = (n: number) => n.toLocaleString('en-GB');

function wholeNumber(opts: { min: number; max: number; unit: string; blank?: number; extra?: string }) {
  const message = `Use a whole number of ${opts.unit} from ${fmt(opts.min)} to ${fmt(opts.max)}${opts.extra ?? ''}.`;
  return z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '' && opts.blank !== undefined) return opts.blank;
      const n = /^[+-]?[0-9]{1,9}$/.test(v) ? Number(v) : NaN;
      if (!Number.isInteger(n) || n < opts.min || n > opts.max) {
        ctx.addIssue({ code: 'custom', message: v === '' ? `Please enter a number. ${message}` : message });
        return z.NEVER;
      }
      return n;
    });
}

type ListKind = 'word' | 'email' | 'ip';

const EMAIL_ENTRY = /^(?:\*?@[^\s@]+\.[^\s@]+|[^\s@]+@[^\s@]+)$/;
const ipv4 = z.ipv4();
const ipv6 = z.ipv6();

function entryProblem(kind: ListKind, entry: string): string | null {
  if (kind === 'email' && !EMAIL_ENTRY.test(entry)) {
    return 'is not an email address or @domain (like spam@example.com or @example.com)';
  }
  if (kind === 'ip' && !ipv4.safeParse(entry).success && !ipv6.safeParse(entry).success) {
    return entry.includes('/') ? 'is a range; list each address on its own line' : 'is not an IP address (like 203.0.113.7)';
  }
  return null;
}

const quote = (s: string) => `“${s.length > 30 ? `${s.slice(0, 30)}…` : s}”`;

/** One entry per line: trimmed, blank lines dropped, repeats (ignoring case) dropped. */
function list(kind: ListKind) {
  return z
    .string()
    .max(MAX_LIST_CHARS, `This list is too long: keep it to ${fmt(MAX_LIST_ENTRIES)} lines of at most ${MAX_ENTRY_LENGTH} characters.`)
    .transform((v, ctx) => {
      const entries: string[] = [];
      const seen = new Set<string>();
      const lines = v.split(/\r\n|\r|\n/);
      for (let i = 0; i < lines.length; i++) {
        const entry = lines[i].trim();
        if (entry === '') continue;
        if ([...entry].length > MAX_ENTRY_LENGTH) {
          ctx.addIssue({ code: 'custom', message: `Line ${i + 1} is longer than ${MAX_ENTRY_LENGTH} characters.` });
          return z.NEVER;
        }
        if (/[\u0000-\u001f\u007f]/.test(entry)) {
          ctx.addIssue({ code: 'custom', message: `Line ${i + 1} contains characters that cannot be typed in a reply.` });
          return z.NEVER;
        }
        const problem = entryProblem(kind, entry);
        if (problem) {
          ctx.addIssue({ code: 'custom', message: `Line ${i + 1}: ${quote(entry)} ${problem}.` });
          return z.NEVER;
        }
        const key = entry.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        entries.push(entry);
      }
      if (entries.length > MAX_LIST_ENTRIES) {
        ctx.addIssue({
          code: 'custom',
          message: `Keep the list to ${fmt(MAX_LIST_ENTRIES)} entries or fewer (this one has ${fmt(entries.length)}).`,
        });
        return z.NEVER;
      }
      return entries;
    });
}

// An unchecked box is absent from the form ('' here); a direct call may also send "true" or "1".
const checkbox = z.string().transform((v) => ['on', 'true', '1', 'yes'].includes(v.trim().toLowerCase()));

export const ReplySettingsSchema = z.object({
  minSecondsToSubmit: wholeNumber({ min: 0, max: 60, unit: 'seconds', extra: ' (0 turns the check off)' }),
  disallowedWords: list('word'),
  disallowedEmails: list('email'),
  disallowedIps: list('ip'),
  // Blank means no limit, stored as -1 (the rules treat any negative value so).
  maxLinks: wholeNumber({ min: 0, max: 50, unit: 'links', blank: -1, extra: ', or leave it blank for no limit' }),
  moderationWords: list('word'),
  holdAll: checkbox,
  previouslyApproved: checkbox,
  floodSeconds: wholeNumber({ min: 0, max: FLOOD_SECONDS_MAX, unit: 'seconds', extra: ' (0 turns flood control off)' }),
  maxDepth: wholeNumber({ min: 1, max: 5, unit: 'levels' }),
  closeAfterDays: wholeNumber({ min: 0, max: 3650, unit: 'days', extra: ' (0 never closes replies)' }),
  purgeAfterDays: wholeNumber({ min: 1, max: 3650, unit: 'days' }),
  reportThreshold: wholeNumber({ min: 0, max: 100, unit: 'readers', extra: ' (0 never holds a reply on reports)' }),
  articleBacklogLimit: wholeNumber({ min: 0, max: BACKLOG_LIMIT_MAX, unit: 'replies', extra: ' (0 turns it off)' }),
  addressRetentionDays: wholeNumber({ min: 1, max: 3650, unit: 'days' }),
}) satisfies z.ZodType<ReplyFormSettings, ReplySettingsValues>;

/** The stored settings as the form shows them. */
export function replySettingsFormValues(s: ReplyFormSettings): ReplySettingsValues {
  return {
    minSecondsToSubmit: String(s.minSecondsToSubmit),
    disallowedWords: s.disallowedWords.join('\n'),
    disallowedEmails: s.disallowedEmails.join('\n'),
    disallowedIps: s.disallowedIps.join('\n'),
    maxLinks: Number.isFinite(s.maxLinks) && s.maxLinks >= 0 ? String(s.maxLinks) : '',
    moderationWords: s.moderationWords.join('\n'),
    holdAll: s.holdAll ? 'on' : '',
    previouslyApproved: s.previouslyApproved ? 'on' : '',
    floodSeconds: String(s.floodSeconds),
    maxDepth: String(s.maxDepth),
    closeAfterDays: String(s.closeAfterDays),
    purgeAfterDays: String(s.purgeAfterDays),
    reportThreshold: String(s.reportThreshold),
    articleBacklogLimit: String(s.articleBacklogLimit),
    addressRetentionDays: String(s.addressRetentionDays),
  };
}
