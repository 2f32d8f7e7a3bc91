import { describe, expect, it } from 'vitest';
import { describeTrial, tryReplyRules, type ReplyRulesTrial, type StoredReplyForTrial } from './dry-run';
import { decideReplyStatus } from './rules';
import { DEFAULT_REPLY_SETTINGS, type ReplySettings } from './settings';

let nextId = 1000;
function reply(over: Partial<StoredReplyForTrial> = {}): StoredReplyForTrial {
  return {
    id: nextId--,
    articleId: 1,
    name: 'Ada Reader',
    email: 'ada@example.com',
    url: null,
    body: 'A thoughtful reply.',
    status: 'approved',
    isStaff: false,
    earlierApprovedNames: ['Ada Reader'],
    staffEmail: false,
    alwaysHeld: false,
    pendingBefore: 0,
    ...over,
  };
}

const rules = (over: Partial<ReplySettings> = {}): ReplySettings => ({ ...DEFAULT_REPLY_SETTINGS, ...over });
// Approves everything the word lists leave alone, so every decision a word rule makes shows as a change.
const permissive = rules({ previouslyApproved: false, maxLinks: -1 });

describe('tryReplyRules', () => {
  it('counts what the proposed rules would do and where the replies are now', () => {
    const replies = [
      reply({ body: 'Buy cheap casino chips', status: 'approved' }),
      reply({ body: 'Nice piece', status: 'pending', earlierApprovedNames: [] }),
      reply({ body: 'Hello', status: 'spam', email: 'bot@junk.example' }),
      reply({ body: 'Old news', status: 'trash' }),
    ];
    const t = tryReplyRules(replies, rules({ moderationWords: ['casino'], disallowedEmails: ['@junk.example'] }), rules());
    expect(t.total).toBe(4);
    expect(t.proposed).toEqual({ approved: 1, pending: 2, spam: 1 });
    expect(t.saved).toEqual({ approved: 3, pending: 1, spam: 0 });
    expect(t.now).toEqual({ approved: 1, held: 1, spam: 1, trash: 1 });
    expect(describeTrial(t)).toBe(
      'Of the last 4 replies, these rules would approve 1, hold 2 and mark 1 as spam. The saved rules approve 3, hold 1 and mark 0 as spam, ' +
        'so 2 replies would be decided differently. They are listed below. ' +
        'Where they stand now, after moderators’ decisions: 1 approved, 1 held, 1 spam and 1 in the trash.',
    );
  });

  it('lists up to ten replies that the proposed rules decide differently from the saved ones, newest first', () => {
    const replies = Array.from({ length: 14 }, (_, i) =>
      reply({ name: `Reader ${i}`, earlierApprovedNames: [`Reader ${i}`], body: i % 2 === 0 ? `Visit my casino number ${i}` : 'Plain words' }),
    );
    const t = tryReplyRules(replies, rules({ disallowedWords: ['casino'] }), rules());
    expect(t.changed).toBe(7);
    expect(t.examples.map((e) => e.name)).toEqual(['Reader 0', 'Reader 2', 'Reader 4', 'Reader 6', 'Reader 8', 'Reader 10', 'Reader 12']);
    expect(t.examples[0]).toMatchObject({ from: 'approved', to: 'spam', rule: 'disallowed word', detail: 'Contains the disallowed word “casino”.' });

    const many = Array.from({ length: 25 }, () => reply({ body: 'casino' }));
    const m = tryReplyRules(many, rules({ disallowedWords: ['casino'] }), rules());
    expect(m.changed).toBe(25);
    expect(m.examples).toHaveLength(10);
    expect(describeTrial(m)).toContain(
      'The saved rules approve 25, hold 0 and mark 0 as spam, so 25 replies would be decided differently. The newest 10 are listed below.',
    );
  });

  it('reports no change when the proposed rules are the saved ones, even if moderators decided otherwise', () => {
    const replies = [reply({ status: 'approved', earlierApprovedNames: [] }), reply({ status: 'spam' })];
    const t = tryReplyRules(replies, rules(), rules());
    expect(t.changed).toBe(0);
    expect(describeTrial(t)).toBe(
      'Of the last 2 replies, these rules would approve 1, hold 1 and mark 0 as spam. The saved rules decide every one the same way. ' +
        'Where they stand now, after moderators’ decisions: 1 approved, 0 held, 1 spam and 0 in the trash.',
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
    const first = reply({ earlierApprovedNames: [] });
    const returning = reply({ earlierApprovedNames: ['Ada Reader'] });
    const t = tryReplyRules([first, returning], rules({ previouslyApproved: true, minSecondsToSubmit: 60 }), rules({ previouslyApproved: false }));
    expect(t.examples.map((e) => [e.id, e.from, e.to])).toEqual([[first.id, 'approved', 'pending']]);
  });

  it('needs the same name for "previously approved", and holds a staff email a reader used', () => {
    const otherName = reply({ name: 'Someone Else', earlierApprovedNames: ['Ada Reader'] });
    const impostor = reply({ email: 'editor@example.com', staffEmail: true });
    const t = tryReplyRules([otherName, impostor], rules(), rules({ previouslyApproved: false }));
    expect(t.examples.map((e) => [e.id, e.to, e.rule])).toEqual([[otherName.id, 'pending', 'first reply from this email']]);
    expect(t.proposed.pending).toBe(2);
  });

  it('says that disallowed IP addresses cannot be tried', () => {
    const t = tryReplyRules([reply()], rules({ disallowedIps: ['203.0.113.7'] }), rules());
    expect(t.ipRuleNotTried).toBe(true);
    expect(describeTrial(t)).toBe(
      'Of the only reply so far, these rules would approve 1, hold 0 and mark 0 as spam. The saved rules decide it the same way. ' +
        'Where it stands now, after moderators’ decisions: 1 approved, 0 held, 0 spam and 0 in the trash. ' +
        'Disallowed IP addresses cannot be tried here: replies keep only a hashed address. They apply to new replies.',
    );
    expect(tryReplyRules([reply()], rules({ disallowedIps: [' '] }), rules()).ipRuleNotTried).toBe(false);
  });

  it('counts the article backlog as it stood when each reply was posted', () => {
    const replies = [reply({ pendingBefore: 12 }), reply({ pendingBefore: 11 }), reply({ pendingBefore: 0 })];
    const t = tryReplyRules(replies, rules({ articleBacklogLimit: 12 }), rules());
    expect(t.proposed).toEqual({ approved: 2, pending: 1, spam: 0 });
    expect(t.examples).toEqual([
      expect.objectContaining({ id: replies[0].id, from: 'approved', to: 'pending', rule: 'too many replies waiting on the article' }),
    ]);
    expect(tryReplyRules(replies, rules({ articleBacklogLimit: 11 }), rules()).changed).toBe(2);
    // Saved with a backlog limit, proposed without: the held one would be approved.
    expect(tryReplyRules(replies, rules(), rules({ articleBacklogLimit: 12 })).examples).toEqual([
      expect.objectContaining({ id: replies[0].id, from: 'pending', to: 'approved', rule: 'previously approved commenter' }),
    ]);
  });

  it('counts "always hold" for replies posted while it was in force', () => {
    const held = reply({ alwaysHeld: true });
    const free = reply();
    // Proposed: no "previously approved" rule, so a free returning commenter stays approved; both held under "hold all" saved.
    const t = tryReplyRules([held, free], rules({ previouslyApproved: false }), rules({ holdAll: true }));
    expect(t.examples.map((e) => [e.id, e.to])).toEqual([[free.id, 'approved']]);
    expect(t.proposed).toEqual({ approved: 1, pending: 1, spam: 0 });
    // Staff are never held by it.
    expect(tryReplyRules([reply({ alwaysHeld: true, isStaff: true })], rules(), rules()).proposed.approved).toBe(1);
  });

  it('gives figures that add up: each set sums to the replies tried, and the changed replies explain the difference', () => {
    const statuses = ['approved', 'pending', 'spam', 'trash'] as const;
    const replies = Array.from({ length: 60 }, (_, i) =>
      reply({
        body: [`plain ${i}`, 'casino night', 'cheap tickets', 'https://a.example https://b.example https://c.example'][i % 4],
        status: statuses[i % statuses.length],
        earlierApprovedNames: i % 3 !== 0 ? ['Ada Reader'] : [],
        alwaysHeld: i % 7 === 0,
        pendingBefore: i % 5,
        isStaff: i % 11 === 0,
      }),
    );
    const proposals = [
      rules({ moderationWords: ['casino'], disallowedWords: ['cheap'], articleBacklogLimit: 3 }),
      rules({ holdAll: true }),
      rules({ previouslyApproved: false, maxLinks: -1 }),
      rules(),
    ];
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    const figures = (text: string, pattern: RegExp) => (pattern.exec(text)?.slice(1) ?? []).map((n) => Number(n.replace(/,/g, '')));
    for (const proposed of proposals) {
      for (const saved of proposals) {
        const t: ReplyRulesTrial = tryReplyRules(replies, proposed, saved);
        expect(sum(t.proposed)).toBe(t.total);
        expect(sum(t.saved)).toBe(t.total);
        expect(sum(t.now)).toBe(t.total);
        // A reply decided differently moves one count down and another up; nothing else moves.
        const moved = (['approved', 'pending', 'spam'] as const).reduce((n, k) => n + Math.abs(t.proposed[k] - t.saved[k]), 0);
        expect(moved).toBeLessThanOrEqual(2 * t.changed);
        expect(moved % 2).toBe(0);
        if (t.changed === 0) expect(t.proposed).toEqual(t.saved);

        const text = describeTrial(t);
        const [total, ...would] = figures(text, /^Of the last ([\d,]+) replies, these rules would approve ([\d,]+), hold ([\d,]+) and mark ([\d,]+) as spam\./);
        expect(total).toBe(t.total);
        expect(would.reduce((a, b) => a + b, 0)).toBe(t.total);
        const now = figures(text, /now, after moderators’ decisions: ([\d,]+) approved, ([\d,]+) held, ([\d,]+) spam and ([\d,]+) in the trash\./);
        expect(now.reduce((a, b) => a + b, 0)).toBe(t.total);
        if (t.changed > 0) {
          const [a, h, sp, changed] = figures(
            text,
            /The saved rules approve ([\d,]+), hold ([\d,]+) and mark ([\d,]+) as spam, so ([\d,]+) repl(?:y|ies) would be decided differently\./,
          );
          expect(a + h + sp).toBe(t.total);
          expect(changed).toBe(t.changed);
        } else {
          expect(text).toContain('The saved rules decide every one the same way.');
        }
      }
    }
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
        {
          name: r.name,
          email: r.email,
          url: r.url,
          body: r.body,
          ip: null,
          isStaff: false,
          honeypot: '',
          secondsSinceFormRendered: null,
          approvedBefore: true,
          staffEmail: false,
        },
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
