import { describe, expect, it } from 'vitest';
import { countLinks, parseReplyText, REPLY_LINK_REL, type ReplySegment } from './text';

const text = (t: string): ReplySegment => ({ kind: 'text', text: t });
const link = (href: string, t = href): ReplySegment => ({ kind: 'link', href, text: t });

/** Segments of a single-line body. */
function line(body: string): ReplySegment[] {
  const paragraphs = parseReplyText(body);
  expect(paragraphs).toHaveLength(1);
  expect(paragraphs[0]!.lines).toHaveLength(1);
  return paragraphs[0]!.lines[0]!;
}

describe('parseReplyText: paragraphs and lines', () => {
  it('splits paragraphs on blank lines and lines on single breaks', () => {
    expect(parseReplyText('One\ntwo\n\nThree')).toEqual([{ lines: [[text('One')], [text('two')]] }, { lines: [[text('Three')]] }]);
  });

  it('treats several blank or whitespace-only lines as one separator', () => {
    expect(parseReplyText('A\n\n\n  \t\n\nB')).toEqual([{ lines: [[text('A')]] }, { lines: [[text('B')]] }]);
  });

  it('normalises CRLF and CR', () => {
    expect(parseReplyText('A\r\nB\r\n\r\nC\rD')).toEqual([{ lines: [[text('A')], [text('B')]] }, { lines: [[text('C')], [text('D')]] }]);
  });

  it('drops leading/trailing blank lines and trailing spaces; empty body is empty', () => {
    expect(parseReplyText('\n\n  Hello  \n\n')).toEqual([{ lines: [[text('  Hello')]] }]);
    expect(parseReplyText('')).toEqual([]);
    expect(parseReplyText(' \n \r\n')).toEqual([]);
  });
});

describe('parseReplyText: never HTML', () => {
  it('keeps markup as literal text', () => {
    expect(parseReplyText('<script>alert(1)</script>')).toEqual([{ lines: [[text('<script>alert(1)</script>')]] }]);
    expect(line('<b>bold</b> &amp; &lt;i&gt;')).toEqual([text('<b>bold</b> &amp; &lt;i&gt;')]);
  });

  it('does not let markup leak into a URL', () => {
    expect(line('<a href="http://evil.example">x</a>')).toEqual([text('<a href="'), link('http://evil.example'), text('">x</a>')]);
  });
});

describe('parseReplyText: links', () => {
  it('links bare http and https URLs', () => {
    expect(line('See https://example.com/a?b=1#c for more')).toEqual([text('See '), link('https://example.com/a?b=1#c'), text(' for more')]);
    expect(line('http://example.com')).toEqual([link('http://example.com')]);
    expect(line('HTTPS://EXAMPLE.COM/X')).toEqual([link('HTTPS://EXAMPLE.COM/X')]);
  });

  it('links www. addresses with an https href', () => {
    expect(line('visit www.example.com today')).toEqual([text('visit '), link('https://www.example.com', 'www.example.com'), text(' today')]);
    expect(line('www.example')).toEqual([text('www.example')]);
    expect(line('me@www.example.com')).toEqual([text('me@www.example.com')]);
  });

  it('leaves trailing punctuation out of the URL', () => {
    expect(line('Go to https://example.com.')).toEqual([text('Go to '), link('https://example.com'), text('.')]);
    expect(line('https://example.com/x, then')).toEqual([link('https://example.com/x'), text(', then')]);
    expect(line('Really? https://example.com/?!')).toEqual([text('Really? '), link('https://example.com/'), text('?!')]);
    expect(line('"https://example.com/q"')).toEqual([text('"'), link('https://example.com/q'), text('"')]);
    expect(line("'www.example.com';")).toEqual([text("'"), link('https://www.example.com', 'www.example.com'), text("';")]);
  });

  it('keeps balanced parentheses and drops an unbalanced closing one', () => {
    expect(line('(see https://en.wikipedia.org/wiki/Foo_(bar))')).toEqual([text('(see '), link('https://en.wikipedia.org/wiki/Foo_(bar)'), text(')')]);
    expect(line('(https://example.com/x).')).toEqual([text('('), link('https://example.com/x'), text(').')]);
  });

  it('never links javascript: or other schemes', () => {
    expect(line('javascript:alert(1)')).toEqual([text('javascript:alert(1)')]);
    expect(line('JavaScript://example.com/%0aalert(1)')).toEqual([text('JavaScript://example.com/%0aalert(1)')]);
    expect(line('data:text/html,<b>x</b>')).toEqual([text('data:text/html,<b>x</b>')]);
    expect(line('ftp://example.com mailto:a@b.c')).toEqual([text('ftp://example.com mailto:a@b.c')]);
    expect(line('ftp://www.example.com')).toEqual([text('ftp://www.example.com')]);
  });

  it('needs a host and a word boundary', () => {
    expect(line('http:// and https://.')).toEqual([text('http:// and https://.')]);
    expect(line('xhttp://example.com')).toEqual([text('xhttp://example.com')]);
  });

  it('links several URLs in one line and across lines', () => {
    const p = parseReplyText('a https://a.example b www.b.example\nhttp://c.example');
    expect(p).toEqual([
      {
        lines: [[text('a '), link('https://a.example'), text(' b '), link('https://www.b.example', 'www.b.example')], [link('http://c.example')]],
      },
    ]);
  });
});

describe('countLinks', () => {
  it('counts link segments', () => {
    expect(countLinks('no links here')).toBe(0);
    expect(countLinks('https://a.example, www.b.example\n\nhttp://c.example. javascript:x')).toBe(3);
  });
});

it('exports the rel for reply links', () => {
  expect(REPLY_LINK_REL).toBe('nofollow ugc noopener');
});
