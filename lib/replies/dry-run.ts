/**
 * "Try these rules": runs proposed reply rules over stored replies and compares them with the saved
 * rules. Pure module: the caller loads the replies (db/queries/settings-dry-run.ts).
 *
 * Stored replies keep only a hashed IP and no bot-trap data, so the disallowed-address rule and the
 * honeypot/too-fast traps cannot be tried here.
 */
import { normalizeForMatching } from '@/lib/text/normalize';
import { decideReplyStatus, type ReplyDecision, type ReplyRuleSettings } from './rules';

export type StoredReplyForTrial = {
  id: number;
  name: string;
  email: string;
  url: string | null;
  body: string;
  status: 'pending' | 'approved' | 'spam' | 'trash';
  isStaff: boolean;
  /** The same email has an approved reply older than this one (the "previously approved" rule). */
  hasEarlierApprovedReply: boolean;
};

export type TrialOutcome = ReplyDecision['status'];

export type TrialExample = {
  id: number;
  name: string;
  excerpt: string;
  from: TrialOutcome;
  to: TrialOutcome;
  detail: string;
};

export type ReplyRulesTrial = {
  total: number;
  /** What the proposed rules would have decided. */
  proposed: Record<TrialOutcome, number>;
  /** Where those replies are now (after moderators' decisions). */
  now: { approved: number; held: number; spam: number; trash: number };
  /** Replies the proposed rules decide differently from the saved rules. */
  changed: number;
  examples: TrialExample[];
  /** Disallowed addresses were given but cannot be tried against stored replies. */
  ipRuleNotTried: boolean;
};

const EXCERPT_LENGTH = 80;

function excerpt(body: string): string {
  const chars = [...body.replace(/\s+/g, ' ').trim()];
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('').trimEnd()}…` : chars.join('');
}

/**
 * A word list narrowed, per reply, to entries that could match it at all: every part of the entry
 * (normalised as the matcher does) must occur somewhere in the reply's normalised fields. The
 * matcher builds a regular expression per entry and field, so long lists over 1,000 replies are
 * slow without this; the result is the same because the dropped entries cannot match.
 */
function wordListNarrower(words: string[]): (haystack: string) => string[] {
  const prepared = words
    .map((raw) => ({ raw, parts: normalizeForMatching(raw.trim()).split(/\s+/u).filter((p) => p !== '') }))
    .filter((w) => w.parts.length > 0);
  if (prepared.length === 0) return () => [];
  return (haystack) => prepared.filter((w) => w.parts.every((p) => haystack.includes(p))).map((w) => w.raw);
}

function ruleRunner(settings: ReplyRuleSettings) {
  const narrowDisallowed = wordListNarrower(settings.disallowedWords);
  const narrowModeration = wordListNarrower(settings.moderationWords);
  return (reply: StoredReplyForTrial, haystack: string): ReplyDecision =>
    decideReplyStatus(
      {
        name: reply.name,
        email: reply.email,
        url: reply.url,
        body: reply.body,
        ip: null,
        isStaff: reply.isStaff,
        honeypot: '',
        secondsSinceFormRendered: null,
        hasApprovedReplyFromEmail: reply.hasEarlierApprovedReply,
      },
      { ...settings, disallowedWords: narrowDisallowed(haystack), moderationWords: narrowModeration(haystack) },
    );
}

export function tryReplyRules(
  replies: StoredReplyForTrial[],
  proposed: ReplyRuleSettings,
  saved: ReplyRuleSettings,
  maxExamples = 10,
): ReplyRulesTrial {
  const runProposed = ruleRunner(proposed);
  const runSaved = ruleRunner(saved);
  const trial: ReplyRulesTrial = {
    total: replies.length,
    proposed: { approved: 0, pending: 0, spam: 0 },
    now: { approved: 0, held: 0, spam: 0, trash: 0 },
    changed: 0,
    examples: [],
    ipRuleNotTried: proposed.disallowedIps.some((ip) => ip.trim() !== ''),
  };
  for (const reply of replies) {
    trial.now[reply.status === 'pending' ? 'held' : reply.status]++;
    // Every field any word rule looks at; joined by a line break so no entry part spans two fields.
    const haystack = normalizeForMatching([reply.body, reply.name, reply.url ?? '', reply.email].join('\n'));
    const next = runProposed(reply, haystack);
    trial.proposed[next.status]++;
    const before = runSaved(reply, haystack);
    if (before.status !== next.status) {
      trial.changed++;
      if (trial.examples.length < maxExamples) {
        trial.examples.push({ id: reply.id, name: reply.name, excerpt: excerpt(reply.body), from: before.status, to: next.status, detail: next.detail });
      }
    }
  }
  return trial;
}

const fmt = (n: number) => n.toLocaleString('en-GB');

/** The one-paragraph answer shown after "Try these rules". */
export function describeTrial(t: ReplyRulesTrial): string {
  if (t.total === 0) return 'There are no replies yet to try these rules against.';
  const against = t.total === 1 ? 'Against the only reply so far' : `Against the last ${fmt(t.total)} replies`;
  const sentences = [
    `${against} these rules would have held ${fmt(t.proposed.pending)} and spammed ${fmt(t.proposed.spam)} (now: ${fmt(t.now.held)} held, ${fmt(t.now.spam)} spam).`,
  ];
  if (t.changed === 0) {
    sentences.push('None would be decided differently from the saved rules.');
  } else {
    const n = t.changed === 1 ? '1 reply' : `${fmt(t.changed)} replies`;
    const shown = t.changed > t.examples.length ? ` The newest ${fmt(t.examples.length)} are listed below.` : '';
    sentences.push(`${n} would be decided differently from the saved rules.${shown}`);
  }
  if (t.ipRuleNotTried) {
    sentences.push('Disallowed addresses cannot be tried here: replies keep only a hashed address. They apply to new replies.');
  }
  return sentences.join(' ');
}
