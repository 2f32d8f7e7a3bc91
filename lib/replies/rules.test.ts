import { describe, expect, it } from 'vitest';
import { decideReplyStatus, ruleLabel, RULE_LABELS, sameCommenterName, statusReasonOf, type ReplyCandidate } from './rules';
import { DEFAULT_REPLY_SETTINGS, type ReplyRuleSettings } from './settings';

function candidate(over: Partial<ReplyCandidate> = {}): ReplyCandidate {
  return {
    name: 'Ada Reader',
    email: 'ada@example.com',
    url: null,
    body: 'A thoughtful reply.',
    ip: '203.0.113.7',
    isStaff: false,
    honeypot: '',
    secondsSinceFormRendered: 30,
    approvedBefore: false,
    staffEmail: false,
    ...over,
  };
}

function settings(over: Partial<ReplyRuleSettings> = {}): ReplyRuleSettings {
  return { ...DEFAULT_REPLY_SETTINGS, ...over };
}

const decide = (c: Partial<ReplyCandidate> = {}, s: Partial<ReplyRuleSettings> = {}) => decideReplyStatus(candidate(c), settings(s));

describe('rule names in words', () => {
  it('has words for every rule, and spaces for a name it no longer knows', () => {
    expect(ruleLabel('first-reply')).toBe('first reply from this email');
    expect(ruleLabel('always-hold')).toBe('commenter’s replies always held');
    expect(ruleLabel('retired-rule')).toBe('retired rule');
    expect(ruleLabel('toString')).toBe('toString');
    for (const [rule, label] of Object.entries(RULE_LABELS)) expect(label, rule).toMatch(/^[a-zA-Z’-]+( [a-zA-Z’-]+)+$/);
  });
});

describe('each rule', () => {
  it('honeypot → spam', () => {
    const d = decide({ honeypot: 'http://bot.example', approvedBefore: true });
    expect(d).toMatchObject({ status: 'spam', rule: 'honeypot' });
    expect(d.detail).toMatch(/honeypot/);
  });

  it('too fast → spam; null timing is not checked; exactly the minimum passes', () => {
    expect(decide({ secondsSinceFormRendered: 1.2 })).toMatchObject({ status: 'spam', rule: 'too-fast' });
    expect(decide({ secondsSinceFormRendered: 1.2 }).detail).toBe('Sent 1.2 s after the form was shown; the minimum is 3 s.');
    expect(decide({ secondsSinceFormRendered: -5 })).toMatchObject({ rule: 'too-fast' });
    expect(decide({ secondsSinceFormRendered: 3 }).rule).toBe('first-reply');
    expect(decide({ secondsSinceFormRendered: null }).rule).toBe('first-reply');
    expect(decide({ secondsSinceFormRendered: 1 }, { minSecondsToSubmit: 0 }).rule).toBe('first-reply');
  });

  it('disallowed word in body → spam with a match into the original body', () => {
    const body = 'Great article. Cheap ѕрам here!';
    const d = decide({ body }, { disallowedWords: ['spam'] });
    expect(d).toMatchObject({ status: 'spam', rule: 'disallowed-word' });
    expect(d.detail).toBe('Contains the disallowed word “spam”.');
    expect(d.match).toEqual({ field: 'body', text: 'ѕрам', index: 21, length: 4 });
    expect(body.slice(d.match!.index, d.match!.index + d.match!.length)).toBe('ѕрам');
  });

  it('disallowed word in name or website → spam', () => {
    const byName = decide({ name: 'SP4M King' }, { disallowedWords: ['spam'] });
    expect(byName).toMatchObject({ status: 'spam', rule: 'disallowed-word' });
    expect(byName.match).toEqual({ field: 'name', text: 'SP4M', index: 0, length: 4 });
    expect(byName.detail).toBe('Contains the disallowed word “spam” in the name.');

    const byUrl = decide({ url: 'https://ｓｐａｍ.example' }, { disallowedWords: ['spam'] });
    expect(byUrl).toMatchObject({ status: 'spam', rule: 'disallowed-word' });
    expect(byUrl.match).toMatchObject({ field: 'url', text: 'ｓｐａｍ', index: 8 });
    expect(byUrl.detail).toMatch(/in the website\.$/);
  });

  it('disallowed word is whole-word only', () => {
    expect(decide({ body: 'Greetings from Scunthorpe.' }, { disallowedWords: ['cunt'] }).rule).toBe('first-reply');
  });

  it('disallowed email → spam (exact or domain)', () => {
    const exact = decide({ email: 'Bot@Spam.example' }, { disallowedEmails: ['bot@spam.example'] });
    expect(exact).toMatchObject({ status: 'spam', rule: 'disallowed-email' });
    // Never the email itself: the reason is stored with the reply, so it names the field and a masked value.
    expect(exact.match).toBeUndefined();
    expect(exact.field).toBe('email');
    expect(exact.detail).toBe('The email (B***@Spam.example) is on the disallowed list.');
    const domain = decide({ email: 'x.y@spam.example' }, { disallowedEmails: ['@spam.example'] });
    expect(domain).toMatchObject({ rule: 'disallowed-email', detail: 'The email (x***@spam.example) matches the disallowed entry “@spam.example”.' });
    expect(decide({ email: 'x@spam.example' }, { disallowedEmails: ['*@spam.example'] }).rule).toBe('disallowed-email');
    expect(decide({ email: 'x@ham.example' }, { disallowedEmails: ['@spam.example'] }).rule).toBe('first-reply');
  });

  it('disallowed IP → spam; a missing IP is not matched', () => {
    const d = decide({ ip: '198.51.100.9' }, { disallowedIps: ['198.51.100.9'] });
    expect(d).toMatchObject({ status: 'spam', rule: 'disallowed-ip' });
    expect(d.match).toBeUndefined();
    expect(d.field).toBe('ip');
    expect(d.detail).toBe('The IP address (198.51.100.*) matches the disallowed entry “198.51.100.*”.');
    expect(decide({ ip: '2001:db8:5:1::9' }, { disallowedIps: ['2001:db8:5:1::9'] }).detail).toBe(
      'The IP address (2001:db8:5:*) matches the disallowed entry “2001:db8:5:*”.',
    );
    expect(decide({ ip: null }, { disallowedIps: ['198.51.100.9', ''] }).rule).toBe('first-reply');
  });

  it('staff → approved', () => {
    expect(decide({ isStaff: true })).toMatchObject({ status: 'approved', rule: 'staff' });
  });

  it('more than maxLinks links → pending with a readable detail', () => {
    const body = 'https://a.example https://b.example www.c.example';
    const d = decide({ body, approvedBefore: true });
    expect(d).toMatchObject({ status: 'pending', rule: 'too-many-links', detail: '3 links; the limit is 2' });
    expect(decide({ body: 'https://a.example and https://b.example' }).rule).toBe('first-reply');
    expect(decide({ body: 'https://a.example' }, { maxLinks: 0 }).detail).toBe('1 link; the limit is 0');
    expect(decide({ body, approvedBefore: true }, { maxLinks: -1 }).rule).toBe('previously-approved');
  });

  it('the website field and javascript: text do not count as links', () => {
    const d = decide({
      url: 'https://ada.example',
      body: 'https://a.example https://b.example javascript:alert(1)',
      approvedBefore: true,
    });
    expect(d.rule).toBe('previously-approved');
  });

  it('moderation word in body, name, website or email → pending with match', () => {
    const body = 'Please BUY\nNOW, friends';
    const d = decide({ body, approvedBefore: true }, { moderationWords: ['buy now'] });
    expect(d).toMatchObject({ status: 'pending', rule: 'moderation-word' });
    expect(d.detail).toBe('Contains the moderation word “buy now”.');
    expect(d.match).toEqual({ field: 'body', text: 'BUY\nNOW', index: 7, length: 7 });

    expect(decide({ name: 'Casino Bob' }, { moderationWords: ['casino'] }).match?.field).toBe('name');
    expect(decide({ url: 'https://casino.example' }, { moderationWords: ['casino'] }).match?.field).toBe('url');
    const byEmail = decide({ email: 'bob@casino.example' }, { moderationWords: ['casino'] });
    expect(byEmail.match).toEqual({ field: 'email', text: 'casino', index: 4, length: 6 });
    expect(byEmail.detail).toBe('Contains the moderation word “casino” in the email.');
  });

  it('hold every reply → pending', () => {
    expect(decide({ approvedBefore: true }, { holdAll: true })).toMatchObject({
      status: 'pending',
      rule: 'hold-all',
    });
  });

  it('previously approved email → approved; a first reply → pending', () => {
    expect(decide({ approvedBefore: true })).toMatchObject({
      status: 'approved',
      rule: 'previously-approved',
    });
    expect(decide({ approvedBefore: false })).toMatchObject({ status: 'pending', rule: 'first-reply' });
  });

  it('previously approved needs the same name (trimmed, any case) as well as the email', () => {
    expect(sameCommenterName('  Ada Reader ', 'ada reader')).toBe(true);
    expect(sameCommenterName('Émile', 'ÉMILE')).toBe(true);
    expect(sameCommenterName('Ada Reader', 'Ada Readers')).toBe(false);
  });

  it('a staff account’s email from someone not signed in → pending, whatever else would approve it', () => {
    const d = decide({ staffEmail: true, approvedBefore: true }, { previouslyApproved: false });
    expect(d).toMatchObject({ status: 'pending', rule: 'staff-email', detail: 'Uses a staff member’s email without signing in.', field: 'email' });
    expect(ruleLabel('staff-email')).toBe('a staff member’s email without signing in');
    // The staff member signed in is approved; disallowed lists still come first.
    expect(decide({ staffEmail: true, isStaff: true }).rule).toBe('staff');
    expect(decide({ staffEmail: true, body: 'spam' }, { disallowedWords: ['spam'] }).rule).toBe('disallowed-word');
    // It is the reason shown, before links or words that would also hold it.
    expect(decide({ staffEmail: true, body: 'casino' }, { moderationWords: ['casino'], holdAll: true }).rule).toBe('staff-email');
  });

  it('the stored reason keeps a word match, and only the field for an email or address', () => {
    expect(statusReasonOf(decide({ body: 'cheap pills' }, { moderationWords: ['cheap'] }))).toEqual({
      rule: 'moderation-word',
      detail: 'Contains the moderation word “cheap”.',
      match: 'cheap',
      field: 'body',
    });
    const email = statusReasonOf(decide({ email: 'jane@spam.example' }, { disallowedEmails: ['jane@spam.example'] }));
    expect(email).toEqual({ rule: 'disallowed-email', detail: 'The email (j***@spam.example) is on the disallowed list.', match: undefined, field: 'email' });
    expect(JSON.stringify(email)).not.toContain('jane@');
    const ip = statusReasonOf(decide({ ip: '198.51.100.9' }, { disallowedIps: ['198.51.100.9'] }));
    expect(JSON.stringify(ip)).not.toContain('198.51.100.9');
    expect(statusReasonOf(decide({ approvedBefore: true }))).toBeNull();
  });

  it('with the previously-approved rule off and nothing holding it → approved', () => {
    expect(decide({}, { previouslyApproved: false })).toMatchObject({ status: 'approved', rule: 'no-hold-rule' });
  });

  it('every decision has a non-empty detail', () => {
    for (const d of [decide(), decide({ isStaff: true }), decide({ honeypot: 'x' }), decide({}, { holdAll: true })]) {
      expect(d.detail.length).toBeGreaterThan(5);
    }
  });
});

describe('order', () => {
  it('staff skip the honeypot and too-fast traps', () => {
    expect(decide({ isStaff: true, honeypot: 'filled', secondsSinceFormRendered: 0 }).rule).toBe('staff');
  });

  it('staff with a disallowed word, email or IP → spam', () => {
    expect(decide({ isStaff: true, body: 'spam' }, { disallowedWords: ['spam'] })).toMatchObject({
      status: 'spam',
      rule: 'disallowed-word',
    });
    expect(decide({ isStaff: true, email: 'ed@spam.example' }, { disallowedEmails: ['@spam.example'] }).rule).toBe('disallowed-email');
    expect(decide({ isStaff: true, ip: '10.0.0.1' }, { disallowedIps: ['10.0.0.1'] }).rule).toBe('disallowed-ip');
  });

  it('staff with many links, a moderation word, or hold-all → approved', () => {
    const d = decide(
      { isStaff: true, body: 'buy now https://a.example https://b.example https://c.example' },
      { moderationWords: ['buy now'], holdAll: true, maxLinks: 0 },
    );
    expect(d).toMatchObject({ status: 'approved', rule: 'staff' });
  });

  it('honeypot beats too-fast, which beats disallowed lists', () => {
    expect(decide({ honeypot: 'x', secondsSinceFormRendered: 0 }).rule).toBe('honeypot');
    expect(decide({ secondsSinceFormRendered: 0, body: 'spam' }, { disallowedWords: ['spam'] }).rule).toBe('too-fast');
  });

  it('disallowed word beats disallowed email beats disallowed IP', () => {
    const s = { disallowedWords: ['spam'], disallowedEmails: ['bad@x.example'], disallowedIps: ['10.0.0.1'] };
    expect(decide({ body: 'spam', email: 'bad@x.example', ip: '10.0.0.1' }, s).rule).toBe('disallowed-word');
    expect(decide({ email: 'bad@x.example', ip: '10.0.0.1' }, s).rule).toBe('disallowed-email');
    expect(decide({ ip: '10.0.0.1' }, s).rule).toBe('disallowed-ip');
  });

  it('disallowed word beats moderation word', () => {
    const d = decide({ body: 'buy now, spam' }, { moderationWords: ['buy now'], disallowedWords: ['spam'] });
    expect(d).toMatchObject({ status: 'spam', rule: 'disallowed-word' });
  });

  it('held rules beat previously-approved', () => {
    const links = 'https://a.example https://b.example https://c.example';
    expect(decide({ body: links, approvedBefore: true }).status).toBe('pending');
    expect(decide({ body: 'casino', approvedBefore: true }, { moderationWords: ['casino'] }).status).toBe('pending');
  });

  it('too many links is reported before a moderation word', () => {
    const body = 'casino https://a.example https://b.example https://c.example';
    expect(decide({ body }, { moderationWords: ['casino'] }).rule).toBe('too-many-links');
  });

  it('body is checked before name, website and email', () => {
    const d = decide({ body: 'casino', name: 'casino', url: 'https://casino.example', email: 'a@casino.example' }, { moderationWords: ['casino'] });
    expect(d.match?.field).toBe('body');
  });
});
