import { describe, expect, it } from 'vitest';
import { findWordListMatch, matchesEmailOrIpList, normalizeForMatching } from './normalize';

/** The original text a match points at. */
function matched(text: string, words: string[]): string | null {
  const m = findWordListMatch(text, words);
  return m ? text.slice(m.index, m.index + m.length) : null;
}

describe('normalizeForMatching', () => {
  it('lower-cases and folds ß', () => {
    expect(normalizeForMatching('SPAM')).toBe('spam');
    expect(normalizeForMatching('Straße')).toBe('strasse');
    expect(normalizeForMatching('STRAẞE')).toBe('strasse');
  });

  it('applies NFKC (fullwidth, ligatures, math letters)', () => {
    expect(normalizeForMatching('ｓｐａｍ')).toBe('spam');
    expect(normalizeForMatching('ﬁne')).toBe('fine');
    expect(normalizeForMatching('𝐬𝐩𝐚𝐦')).toBe('spam');
  });

  it('strips accents, precomposed or combining', () => {
    expect(normalizeForMatching('Café')).toBe('cafe');
    expect(normalizeForMatching('Cafe\u0301')).toBe('cafe');
    expect(normalizeForMatching('ŝpäm')).toBe('spam');
  });

  it('maps Cyrillic and Greek look-alikes', () => {
    expect(normalizeForMatching('ѕрам')).toBe('spam');
    expect(normalizeForMatching('СРАМ')).toBe('cpam');
    expect(normalizeForMatching('οκ')).toBe('ok');
    expect(normalizeForMatching('ΤΑΧΙ')).toBe('taxi');
  });

  it('maps leetspeak', () => {
    expect(normalizeForMatching('Sp4m')).toBe('spam');
    expect(normalizeForMatching('$3x')).toBe('sex');
    expect(normalizeForMatching('h0t@1l57')).toBe('hotailst');
  });

  it('removes invisible characters', () => {
    expect(normalizeForMatching('sp\u200bam')).toBe('spam');
    expect(normalizeForMatching('sp\u00adam')).toBe('spam');
  });
});

describe('findWordListMatch', () => {
  it('matches whole words after normalisation', () => {
    expect(findWordListMatch('this is spam', ['spam'])).toEqual({ word: 'spam', index: 8, length: 4 });
    expect(matched('BUY SPAM', ['spam'])).toBe('SPAM');
    expect(matched('cheap Sp4m here', ['spam'])).toBe('Sp4m');
    expect(matched('Cyrillic ѕрам here', ['spam'])).toBe('ѕрам');
    expect(matched('fullwidth ｓｐａｍ!', ['spam'])).toBe('ｓｐａｍ');
    expect(matched('spam', ['SPAM'])).toBe('spam');
  });

  it('does not match inside other words (Scunthorpe)', () => {
    expect(findWordListMatch('I live in Scunthorpe.', ['cunt'])).toBeNull();
    expect(findWordListMatch('spammer', ['spam'])).toBeNull();
    expect(findWordListMatch('antispam', ['spam'])).toBeNull();
    expect(findWordListMatch('spam2', ['spam'])).toBeNull();
    expect(findWordListMatch('classic', ['ass'])).toBeNull();
  });

  it('treats punctuation as a boundary', () => {
    expect(matched('(spam), spam.', ['spam'])).toBe('spam');
    expect(findWordListMatch('(spam)', ['spam'])?.index).toBe(1);
    expect(matched('me@spam.com', ['spam'])).toBe('spam');
    expect(matched('http://sp4m.example', ['spam'])).toBe('sp4m');
  });

  it('matches phrases across any whitespace run', () => {
    expect(matched('please BUY   NOW!', ['buy now'])).toBe('BUY   NOW');
    expect(matched('buy\nnow', ['buy now'])).toBe('buy\nnow');
    expect(matched('buy\u00a0now', ['  buy now  '])).toBe('buy\u00a0now');
    expect(findWordListMatch('buynow', ['buy now'])).toBeNull();
    expect(findWordListMatch('buy now', ['buy now'])?.word).toBe('buy now');
    expect(findWordListMatch('x', ['  buy now  '])).toBeNull();
  });

  it('returns indexes into the original text when lengths change', () => {
    // "ß" becomes "ss", "ﬁ" becomes "fi", "𝐬" is two UTF-16 units: the match must still point at the original.
    const t1 = 'Straße ﬁ spam';
    expect(findWordListMatch(t1, ['spam'])).toEqual({ word: 'spam', index: 9, length: 4 });
    expect(matched(t1, ['strasse'])).toBe('Straße');
    expect(matched(t1, ['fi'])).toBe('ﬁ');
    const t2 = 'go 𝐬𝐩𝐚𝐦 go';
    expect(matched(t2, ['spam'])).toBe('𝐬𝐩𝐚𝐦');
    // A trailing combining accent belongs to the matched word.
    const t3 = 'x cafe\u0301 y';
    expect(matched(t3, ['cafe'])).toBe('cafe\u0301');
    // Invisible characters inside the word are covered too.
    expect(matched('a sp\u200bam b', ['spam'])).toBe('sp\u200bam');
  });

  it('picks the earliest match in the text', () => {
    expect(findWordListMatch('viagra and spam', ['spam', 'viagra'])).toEqual({ word: 'viagra', index: 0, length: 6 });
    expect(findWordListMatch('buy now', ['buy', 'buy now'])).toEqual({ word: 'buy now', index: 0, length: 7 });
  });

  it('ignores empty and whitespace entries', () => {
    expect(findWordListMatch('anything at all', ['', '   ', '\n'])).toBeNull();
    expect(findWordListMatch('', ['spam'])).toBeNull();
    expect(findWordListMatch('text', [])).toBeNull();
  });

  it('escapes regex syntax in entries', () => {
    expect(matched('win $$$ now', ['$$$'])).toBe('$$$');
    expect(matched('a.b c', ['a.b'])).toBe('a.b');
    expect(findWordListMatch('axb', ['a.b'])).toBeNull();
    expect(findWordListMatch('anything', ['(', '[', '\\'])).toBeNull();
  });
});

describe('matchesEmailOrIpList', () => {
  it('matches exactly, case-insensitively', () => {
    expect(matchesEmailOrIpList('Bad@Example.com', ['bad@example.COM'])).toBe('bad@example.COM');
    expect(matchesEmailOrIpList('bad@example.com', ['other@example.com'])).toBeNull();
    expect(matchesEmailOrIpList('203.0.113.7', ['203.0.113.7'])).toBe('203.0.113.7');
    expect(matchesEmailOrIpList('203.0.113.70', ['203.0.113.7'])).toBeNull();
    expect(matchesEmailOrIpList('2001:DB8::1', ['2001:db8::1'])).toBe('2001:db8::1');
  });

  it('matches whole domains with @domain and *@domain', () => {
    expect(matchesEmailOrIpList('anyone@spam.example', ['@spam.example'])).toBe('@spam.example');
    expect(matchesEmailOrIpList('ANYONE@SPAM.example', ['*@spam.example'])).toBe('*@spam.example');
    expect(matchesEmailOrIpList('anyone@notspam.example', ['@spam.example'])).toBeNull();
    expect(matchesEmailOrIpList('anyone@spam.example.org', ['@spam.example'])).toBeNull();
    expect(matchesEmailOrIpList('@spam.example', ['*@spam.example'])).toBeNull(); // no local part
  });

  it('ignores empty entries and values', () => {
    expect(matchesEmailOrIpList('', ['', '  '])).toBeNull();
    expect(matchesEmailOrIpList('a@b.c', ['', '@', '*@'])).toBeNull();
  });
});
