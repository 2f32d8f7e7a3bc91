/**
 * The status decision for a new reply (the product's reply rules, in the README). Rules run in this
 * order; the first that applies decides:
 *
 *  1. honeypot filled in                       → spam     (not for staff)
 *  2. submitted faster than minSecondsToSubmit  → spam     (not for staff)
 *  3. disallowed word (body, name, website)     → spam
 *     disallowed email                          → spam
 *     disallowed IP                             → spam
 *  4. staff                                     → approved
 *  5. a staff account's email, not signed in    → pending (nobody posts as staff without signing in)
 *  6. more than maxLinks links in the body      → pending
 *     moderation word (body, name, website, email) → pending
 *  7. "hold every reply"                        → pending
 *  8. previously-approved rule on: approved if the same name and email already have an approved
 *     reply (as WordPress's rule), else pending; rule off: approved.
 *
 * Pure module: the caller looks up approvedBefore, staffEmail and settings. admitReply (./admit.ts)
 * runs these after the checks that refuse a reply outright, and adds the holds that need more facts.
 * A decision never quotes an email or address in the clear: the disallowed-email and -IP rules give
 * a masked value (lib/privacy/mask.ts), since the reason is stored with the reply.
 */
import type { ReplyStatusReason } from '@/db/schema';
import { maskAddress, maskEmail, maskListEntry } from '@/lib/privacy/mask';
import { findWordListMatch, matchesEmailOrIpList } from '@/lib/text/normalize';
import type { ReplyRuleSettings } from './settings';
import { countLinks } from './text';

export type ReplyCandidate = {
  name: string;
  email: string;
  url: string | null;
  body: string;
  ip: string | null;
  isStaff: boolean;
  honeypot: string;
  secondsSinceFormRendered: number | null;
  /** The same name and email already have an approved reply (see sameCommenterName). */
  approvedBefore: boolean;
  /** The email is a staff account's (the writer is not signed in as them when isStaff is false). */
  staffEmail: boolean;
};

/** Names compared as WordPress's rule does: trimmed, case-insensitive. */
export function sameCommenterName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');
}

export type ReplyMatchField = 'body' | 'name' | 'email' | 'url' | 'ip';

/** Every rule that can decide a new reply's status, by the name stored with the reply. */
export type ReplyRule =
  | 'honeypot'
  | 'too-fast'
  | 'disallowed-word'
  | 'disallowed-email'
  | 'disallowed-ip'
  | 'staff'
  | 'staff-email'
  | 'too-many-links'
  | 'moderation-word'
  | 'hold-all'
  | 'previously-approved'
  | 'first-reply'
  | 'no-hold-rule'
  | 'always-hold'
  | 'article-backlog'
  | 'article-hold';

/** Each rule in words, for people (the stored name is for machines). */
export const RULE_LABELS: Record<ReplyRule, string> = {
  honeypot: 'hidden honeypot field filled in',
  'too-fast': 'sent too soon after the form appeared',
  'disallowed-word': 'disallowed word',
  'disallowed-email': 'disallowed email',
  'disallowed-ip': 'disallowed IP address',
  staff: 'signed-in staff',
  'staff-email': 'a staff member’s email without signing in',
  'too-many-links': 'too many links',
  'moderation-word': 'moderation word',
  'hold-all': 'hold every reply',
  'previously-approved': 'previously approved commenter',
  'first-reply': 'first reply from this email',
  'no-hold-rule': 'no rule held it',
  'always-hold': 'commenter’s replies always held',
  'article-backlog': 'too many replies waiting on the article',
  'article-hold': 'replies on this article are held for review',
};

/** A stored rule name in words; a name this code no longer knows is shown with spaces for dashes. */
export function ruleLabel(rule: string): string {
  return Object.hasOwn(RULE_LABELS, rule) ? RULE_LABELS[rule as ReplyRule] : rule.replace(/-/g, ' ');
}

export type ReplyDecision = {
  status: 'approved' | 'pending' | 'spam';
  rule: ReplyRule;
  detail: string;
  /** What matched, with index/length into the candidate's original field value (for highlighting). */
  match?: { field: ReplyMatchField; text: string; index: number; length: number };
  /** The field a rule matched as a whole, when the value itself is never kept (an email, an address). */
  field?: 'email' | 'ip';
};

/** What is stored with a reply about its decision: the rule, its words, and a match that is never an email or address. */
export function statusReasonOf(d: ReplyDecision): ReplyStatusReason | null {
  if (d.status === 'approved') return null;
  return { rule: d.rule, detail: d.detail, match: d.match?.text, field: d.match?.field ?? d.field };
}

const FIELD_LABEL: Record<ReplyMatchField, string> = {
  body: 'reply',
  name: 'name',
  email: 'email',
  url: 'website',
  ip: 'IP address',
};

function fieldValue(c: ReplyCandidate, field: 'body' | 'name' | 'email' | 'url'): string {
  if (field === 'url') return c.url ?? '';
  return c[field];
}

function findWordInFields(
  c: ReplyCandidate,
  words: string[],
  fields: ('body' | 'name' | 'email' | 'url')[],
): { word: string; match: NonNullable<ReplyDecision['match']> } | null {
  if (!words.some((w) => w.trim() !== '')) return null;
  for (const field of fields) {
    const value = fieldValue(c, field);
    if (value === '') continue;
    const m = findWordListMatch(value, words);
    if (m) {
      return {
        word: m.word,
        match: { field, text: value.slice(m.index, m.index + m.length), index: m.index, length: m.length },
      };
    }
  }
  return null;
}

function wordDetail(kind: 'disallowed' | 'moderation', word: string, field: ReplyMatchField): string {
  const where = field === 'body' ? '' : ` in the ${FIELD_LABEL[field]}`;
  return `Contains the ${kind} word “${word}”${where}.`;
}

function formatSeconds(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function decideReplyStatus(c: ReplyCandidate, s: ReplyRuleSettings): ReplyDecision {
  // 1–2. Bot traps (staff use the same form but are signed in; never trap them).
  if (!c.isStaff) {
    if (c.honeypot.trim() !== '') {
      return {
        status: 'spam',
        rule: 'honeypot',
        detail: 'The hidden honeypot field was filled in; people never see it.',
      };
    }
    if (c.secondsSinceFormRendered !== null && c.secondsSinceFormRendered < s.minSecondsToSubmit) {
      return {
        status: 'spam',
        rule: 'too-fast',
        detail: `Sent ${formatSeconds(c.secondsSinceFormRendered)} s after the form was shown; the minimum is ${formatSeconds(s.minSecondsToSubmit)} s.`,
      };
    }
  }

  // 3. Disallowed lists → spam (staff included).
  const disallowedWord = findWordInFields(c, s.disallowedWords, ['body', 'name', 'url']);
  if (disallowedWord) {
    return {
      status: 'spam',
      rule: 'disallowed-word',
      detail: wordDetail('disallowed', disallowedWord.word, disallowedWord.match.field),
      match: disallowedWord.match,
    };
  }
  const email = c.email.trim();
  const emailEntry = email === '' ? null : matchesEmailOrIpList(email, s.disallowedEmails);
  if (emailEntry !== null) {
    const domainEntry = emailEntry.startsWith('*@') || emailEntry.startsWith('@');
    return {
      status: 'spam',
      rule: 'disallowed-email',
      detail: domainEntry
        ? `The email (${maskEmail(email)}) matches the disallowed entry “${emailEntry}”.`
        : `The email (${maskEmail(email)}) is on the disallowed list.`,
      field: 'email',
    };
  }
  const ip = c.ip?.trim() ?? '';
  const ipEntry = ip === '' ? null : matchesEmailOrIpList(ip, s.disallowedIps);
  if (ipEntry !== null) {
    return {
      status: 'spam',
      rule: 'disallowed-ip',
      detail: `The IP address (${maskAddress(ip)}) matches the disallowed entry “${maskListEntry(ipEntry)}”.`,
      field: 'ip',
    };
  }

  // 4. Staff.
  if (c.isStaff) {
    return { status: 'approved', rule: 'staff', detail: 'Written by a signed-in staff member.' };
  }

  // 5. A staff account's email from someone not signed in: never published under that name by itself.
  if (c.staffEmail) {
    return { status: 'pending', rule: 'staff-email', detail: 'Uses a staff member’s email without signing in.', field: 'email' };
  }

  // 6. Links and moderation words → pending.
  if (Number.isFinite(s.maxLinks) && s.maxLinks >= 0) {
    const links = countLinks(c.body);
    if (links > s.maxLinks) {
      return {
        status: 'pending',
        rule: 'too-many-links',
        detail: `${links} ${links === 1 ? 'link' : 'links'}; the limit is ${s.maxLinks}`,
      };
    }
  }
  const moderationWord = findWordInFields(c, s.moderationWords, ['body', 'name', 'url', 'email']);
  if (moderationWord) {
    return {
      status: 'pending',
      rule: 'moderation-word',
      detail: wordDetail('moderation', moderationWord.word, moderationWord.match.field),
      match: moderationWord.match,
    };
  }

  // 7. Hold everything.
  if (s.holdAll) {
    return { status: 'pending', rule: 'hold-all', detail: 'The “hold every reply” setting is on.' };
  }

  // 8. Previously approved: the same name and email, so an email alone cannot borrow someone's standing.
  if (s.previouslyApproved) {
    return c.approvedBefore
      ? {
          status: 'approved',
          rule: 'previously-approved',
          detail: 'This name and email already have an approved reply.',
        }
      : {
          status: 'pending',
          rule: 'first-reply',
          detail: 'First reply from this email under this name; a moderator approves it once.',
        };
  }
  return { status: 'approved', rule: 'no-hold-rule', detail: 'No rule held this reply.' };
}
