import { describe, expect, it } from 'vitest';
import { describeTrial, tryReplyRules, type StoredReplyForTrial } from './dry-run';
import { decideReplyStatus, DEFAULT_REPLY_RULE_SETTINGS, type ReplyRuleSettings } from './rules';

let nextId = 1000;
function reply(over: Partial<StoredReplyForTrial> = {}): StoredReplyForTrial {
  return {
    id: nextId--,
    name: 'Ada Reader',
    email: 'ada@example.com',
    url: null,
    body: 'A thoughtful reply.',
    status: 'approved',
    isStaff: false,
    hasEarlierApprovedReply: true,
    ...over,
  };
}

const rules = (over: Partial<ReplyRuleSettings> = {}): ReplyRuleSettings => ({ ...DEFAULT_REPLY_RULE_SETTINGS, ...over });
// Approves everything the word lists leave alone, so every decision a word rule makes shows as a change.
const permissive = rules({ previouslyApproved: false, maxLinks: -1 });

describe('tryReplyRules', () => {
  it('counts what the proposed rules would do and where the replies are now', () => {
    const replies = [
      reply({ body: 'Buy cheap casino chips', status: 'approved' }),
      reply({ body: 'Nice piece', status: 'pending', hasEarlierApprovedReply: false }),
      reply({ body: 'Hello', status: 'spam', email: 'bot@junk.example' }),
      reply({ body: 'Old news', status: 'trash' }),
    ];
    const t = tryReplyRules(replies, rules({ moderationWords: ['casino'], disallowedEmails: ['@junk.example'] }), rules());
    expect(t.total).toBe(4);
    expect(t.proposed).toEqual({ approved: 1, pending: 2, spam: 1 });
    expect(t.now).toEqual({ approved: 1, held: 1, spam: 1, trash: 1 });
    expect(describeTrial(t)).toBe(
      'Against the last 4 replies these rules would have held 2 and spammed 1 (now: 1 held, 1 spam). 2 replies would be decided differently from the saved rules.',
    );
  });

  it('lists up to ten replies that the proposed rules decide differently from the saved ones, newest first', () => {
    const replies = Array.from({ length: 14 }, (_, i) => reply({ name: `Reader ${i}`, body: i % 2 === 0 ? `Visit my casino number ${i}` : 'Plain words' }));
    const t = tryReplyRules(replies, rules({ disallowedWords: ['casino'] }), rules());
    expect(t.changed).toBe(7);
    expect(t.examples.map((e) => e.name)).toEqual(['Reader 0', 'Reader 2', 'Reader 4', 'Reader 6', 'Reader 8', 'Reader 10', 'Reader 12']);
    expect(t.examples[0]).toMatchObject({ from: 'approved', to: 'spam', detail: 'Contains the disallowed word “casino”.' });

    const many = Array.from({ length: 25 }, () => reply({ body: 'casino' }));
    const m = tryReplyRules(many, rules({ disallowedWords: ['casino'] }), rules());
    expect(m.changed).toBe(25);
    expect(m.examples).toHaveLength(10);
    expect(describeTrial(m)).toContain('25 replies would be decided differently from the saved rules. The newest 10 are listed below.');
  });

  it('reports no change when the proposed rules are the saved ones, even if moderators decided otherwise', () => {
    const replies = [reply({ status: 'approved', hasEarlierApprovedReply: false }), reply({ status: 'spam' })];
    const t = tryReplyRules(replies, rules(), rules());
    expect(t.changed).toBe(0);
    expect(describeTrial(t)).toBe(
      'Against the last 2 replies these rules would have held 1 and spammed 0 (now: 0 held, 1 spam). None would be decided differently from the saved rules.',
    );
  });

  it('shortens the excerpt to 80 characters and flattens line breaks', () => {
    const body = `First line\n\nsecond casino ${'x'.repeat(100)}`;
    const [e] = tryReplyRules([reply({ body })], rules({ moderationWords: ['casino'] }), rules()).examples;
    expect(e.excerpt).toBe(`${`First line second casino ${'x'.repeat(100)}`.slice(0, 80)}…`);
    expect(e.from).toBe('approved');
    expect(e.to).toBe('pending');
  });

  it('treats staff replies as staff: approved unless disallowed', () => {
    const staff = reply({ isStaff: true, body: 'casino night at the office', email: 'editor@example.com' });
    expect(tryReplyRules([staff], rules({ moderationWords: ['casino'], holdAll: true }), rules()).changed).toBe(0);
    expect(tryReplyRules([staff], rules({ disallowedWords: ['casino'] }), rules()).examples[0].to).toBe('spam');
  });

  it('uses the earlier approved reply for the "previously approved" rule and ignores bot traps', () => {
    const first = reply({ hasEarlierApprovedReply: false });
    const returning = reply({ hasEarlierApprovedReply: true });
    const t = tryReplyRules([first, returning], rules({ previouslyApproved: true, minSecondsToSubmit: 60 }), rules({ previouslyApproved: false }));
    expect(t.examples.map((e) => [e.id, e.from, e.to])).toEqual([[first.id, 'approved', 'pending']]);
  });

  it('says that disallowed addresses cannot be tried', () => {
    const t = tryReplyRules([reply()], rules({ disallowedIps: ['203.0.113.7'] }), rules());
    expect(t.ipRuleNotTried).toBe(true);
    expect(describeTrial(t)).toMatch(/^Against the only reply so far .* Disallowed addresses cannot be tried here: replies keep only a hashed address\./);
    expect(tryReplyRules([reply()], rules({ disallowedIps: [' '] }), rules()).ipRuleNotTried).toBe(false);
  });

  it('answers plainly when there is nothing to try', () => {
    expect(describeTrial(tryReplyRules([], rules(), rules()))).toBe('There are no replies yet to try these rules against.');
  });

  it('decides exactly as the rules engine does with the full word lists (the per-reply narrowing drops nothing that matches)', () => {
    const proposed = rules({
      previouslyApproved: false,
      maxLinks: -1,
      disallowedWords: ['free money', 'casino', 'ß', 'a.b', 'viagra', '  '],
      moderationWords: ['spam', 'cunt', 'crypto', 'me@spam.com', 'quiet time'],
    });
    const cases: Partial<StoredReplyForTrial>[] = [
      { body: 'Get FR33   M0NEY now' },
      { body: 'free\nmoney' },
      { body: 'The Cásino reopened' },
      { body: 'STRASSE closed' },
      { body: 'see a.b for details' },
      { body: 'Scunthorpe United won' },
      { body: 'nothing here' },
      { body: 'ok', name: 'Crypto King' },
      { body: 'ok', url: 'https://casino.example' },
      { body: 'ok', email: 'me@spam.com' },
      { body: 'ok', email: 'spam@example.com' },
      { body: 'vıagra' },
      { body: 'quiet\u200b time please' },
      { body: 'quiet\ttime please' },
      { body: 'sp4m' },
    ];
    const replies = cases.map((c) => reply(c));
    const t = tryReplyRules(replies, proposed, permissive, 100);
    const changed = new Map(t.examples.map((e) => [e.id, e]));
    for (const r of replies) {
      const direct = decideReplyStatus(
        { name: r.name, email: r.email, url: r.url, body: r.body, ip: null, isStaff: false, honeypot: '', secondsSinceFormRendered: null, hasApprovedReplyFromEmail: true },
        proposed,
      );
      const e = changed.get(r.id);
      expect(e?.to ?? 'approved', r.body).toBe(direct.status);
      if (e) expect(e.detail, r.body).toBe(direct.detail);
    }
    // The cases above are not all trivial misses.
    expect(t.changed).toBeGreaterThanOrEqual(10);
  });

  it('stays quick with full lists over 1,000 replies', () => {
    const words = Array.from({ length: 1000 }, (_, i) => `nonsense${i}`);
    const replies = Array.from({ length: 1000 }, (_, i) => reply({ body: `An ordinary reply about the harbour, number ${i}, with a few more words in it.` }));
    const started = performance.now();
    const t = tryReplyRules(replies, rules({ disallowedWords: words, moderationWords: [...words, 'harbour'] }), rules());
    expect(t.changed).toBe(1000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
