/**
 * "Try these rules": runs proposed reply settings over stored replies through the same admitReply as
 * a new reply, and compares them with the saved settings. Pure module: the caller loads the replies
 * (db/queries/settings-dry-run.ts).
 *
 * Only the status is tried: a stored reply passed the refusals (closed, depth, flood…) when it was
 * posted. Stored replies keep only a hashed IP and no bot-trap data, so the disallowed-IP rule and the
 * honeypot/too-fast traps cannot be tried here; "always hold" and the article backlog are tried as
 * they stood when each reply was posted, as far as the stored rows tell.
 */
import { normalizeForMatching } from '@/lib/text/normalize';
import { admitReply } from './admit';
import { ruleLabel, type ReplyDecision } from './rules';
import type { ReplySettings } from './settings';

export type StoredReplyForTrial = {
  id: number;
  articleId: number;
  name: string;
  email: string;
  url: string | null;
  body: string;
  status: 'pending' | 'approved' | 'spam' | 'trash';
  isStaff: boolean;
  /** Names its email had approved replies under before this one (the "previously approved" rule). */
  earlierApprovedNames: string[];
  /** Its email is a staff account's (a reply not written signed in is then held). */
  staffEmail: boolean;
  /** An "always hold" sanction was in force for its commenter when it was posted. */
  alwaysHeld: boolean;
  /** Held replies on its article older than it (those still held: a lower bound of its backlog then). */
  pendingBefore: number;
};

export type TrialOutcome = ReplyDecision['status'];

export type TrialExample = {
  id: number;
  name: string;
  excerpt: string;
  from: TrialOutcome;
  to: TrialOutcome;
  /** The rule that decides it under the proposed settings, in words. */
  rule: string;
  detail: string;
};

type Counts = Record<TrialOutcome, number>;

export type ReplyRulesTrial = {
  total: number;
  /** What the proposed rules would have decided. */
  proposed: Counts;
  /** What the saved rules decide for the same replies (the comparison `changed` counts against). */
  saved: Counts;
  /** Where those replies are now (after moderators' decisions). */
  now: { approved: number; held: number; spam: number; trash: number };
  /** Replies the proposed rules decide differently from the saved rules. */
  changed: number;
  examples: TrialExample[];
  /** Disallowed IP addresses were given but cannot be tried against stored replies. */
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
    .map((raw) => ({
      raw,
      parts: normalizeForMatching(raw.trim())
        .split(/\s+/u)
        .filter((p) => p !== ''),
    }))
    .filter((w) => w.parts.length > 0);
  if (prepared.length === 0) return () => [];
  return (haystack) => prepared.filter((w) => w.parts.every((p) => haystack.includes(p))).map((w) => w.raw);
}

function ruleRunner(settings: ReplySettings) {
  const narrowDisallowed = wordListNarrower(settings.disallowedWords);
  const narrowModeration = wordListNarrower(settings.moderationWords);
  return (reply: StoredReplyForTrial, haystack: string): ReplyDecision => {
    const admission = admitReply(
      {
        reply: {
          parentId: null,
          name: reply.name,
          email: reply.email,
          url: reply.url,
          body: reply.body,
          ip: null,
          honeypot: '',
          secondsSinceFormRendered: null,
        },
        isStaff: reply.isStaff,
        // Open and top-level: only the status is tried (see above), so the refusals cannot apply.
        article: { id: reply.articleId, commentsOpen: true, publishedAt: null },
        parent: null,
        sanction: reply.alwaysHeld ? { kind: 'hold', until: null } : null,
        duplicate: false,
        approvedNames: reply.earlierApprovedNames,
        staffEmail: reply.staffEmail,
        lastReplyAt: null,
        pendingOnArticle: reply.pendingBefore,
        now: 0,
      },
      { ...settings, disallowedWords: narrowDisallowed(haystack), moderationWords: narrowModeration(haystack) },
    );
    if (!admission.admitted) throw new Error(`A stored reply was refused by the ${admission.check} check, which the trial leaves out.`);
    return admission.decision;
  };
}

export function tryReplyRules(replies: StoredReplyForTrial[], proposed: ReplySettings, saved: ReplySettings, maxExamples = 10): ReplyRulesTrial {
  const runProposed = ruleRunner(proposed);
  const runSaved = ruleRunner(saved);
  const trial: ReplyRulesTrial = {
    total: replies.length,
    proposed: { approved: 0, pending: 0, spam: 0 },
    saved: { approved: 0, pending: 0, spam: 0 },
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
    trial.saved[before.status]++;
    if (before.status !== next.status) {
      trial.changed++;
      if (trial.examples.length < maxExamples) {
        trial.examples.push({
          id: reply.id,
          name: reply.name,
          excerpt: excerpt(reply.body),
          from: before.status,
          to: next.status,
          rule: ruleLabel(next.rule),
          detail: next.detail,
        });
      }
    }
  }
  return trial;
}

const fmt = (n: number) => n.toLocaleString('en-GB');

const replyCount = (n: number) => (n === 1 ? '1 reply' : `${fmt(n)} replies`);
const decisions = (c: Counts) => `approve ${fmt(c.approved)}, hold ${fmt(c.pending)} and mark ${fmt(c.spam)} as spam`;

/**
 * The one-paragraph answer shown after "Try these rules". Each set of figures adds up to the replies
 * tried: what these rules would do, what the saved rules do (the replies decided differently are the
 * difference between the two), and where the replies stand now after moderators' decisions.
 */
export function describeTrial(t: ReplyRulesTrial): string {
  if (t.total === 0) return 'There are no replies yet to try these rules against.';
  const sentences = [`${t.total === 1 ? 'Of the only reply so far' : `Of the last ${fmt(t.total)} replies`}, these rules would ${decisions(t.proposed)}.`];
  if (t.changed === 0) {
    sentences.push(`The saved rules decide ${t.total === 1 ? 'it' : 'every one'} the same way.`);
  } else {
    const listed =
      t.changed > t.examples.length
        ? ` The newest ${fmt(t.examples.length)} are listed below.`
        : t.changed === 1
          ? ' It is listed below.'
          : ' They are listed below.';
    sentences.push(`The saved rules ${decisions(t.saved)}, so ${replyCount(t.changed)} would be decided differently.${t.examples.length > 0 ? listed : ''}`);
  }
  sentences.push(
    `Where ${t.total === 1 ? 'it stands' : 'they stand'} now, after moderators’ decisions: ${fmt(t.now.approved)} approved, ${fmt(t.now.held)} held, ${fmt(t.now.spam)} spam and ${fmt(t.now.trash)} in the trash.`,
  );
  if (t.ipRuleNotTried) {
    sentences.push('Disallowed IP addresses cannot be tried here: replies keep only a hashed address. They apply to new replies.');
  }
  return sentences.join(' ');
}
