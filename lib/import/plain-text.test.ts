import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { formatImportError, paragraphsToMarkdown, parsePlainTextArticle, type PlainTextImportError } from './plain-text';

const seed = readFileSync(new URL('../../e2e/fixtures/seed-article.txt', import.meta.url), 'utf8');

function parseOk(text: string, file = 'test.txt') {
  const r = parsePlainTextArticle(text, file);
  if (!r.ok) throw new Error(`expected ok, got ${formatImportError(r.error)}`);
  return r.article;
}

function parseErr(text: string, file = 'test.txt'): PlainTextImportError {
  const r = parsePlainTextArticle(text, file);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.article)}`);
  return r.error;
}

describe('parsePlainTextArticle: seed fixture', () => {
  const article = parseOk(seed, 'seed-article.txt');

  it('extracts the headline and byline', () => {
    expect(article.title).toBe('No phone calls between Trump and Putin. The Kremlin denies it');
    expect(article.byline).toBe('Editor');
  });

  it('extracts the body paragraphs in order, one per non-blank line', () => {
    // The fixture has 5 body paragraphs: 3 separated by blank/NBSP lines, then two on
    // consecutive lines ("...return to peace in Europe.”" / "The president’s outgoing ..."),
    // then one more.
    expect(article.paragraphs.map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual(['The p.', 'The Post,', 'The Ukrainian', 'The president’s', 'Any early']);
    expect(article.paragraphs[2].endsWith('towards a return to peace in Europe.”')).toBe(true);
    expect(article.paragraphs[3].startsWith('The president’s outgoing Democratic administration')).toBe(true);
    expect(article.paragraphs[4].endsWith('an opinion shared by many European allies.')).toBe(true);
  });

  it('drops the page chrome and NBSP-only separator lines', () => {
    for (const p of article.paragraphs) {
      expect(p).not.toMatch(/^by editor$/i);
      expect(p).not.toMatch(/^leave a reply$/i);
      expect(p).not.toMatch(/^[\s\u00a0]*$/);
      expect(p).not.toContain('\u00a0');
      expect(p).toBe(p.trim());
    }
  });
});

describe('parsePlainTextArticle: format details', () => {
  it('handles CRLF and lone CR line endings', () => {
    const crlf = parseOk('Title\r\n\r\nFirst para.\r\n\r\nSecond para.\r\n\r\nBy Jane Doe\r\n');
    expect(crlf).toEqual({ title: 'Title', paragraphs: ['First para.', 'Second para.'], byline: 'Jane Doe' });
    const cr = parseOk('Title\r\rFirst para.\rSecond para.\r');
    expect(cr.paragraphs).toEqual(['First para.', 'Second para.']);
    expect(cr.paragraphs.join('')).not.toContain('\r');
  });

  it('treats NBSP / figure space / narrow NBSP / tab-only lines as separators', () => {
    const a = parseOk('Title\n\u00a0\nOne.\n\u00a0\u00a0 \t\nTwo.\n\u2007\u202f\ufeff\nThree.\n\t\n');
    expect(a.paragraphs).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('treats consecutive non-blank lines as separate paragraphs', () => {
    const a = parseOk('Title\n\nLine one.\nLine two.\nLine three.\n');
    expect(a.paragraphs).toEqual(['Line one.', 'Line two.', 'Line three.']);
  });

  it('trims and collapses internal whitespace including NBSP', () => {
    const a = parseOk('  \u00a0My   Title\u00a0 \n\n\u00a0 Some \u00a0\u00a0 text\there. \n');
    expect(a.title).toBe('My Title');
    expect(a.paragraphs).toEqual(['Some text here.']);
  });

  it('strips a UTF-8 BOM', () => {
    const a = parseOk('\ufeffTitle\n\nBody.\n');
    expect(a.title).toBe('Title');
  });

  it('gives byline null when there is no byline', () => {
    const a = parseOk('Title\n\nBody one.\n\nBody two.\n\nLeave a Reply\n');
    expect(a.byline).toBeNull();
    expect(a.paragraphs).toEqual(['Body one.', 'Body two.']);
  });

  it('accepts the closing lines in either order, with optional punctuation', () => {
    const a = parseOk('Title\n\nBody.\n\nLeave a reply:\n\nBY  Jane Doe \n');
    expect(a).toEqual({ title: 'Title', paragraphs: ['Body.'], byline: 'Jane Doe' });
  });

  it('does not treat a body sentence starting with "By" as a byline', () => {
    const a = parseOk('Title\n\nBody.\n\nBy the end of the year, prices had doubled.\n');
    expect(a.byline).toBeNull();
    expect(a.paragraphs).toHaveLength(2);
  });
});

describe('parsePlainTextArticle: errors', () => {
  it('rejects an empty file at line 1', () => {
    expect(parseErr('', 'a.txt')).toEqual({ file: 'a.txt', line: 1, message: 'file is empty' });
    expect(parseErr(' \r\n\u00a0\n\t\n').line).toBe(1);
    expect(parseErr('\ufeff').message).toBe('file is empty');
  });

  it('rejects a headline longer than 300 characters at its line', () => {
    const e = parseErr(`\n\u00a0\n${'x'.repeat(301)}\n\nBody.\n`);
    expect(e).toMatchObject({ line: 3, message: 'headline is longer than 300 characters' });
    expect(parseOk(`${'x'.repeat(300)}\n\nBody.\n`).title).toHaveLength(300);
  });

  it('rejects a headline with no body at the headline line', () => {
    const e = parseErr('\r\n\r\n  Title  \r\n\r\nBy Editor\r\n\r\nLeave a Reply\r\n');
    expect(e).toMatchObject({ line: 3, message: 'article has a headline but no body paragraphs' });
    expect(parseErr('Only a headline').line).toBe(1);
  });

  it('rejects control characters at the offending line', () => {
    expect(parseErr('Title\r\n\r\nGood.\r\nBad\u0000line.\r\n')).toMatchObject({
      line: 4,
      message: 'line contains a control character (U+0000)',
    });
    expect(parseErr('Title\n\nEscape \u001b[0m here\n').message).toBe('line contains a control character (U+001B)');
    // Tabs are allowed.
    expect(parseOk('Title\n\nTab\there.\n').paragraphs).toEqual(['Tab here.']);
  });

  it('rejects U+FFFD (invalid UTF-8 decoded) at the offending line', () => {
    const bytes = Buffer.concat([Buffer.from('Title\n\nOK.\n'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]);
    expect(parseErr(bytes.toString('utf8'))).toMatchObject({ line: 4, message: 'file is not valid UTF-8 text' });
  });

  it('formats errors as FILE:LINE: message', () => {
    expect(formatImportError({ file: 'x/y.txt', line: 7, message: 'boom' })).toBe('x/y.txt:7: boom');
    expect(formatImportError(parseErr('Only a headline', 'h.txt'))).toBe('h.txt:1: article has a headline but no body paragraphs');
  });
});

describe('paragraphsToMarkdown', () => {
  it('joins paragraphs with a blank line', () => {
    expect(paragraphsToMarkdown(['One.', 'Two.'])).toBe('One.\n\nTwo.');
  });

  it('escapes Markdown syntax', () => {
    expect(paragraphsToMarkdown(['*bold*'])).toBe('\\*bold\\*');
    expect(paragraphsToMarkdown(['# heading'])).toBe('\\# heading');
    expect(paragraphsToMarkdown(['<script>alert(1)</script>'])).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(paragraphsToMarkdown(['1. item'])).toBe('1\\. item');
    expect(paragraphsToMarkdown(['- item', '+ item'])).toBe('\\- item\n\n\\+ item');
    expect(paragraphsToMarkdown(['a_b [x](y) `c` ~d~ | e \\ f'])).toBe('a\\_b \\[x\\](y) \\`c\\` \\~d\\~ \\| e \\\\ f');
    expect(paragraphsToMarkdown(['Tom & Jerry'])).toBe('Tom & Jerry');
    // Not at line start: left alone.
    expect(paragraphsToMarkdown(['Issue #1 in 2024. Fine - ok.'])).toBe('Issue #1 in 2024. Fine - ok.');
  });

  it('renders literally through marked', () => {
    const input = ['*bold*', '# heading', '<script>x</script>', '1. item', '- item', '---', 'a_b_ [l](u)'];
    const html = marked.parse(paragraphsToMarkdown(input), { async: false });
    expect(html).not.toMatch(/<(em|strong|h1|ol|ul|li|hr|a|script)\b/);
    const paras = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]);
    expect(paras).toEqual(['*bold*', '# heading', '&lt;script&gt;x&lt;/script&gt;', '1. item', '- item', '---', 'a_b_ [l](u)']);
  });
});
