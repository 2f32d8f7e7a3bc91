import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/forms';
import { DEFAULT_REPLY_SETTINGS } from './settings';
import { ReplySettingsSchema, replySettingsFormValues, type ReplySettingsValues } from './settings-schema';

const DEFAULTS = DEFAULT_REPLY_SETTINGS;

function form(over: Partial<ReplySettingsValues> = {}): ReplySettingsValues {
  return { ...replySettingsFormValues(DEFAULTS), ...over };
}

function errorsFor(over: Partial<ReplySettingsValues>) {
  const r = ReplySettingsSchema.safeParse(form(over));
  expect(r.success).toBe(false);
  return fieldErrorsOf(r.error!);
}

describe('ReplySettingsSchema', () => {
  it('round-trips the defaults through the form', () => {
    expect(ReplySettingsSchema.parse(form())).toEqual(DEFAULTS);
  });

  it('reads lists one entry per line: trimmed, blanks and repeats dropped', () => {
    const s = ReplySettingsSchema.parse(
      form({
        moderationWords: '  casino \r\n\n\nfree money\nCasino\n   \n',
        disallowedEmails: 'Spam@Example.com\n@junk.example\n*@worse.example\nspam@example.com',
        disallowedIps: '203.0.113.7\n2001:db8::1\n',
      }),
    );
    expect(s.moderationWords).toEqual(['casino', 'free money']);
    expect(s.disallowedEmails).toEqual(['Spam@Example.com', '@junk.example', '*@worse.example']);
    expect(s.disallowedIps).toEqual(['203.0.113.7', '2001:db8::1']);
    expect(s.disallowedWords).toEqual([]);
  });

  it('reads checkboxes: "on" is checked, absent is not', () => {
    const s = ReplySettingsSchema.parse(form({ holdAll: 'on', previouslyApproved: '' }));
    expect(s.holdAll).toBe(true);
    expect(s.previouslyApproved).toBe(false);
  });

  it('stores a blank link limit as -1 (no limit) and shows it blank again', () => {
    const s = ReplySettingsSchema.parse(form({ maxLinks: '  ' }));
    expect(s.maxLinks).toBe(-1);
    expect(replySettingsFormValues(s).maxLinks).toBe('');
    expect(ReplySettingsSchema.parse(form({ maxLinks: '0' })).maxLinks).toBe(0);
  });

  it('accepts the bounds of every number', () => {
    const low = ReplySettingsSchema.parse(
      form({ maxLinks: '0', minSecondsToSubmit: '0', floodSeconds: '0', maxDepth: '1', closeAfterDays: '0', purgeAfterDays: '1' }),
    );
    expect(low).toMatchObject({ maxLinks: 0, minSecondsToSubmit: 0, floodSeconds: 0, maxDepth: 1, closeAfterDays: 0, purgeAfterDays: 1 });
    const high = ReplySettingsSchema.parse(
      form({ maxLinks: '50', minSecondsToSubmit: '60', floodSeconds: '3600', maxDepth: '5', closeAfterDays: '3650', purgeAfterDays: '3650' }),
    );
    expect(high).toMatchObject({ maxLinks: 50, minSecondsToSubmit: 60, floodSeconds: 3600, maxDepth: 5, closeAfterDays: 3650, purgeAfterDays: 3650 });
  });

  it('refuses numbers out of bounds, fractions, words and blanks with a message per field', () => {
    const errors = errorsFor({
      maxLinks: '51',
      minSecondsToSubmit: '-1',
      floodSeconds: '1.5',
      maxDepth: '9',
      closeAfterDays: 'ten',
      purgeAfterDays: '',
    });
    expect(errors.maxLinks).toBe('Use a whole number of links from 0 to 50, or leave it blank for no limit.');
    expect(errors.minSecondsToSubmit).toBe('Use a whole number of seconds from 0 to 60 (0 turns the check off).');
    expect(errors.floodSeconds).toBe('Use a whole number of seconds from 0 to 3,600 (0 turns flood control off).');
    expect(errors.maxDepth).toBe('Use a whole number of levels from 1 to 5.');
    expect(errors.closeAfterDays).toBe('Use a whole number of days from 0 to 3,650 (0 never closes replies).');
    expect(errors.purgeAfterDays).toBe('Please enter a number. Use a whole number of days from 1 to 3,650.');
    expect(errorsFor({ purgeAfterDays: '0' }).purgeAfterDays).toMatch(/from 1 to 3,650/);
    expect(errorsFor({ maxDepth: '1e1' }).maxDepth).toMatch(/from 1 to 5/);
  });

  it('refuses an entry longer than 100 characters, naming its line', () => {
    expect(errorsFor({ moderationWords: `ok\n\n${'x'.repeat(101)}` }).moderationWords).toBe('Line 3 is longer than 100 characters.');
    // 100 characters (code points, not UTF-16 units) is fine.
    expect(ReplySettingsSchema.parse(form({ moderationWords: '𝐬'.repeat(100) })).moderationWords).toHaveLength(1);
  });

  it('refuses more than 1,000 entries, but not 1,000 with blank lines between', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`);
    expect(errorsFor({ disallowedWords: words(1001).join('\n') }).disallowedWords).toBe('Keep the list to 1,000 entries or fewer (this one has 1,001).');
    expect(ReplySettingsSchema.parse(form({ disallowedWords: words(1000).join('\n\n') })).disallowedWords).toHaveLength(1000);
  });

  it('refuses a list too long to have been typed', () => {
    expect(errorsFor({ moderationWords: '\n'.repeat(150_001) }).moderationWords).toMatch(/too long/);
  });

  it('refuses emails and addresses that could never match', () => {
    expect(errorsFor({ disallowedEmails: 'good@example.com\nnot an email' }).disallowedEmails).toBe(
      'Line 2: “not an email” is not an email address or @domain (like spam@example.com or @example.com).',
    );
    expect(errorsFor({ disallowedIps: '999.1.1.1' }).disallowedIps).toBe('Line 1: “999.1.1.1” is not an IP address (like 203.0.113.7).');
    expect(errorsFor({ disallowedIps: '203.0.113.0/24' }).disallowedIps).toMatch(/is a range; list each address/);
  });

  it('refuses control characters inside an entry', () => {
    expect(errorsFor({ moderationWords: 'bad\u0007word' }).moderationWords).toBe('Line 1 contains characters that cannot be typed in a reply.');
  });
});

describe('replySettingsFormValues', () => {
  it('shows lists one per line and checkboxes as "on" or blank', () => {
    const v = replySettingsFormValues({ ...DEFAULTS, moderationWords: ['a', 'b c'], holdAll: true, previouslyApproved: false });
    expect(v.moderationWords).toBe('a\nb c');
    expect(v.holdAll).toBe('on');
    expect(v.previouslyApproved).toBe('');
    expect(v.maxLinks).toBe('2');
  });
});
