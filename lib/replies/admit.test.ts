import { describe, expect, it } from 'vitest';
import { admitReply, type ReplyFacts } from './admit';
import { ARTICLE_HOLD_DETAIL } from './reply-mode';
import { DEFAULT_REPLY_SETTINGS, type ReplySettings } from './settings';

const NOW = Date.UTC(2026, 5, 1, 12);
const DAY = 86_400_000;
type Article = { id: number; slug: string; commentsOpen: boolean; publishedAt: Date | null };

type Over = Partial<Omit<ReplyFacts<Article>, 'reply'>> & { reply?: Partial<ReplyFacts['reply']> };

/** A returning reader's plain reply to an open article: approved unless a test says otherwise. */
function facts(over: Over = {}): ReplyFacts<Article> {
  const { reply, ...rest } = over;
  return {
    reply: {
      parentId: null,
      name: 'Ada Reader',
      email: 'ada@example.com',
      url: null,
      body: 'A thoughtful reply.',
      ip: '203.0.113.7',
      honeypot: '',
      secondsSinceFormRendered: 30,
      ...reply,
    },
    isStaff: false,
    article: { id: 7, slug: 'harbour', commentsOpen: true, publishedAt: new Date(NOW - DAY) },
    parent: null,
    sanction: null,
    duplicate: false,
    approvedNames: ['Ada Reader'],
    staffEmail: false,
    lastReplyAt: null,
    pendingOnArticle: 0,
    now: NOW,
    ...rest,
  };
}

const settings = (over: Partial<ReplySettings> = {}): ReplySettings => ({ ...DEFAULT_REPLY_SETTINGS, ...over });
const admit = (f: Over = {}, s: Partial<ReplySettings> = {}) => admitReply(facts(f), settings(s));

/** The check that refused it, or the status and rule it was stored with. */
function outcome(f: Over = {}, s: Partial<ReplySettings> = {}): string {
  const a = admit(f, s);
  return a.admitted ? `${a.decision.status}:${a.decision.rule}` : `refused:${a.check}`;
}

const approvedParent = { articleId: 7, depth: 1, status: 'approved' as const };

describe('admitReply: the refusals', () => {
  it('admits a returning reader’s plain reply, approved, at the top level, carrying the article through', () => {
    const a = admit();
    expect(a).toMatchObject({ admitted: true, depth: 1, decision: { status: 'approved', rule: 'previously-approved' } });
    expect(a.admitted && a.article.slug).toBe('harbour');
  });

  it('refuses an article that is not public', () => {
    expect(admit({ article: null })).toEqual({
      admitted: false,
      check: 'unavailable',
      message: 'This article is not available for comments.',
      fieldErrors: undefined,
    });
  });

  it('refuses an article whose replies are closed, by its switch or by its age', () => {
    const closed = { admitted: false, check: 'closed', message: 'Comments are closed.' };
    expect(admit({ article: { id: 7, slug: 'harbour', commentsOpen: false, publishedAt: new Date(NOW) } })).toMatchObject(closed);
    const old = { article: { id: 7, slug: 'harbour', commentsOpen: true, publishedAt: new Date(NOW - 31 * DAY) } };
    expect(admit(old, { closeAfterDays: 30 })).toMatchObject(closed);
    expect(outcome(old, { closeAfterDays: 0 }), '0 never closes').toBe('approved:previously-approved');
    expect(outcome(old, { closeAfterDays: 32 })).toBe('approved:previously-approved');
  });

  it('refuses a reply to a parent that is gone, on another article or not approved', () => {
    for (const parent of [
      null,
      { ...approvedParent, articleId: 8 },
      { ...approvedParent, status: 'pending' as const },
      { ...approvedParent, status: 'trash' as const },
    ]) {
      expect(admit({ reply: { parentId: 3 }, parent })).toMatchObject({
        admitted: false,
        check: 'parent-gone',
        message: 'The comment you are replying to is no longer available.',
      });
    }
  });

  it('nests a reply one level under its parent, up to the deepest level allowed', () => {
    expect(admit({ reply: { parentId: 3 }, parent: { ...approvedParent, depth: 4 } })).toMatchObject({ admitted: true, depth: 5 });
    expect(admit({ reply: { parentId: 3 }, parent: { ...approvedParent, depth: 5 } })).toMatchObject({ admitted: false, check: 'too-deep' });
    expect(admit({ reply: { parentId: 3 }, parent: approvedParent }, { maxDepth: 1 })).toMatchObject({
      admitted: false,
      check: 'too-deep',
      message: 'This conversation is too deeply nested to reply to here; please reply further up.',
    });
    expect(admit({ reply: { parentId: 3 }, parent: approvedParent }, { maxDepth: 2 })).toMatchObject({ admitted: true, depth: 2 });
  });

  it('refuses a banned or suspended commenter, saying until when; staff are never sanctioned', () => {
    expect(admit({ sanction: { kind: 'ban', until: null } })).toMatchObject({
      admitted: false,
      check: 'banned',
      message: 'You can no longer comment on Broadsheet.',
    });
    expect(admit({ sanction: { kind: 'suspend', until: new Date(Date.UTC(2026, 6, 4)) } })).toMatchObject({
      admitted: false,
      check: 'suspended',
      message: 'You cannot comment until 4 July 2026.',
    });
    expect(outcome({ isStaff: true, sanction: { kind: 'ban', until: null } })).toBe('approved:staff');
  });

  it('refuses the same text twice, marking the comment field', () => {
    expect(admit({ duplicate: true })).toEqual({
      admitted: false,
      check: 'duplicate',
      message: 'Duplicate comment detected: it looks as though you have already said that.',
      fieldErrors: { comment: 'You have already posted this comment.' },
    });
  });

  it('refuses a reply within floodSeconds of the last one from this email or address, up to and including the limit', () => {
    const within = admit({ lastReplyAt: new Date(NOW - 14_000) });
    expect(within).toMatchObject({ admitted: false, check: 'flood', message: 'You are posting comments too quickly. Please wait 15 seconds and try again.' });
    expect(outcome({ lastReplyAt: new Date(NOW - 15_000) })).toBe('refused:flood');
    expect(outcome({ lastReplyAt: new Date(NOW - 15_001) })).toBe('approved:previously-approved');
    expect(outcome({ lastReplyAt: new Date(NOW - 50_000) }, { floodSeconds: 60 })).toBe('refused:flood');
    expect(outcome({ lastReplyAt: new Date(NOW - 1) }, { floodSeconds: 0 }), '0 turns it off').toBe('approved:previously-approved');
  });
});

describe('admitReply: the status rules', () => {
  it('runs the status rules of rules.ts on what was sent', () => {
    expect(outcome({ reply: { honeypot: 'Acme Ltd' } })).toBe('spam:honeypot');
    expect(outcome({ reply: { secondsSinceFormRendered: 1 } })).toBe('spam:too-fast');
    expect(outcome({ reply: { body: 'cheap pills' } }, { disallowedWords: ['cheap'] })).toBe('spam:disallowed-word');
    expect(outcome({}, { disallowedEmails: ['@example.com'] })).toBe('spam:disallowed-email');
    expect(outcome({}, { disallowedIps: ['203.0.113.7'] })).toBe('spam:disallowed-ip');
    expect(outcome({ isStaff: true, approvedNames: [] })).toBe('approved:staff');
    expect(outcome({ reply: { body: 'https://a.example https://b.example https://c.example' } })).toBe('pending:too-many-links');
    expect(outcome({ reply: { body: 'about the casino' } }, { moderationWords: ['casino'] })).toBe('pending:moderation-word');
    expect(outcome({}, { holdAll: true })).toBe('pending:hold-all');
    expect(outcome({ approvedNames: [] })).toBe('pending:first-reply');
    expect(outcome({ approvedNames: [] }, { previouslyApproved: false })).toBe('approved:no-hold-rule');
  });

  it('approves a returning commenter only under the same name and email: an email alone borrows nothing', () => {
    expect(outcome({ reply: { name: '  ada READER ' } })).toBe('approved:previously-approved');
    expect(outcome({ reply: { name: 'Tom Ashdown' } })).toBe('pending:first-reply');
    expect(outcome({ approvedNames: ['Someone Else', 'Ada Reader'] })).toBe('approved:previously-approved');
  });

  it('holds a post with a staff account’s email from someone not signed in, even under the staff name', () => {
    const impostor: Over = { staffEmail: true, approvedNames: ['Tom Ashdown'], reply: { name: 'Tom Ashdown', email: 'editor@example.com' } };
    expect(admit(impostor)).toMatchObject({
      admitted: true,
      decision: { status: 'pending', rule: 'staff-email', detail: 'Uses a staff member’s email without signing in.' },
    });
    expect(outcome(impostor, { previouslyApproved: false })).toBe('pending:staff-email');
    expect(outcome({ ...impostor, isStaff: true })).toBe('approved:staff');
  });

  it('keeps the match for highlighting', () => {
    const a = admit({ reply: { body: 'about the casino' } }, { moderationWords: ['casino'] });
    expect(a.admitted && a.decision.match).toEqual({ field: 'body', text: 'casino', index: 10, length: 6 });
  });

  it('holds what would be approved from a commenter set to "always hold", but not staff, and leaves other holds and spam as they are', () => {
    const hold = { sanction: { kind: 'hold' as const, until: null } };
    expect(admit(hold)).toMatchObject({
      admitted: true,
      decision: { status: 'pending', rule: 'always-hold', detail: 'A moderator set this commenter’s replies to be held.' },
    });
    expect(outcome({ ...hold, approvedNames: [] })).toBe('pending:first-reply');
    expect(outcome({ ...hold, reply: { honeypot: 'x' } })).toBe('spam:honeypot');
    expect(outcome(hold, { previouslyApproved: false })).toBe('pending:always-hold');
    expect(outcome({ ...hold, isStaff: true })).toBe('approved:staff');
  });

  it('holds every reply on an article whose held replies reached the backlog limit (0 is off), but not staff', () => {
    expect(admit({ pendingOnArticle: 40 }, { articleBacklogLimit: 40 })).toMatchObject({
      admitted: true,
      decision: {
        status: 'pending',
        rule: 'article-backlog',
        detail: '40 replies are already waiting on this article; every reply is held until the queue is worked down.',
      },
    });
    expect(outcome({ pendingOnArticle: 41 }, { articleBacklogLimit: 40 })).toBe('pending:article-backlog');
    expect(outcome({ pendingOnArticle: 39 }, { articleBacklogLimit: 40 })).toBe('approved:previously-approved');
    expect(outcome({ pendingOnArticle: 5000 }, { articleBacklogLimit: 0 })).toBe('approved:previously-approved');
    expect(outcome({ pendingOnArticle: 40, isStaff: true }, { articleBacklogLimit: 40 })).toBe('approved:staff');
    expect(outcome({ pendingOnArticle: 40, approvedNames: [] }, { articleBacklogLimit: 40 })).toBe('pending:first-reply');
  });
});

describe('admitReply: the order of the rules (admit.ts header)', () => {
  // Each pair: two rules that both apply; the earlier one decides.
  const everything: Over = {
    article: { id: 7, slug: 'harbour', commentsOpen: false, publishedAt: null },
    reply: { parentId: 3, honeypot: 'x' },
    parent: null,
    sanction: { kind: 'ban', until: null },
    duplicate: true,
    lastReplyAt: new Date(NOW),
  };

  it('refuses before deciding a status, in the order: unavailable, closed, parent, depth, sanction, duplicate, flood', () => {
    expect(outcome({ ...everything, article: null })).toBe('refused:unavailable');
    expect(outcome(everything)).toBe('refused:closed');
    const open = { ...everything, article: { id: 7, slug: 'harbour', commentsOpen: true, publishedAt: null } };
    expect(outcome(open)).toBe('refused:parent-gone');
    expect(outcome({ ...open, parent: { ...approvedParent, depth: 5 } })).toBe('refused:too-deep');
    const top = { ...open, reply: { parentId: null, honeypot: 'x' } };
    expect(outcome(top)).toBe('refused:banned');
    expect(outcome({ ...top, sanction: { kind: 'suspend', until: new Date(NOW + DAY) } })).toBe('refused:suspended');
    expect(outcome({ ...top, sanction: null })).toBe('refused:duplicate');
    expect(outcome({ ...top, sanction: null, duplicate: false }), 'a flood is refused before the honeypot counts').toBe('refused:flood');
    expect(outcome({ ...top, sanction: null, duplicate: false, lastReplyAt: null })).toBe('spam:honeypot');
  });

  it('decides the status in the order: bot traps, disallowed, staff, links and moderation words, hold all, previously approved, always hold, backlog', () => {
    const all: Over = {
      reply: { honeypot: 'x', secondsSinceFormRendered: 1, body: 'casino cheap https://a.example https://b.example https://c.example' },
      approvedNames: ['Ada Reader'],
      sanction: { kind: 'hold', until: null },
      pendingOnArticle: 10,
    };
    const s: Partial<ReplySettings> = { disallowedWords: ['cheap'], moderationWords: ['casino'], holdAll: true, articleBacklogLimit: 10 };
    const steps: [Over, Partial<ReplySettings>, string][] = [
      [all, s, 'spam:honeypot'],
      [{ ...all, reply: { ...all.reply, honeypot: '' } }, s, 'spam:too-fast'],
      [{ ...all, reply: { ...all.reply, honeypot: '', secondsSinceFormRendered: 30 } }, s, 'spam:disallowed-word'],
      [{ ...all, isStaff: true, reply: { ...all.reply, honeypot: '' } }, { ...s, disallowedWords: [] }, 'approved:staff'],
      [{ ...all, reply: { ...all.reply, honeypot: '', secondsSinceFormRendered: 30 } }, { ...s, disallowedWords: [] }, 'pending:too-many-links'],
      [{ ...all, reply: { body: 'casino' } }, { ...s, disallowedWords: [] }, 'pending:moderation-word'],
      [{ ...all, reply: {} }, { ...s, disallowedWords: [], moderationWords: [] }, 'pending:hold-all'],
      [{ ...all, reply: {} }, { ...s, disallowedWords: [], moderationWords: [], holdAll: false }, 'pending:always-hold'],
      [{ ...all, reply: {}, sanction: null }, { ...s, disallowedWords: [], moderationWords: [], holdAll: false }, 'pending:article-backlog'],
      [
        { ...all, reply: {}, sanction: null, pendingOnArticle: 0 },
        { ...s, disallowedWords: [], moderationWords: [], holdAll: false },
        'approved:previously-approved',
      ],
    ];
    for (const [f, set, expected] of steps) expect(outcome(f, set), expected).toBe(expected);
  });
});

describe('admitReply: the article’s reply mode (live coverage)', () => {
  const slow = (lastAgoMs: number | null, seconds = 60) => ({
    replyMode: { mode: 'slow' as const, slowSeconds: seconds, lastReplyOnArticleAt: lastAgoMs === null ? null : new Date(NOW - lastAgoMs) },
  });

  it('holds every reply that would be approved when the article holds replies, with a reason the desk shows', () => {
    const a = admit({ replyMode: { mode: 'hold', slowSeconds: 60, lastReplyOnArticleAt: null } });
    expect(a).toMatchObject({ admitted: true, decision: { status: 'pending', rule: 'article-hold', detail: ARTICLE_HOLD_DETAIL } });
  });

  it('leaves spam as spam, and staff replies approved, when the article holds replies', () => {
    const hold = { replyMode: { mode: 'hold' as const, slowSeconds: 60, lastReplyOnArticleAt: null } };
    expect(outcome({ ...hold, reply: { honeypot: 'x' } })).toBe('spam:honeypot');
    expect(outcome({ ...hold, isStaff: true })).toBe('approved:staff');
  });

  it('refuses a second reply inside the slow window with the seconds left, and takes one after it', () => {
    expect(admit(slow(18_000))).toEqual({ admitted: false, check: 'slow-mode', message: 'Slow mode is on: you can reply again in 42 seconds.' });
    expect(outcome(slow(60_000))).toBe('approved:previously-approved');
    expect(outcome(slow(null))).toBe('approved:previously-approved');
  });

  it('never slows down signed-in staff, and a normal article or none ignores the last reply', () => {
    expect(outcome({ ...slow(1_000), isStaff: true })).toBe('approved:staff');
    expect(outcome({ replyMode: { mode: 'normal', slowSeconds: 60, lastReplyOnArticleAt: new Date(NOW - 1_000) } })).toBe('approved:previously-approved');
  });

  it('says slow mode rather than flood control when both apply, and flood control still applies after the window', () => {
    expect(outcome({ ...slow(1_000), lastReplyAt: new Date(NOW - 1_000) }, { floodSeconds: 15 })).toBe('refused:slow-mode');
    expect(outcome({ ...slow(12_000, 10), lastReplyAt: new Date(NOW - 12_000) }, { floodSeconds: 15 })).toBe('refused:flood');
  });
});
