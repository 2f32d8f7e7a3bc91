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
 *  5. more than maxLinks links in the body      → pending
 *     moderation word (body, name, website, email) → pending
 *  6. "hold every reply"                        → pending
 *  7. previously-approved rule on: approved if this email has an approved reply,
 *     else pending; rule off: approved.
 *
 * Pure module: the caller looks up hasApprovedReplyFromEmail and settings. admitReply (./admit.ts)
 * runs these after the checks that refuse a reply outright, and adds the holds that need more facts.
 */
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
  hasApprovedReplyFromEmail: boolean;
};

export type ReplyMatchField = 'body' | 'name' | 'email' | 'url' | 'ip';

/** Every rule that can decide a new reply's status, by the name stored with the reply. */
export type ReplyRule =
  | 'honeypot'
  | 'too-fast'
  | 'disallowed-word'
  | 'disallowed-email'
  | 'disallowed-ip'
  | 'staff'
  | 'too-many-links'
  | 'moderation-word'
  | 'hold-all'
  | 'previously-approved'
  | 'first-reply'
  | 'no-hold-rule'
  | 'always-hold'
  | 'article-backlog';

/** Each rule in words, for people (the stored name is for machines). */
export const RULE_LABELS: Record<ReplyRule, string> = {
  honeypot: 'hidden honeypot field filled in',
  'too-fast': 'sent too soon after the form appeared',
  'disallowed-word': 'disallowed word',
  'disallowed-email': 'disallowed email',
  'disallowed-ip': 'disallowed IP address',
  staff: 'signed-in staff',
  'too-many-links': 'too many links',
  'moderation-word': 'moderation word',
  'hold-all': 'hold every reply',
  'previously-approved': 'previously approved commenter',
  'first-reply': 'first reply from this email',
  'no-hold-rule': 'no rule held it',
  'always-hold': 'commenter’s replies always held',
  'article-backlog': 'too many replies waiting on the article',
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
};

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
    const index = c.email.indexOf(email);
    return {
      status: 'spam',
      rule: 'disallowed-email',
      detail: `The email matches the disallowed entry “${emailEntry}”.`,
      match: { field: 'email', text: email, index, length: email.length },
    };
  }
  const ip = c.ip?.trim() ?? '';
  const ipEntry = ip === '' ? null : matchesEmailOrIpList(ip, s.disallowedIps);
  if (ipEntry !== null) {
    return {
      status: 'spam',
      rule: 'disallowed-ip',
      detail: `The IP address matches the disallowed entry “${ipEntry}”.`,
      match: { field: 'ip', text: ip, index: (c.ip ?? '').indexOf(ip), length: ip.length },
    };
  }

  // 4. Staff.
  if (c.isStaff) {
    return { status: 'approved', rule: 'staff', detail: 'Written by a signed-in staff member.' };
  }

  // 5. Links and moderation words → pending.
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

  // 6. Hold everything.
  if (s.holdAll) {
    return { status: 'pending', rule: 'hold-all', detail: 'The “hold every reply” setting is on.' };
  }

  // 7. Previously approved.
  if (s.previouslyApproved) {
    return c.hasApprovedReplyFromEmail
      ? {
          status: 'approved',
          rule: 'previously-approved',
          detail: 'This email already has an approved reply.',
        }
      : {
          status: 'pending',
          rule: 'first-reply',
          detail: 'First reply from this email; a moderator approves it once.',
        };
  }
  return { status: 'approved', rule: 'no-hold-rule', detail: 'No rule held this reply.' };
}
