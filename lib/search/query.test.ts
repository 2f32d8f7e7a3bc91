import { describe, expect, it } from 'vitest';
import { buildMatchExpression, MAX_QUERY_LENGTH, MAX_TERMS, normaliseQuery, queryTerms } from './query';

describe('buildMatchExpression', () => {
  it('quotes each word, ANDs them and makes the last a prefix', () => {
    expect(buildMatchExpression('harbour ferry')).toBe('"harbour" AND "ferry"*');
    expect(buildMatchExpression('  Ferry  ')).toBe('"Ferry"*');
    expect(buildMatchExpression('harbour ferry', { prefix: false })).toBe('"harbour" AND "ferry"');
  });

  it('treats FTS5 operators as plain words', () => {
    expect(buildMatchExpression('cats AND dogs OR NOT birds')).toBe('"cats" AND "AND" AND "dogs" AND "OR" AND "NOT" AND "birds"*');
    expect(buildMatchExpression('NEAR(a b, 3)')).toBe('"NEAR a" AND "b" AND "3"*');
    expect(buildMatchExpression('title:secret')).toBe('"title secret"*');
    expect(buildMatchExpression('^start')).toBe('"start"*');
  });

  it('never lets a quote, star, minus or parenthesis through', () => {
    for (const nasty of ['"', '""', '"unbalanced', 'a"b', '*', 'ferry*', '-ferry', '((harbour', 'harbour))', '")) OR 1=1 --', "can't", 'e-mail']) {
      const match = buildMatchExpression(nasty);
      if (match === null) continue;
      // Every phrase is exactly one "…" pair holding only word characters and spaces.
      expect(match).toMatch(/^"[\p{L}\p{N}\p{M} ]+"\*?( AND "[\p{L}\p{N}\p{M} ]+"\*?)*$/u);
    }
    expect(buildMatchExpression("can't")).toBe('"can t"*');
    expect(buildMatchExpression('e-mail')).toBe('"e mail"*');
    expect(buildMatchExpression('")) OR 1=1 --')).toBe('"OR" AND "1 1"*');
  });

  it('gives null for input with no word in it', () => {
    for (const empty of ['', '   ', '"', '***', '()', '-', '🚢🎉', '\u0000\u0002\u0003', '\u200b\u200b', '— – …']) {
      expect(buildMatchExpression(empty), JSON.stringify(empty)).toBeNull();
    }
  });

  it('keeps letters of any script and drops emoji between them', () => {
    expect(buildMatchExpression('café 🚢 Zürich')).toBe('"café" AND "Zürich"*');
    expect(buildMatchExpression('東京 новости')).toBe('"東京" AND "новости"*');
    expect(buildMatchExpression('ferry🚢times')).toBe('"ferry times"*');
  });

  it('caps the length and the number of words', () => {
    const long = 'x'.repeat(10_000);
    const match = buildMatchExpression(long)!;
    expect(match.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH + 3);
    const many = Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ');
    expect(queryTerms(many)).toHaveLength(MAX_TERMS);
    expect(buildMatchExpression(many)!.split(' AND ')).toHaveLength(MAX_TERMS);
  });

  it('drops repeated words (case-insensitively) and control characters', () => {
    expect(buildMatchExpression('Ferry ferry FERRY')).toBe('"Ferry"*');
    expect(buildMatchExpression('har\u0000bour')).toBe('"har" AND "bour"*');
  });
});

describe('normaliseQuery', () => {
  it('normalises, single-spaces and cuts at the cap without splitting a character', () => {
    expect(normaliseQuery('  ﬁsh \n\t chips ')).toBe('fish chips');
    const emoji = '🚢'.repeat(MAX_QUERY_LENGTH + 50);
    expect(Array.from(normaliseQuery(emoji))).toHaveLength(MAX_QUERY_LENGTH);
    expect(normaliseQuery(emoji).isWellFormed()).toBe(true);
  });
});
