/**
 * Reply bodies are plain text, never HTML. This module turns a body into a
 * structure the renderer maps to elements: paragraphs (separated by blank
 * lines), lines inside a paragraph (rendered with <br/> between them), and
 * text / link segments. Nothing is HTML-decoded or interpreted: "<script>"
 * stays literal text and React escapes it on output.
 *
 * Pure module: no framework, no I/O.
 */

export type ReplySegment = { kind: 'text'; text: string } | { kind: 'link'; href: string; text: string };
export type ReplyParagraph = { lines: ReplySegment[][] };

export { REPLY_LINK_REL } from './thread-item';

/**
 * Candidate URLs: http(s):// not glued to a preceding word, or www. not glued to
 * a preceding word, e-mail address, path or scheme. Any other scheme
 * (javascript:, data:, ftp:, mailto:) is never a link.
 */
const URL_CANDIDATE = /(?<![\p{L}\p{N}_])https?:\/\/[^\s<>"]+|(?<![\p{L}\p{N}_@/:.\-])www\.[^\s<>"]+/giu;

const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*', '_']);

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Drop trailing punctuation; a closing bracket stays only if it balances one inside the URL. */
function trimUrl(url: string): string {
  let u = url;
  for (;;) {
    const last = u.slice(-1);
    if (TRAILING_PUNCTUATION.has(last)) {
      u = u.slice(0, -1);
    } else if (last === ')' && count(u, ')') > count(u, '(')) {
      u = u.slice(0, -1);
    } else if (last === ']' && count(u, ']') > count(u, '[')) {
      u = u.slice(0, -1);
    } else {
      return u;
    }
  }
}

/** The href for a trimmed candidate, or null if it is not a usable web address. */
function hrefFor(text: string): string | null {
  const isWww = /^www\./i.test(text);
  const href = isWww ? `https://${text}` : text;
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // Need a real host: "http://" or "http://." alone is not a link.
  const host = href.replace(/^https?:\/\//i, '').split(/[/?#]/, 1)[0] ?? '';
  if (!/[\p{L}\p{N}]/u.test(host)) return null;
  // "www.example" is more likely prose than an address; want www.<name>.<tld>.
  if (isWww && !/^www\.[^.]+\.[^.]/i.test(host)) return null;
  return href;
}

function segmentLine(line: string): ReplySegment[] {
  const out: ReplySegment[] = [];
  let pending = '';
  let last = 0;
  for (const m of line.matchAll(URL_CANDIDATE)) {
    const text = trimUrl(m[0]);
    const href = text === '' ? null : hrefFor(text);
    if (href === null) continue;
    pending += line.slice(last, m.index);
    if (pending !== '') out.push({ kind: 'text', text: pending });
    pending = '';
    out.push({ kind: 'link', href, text });
    last = m.index + text.length;
  }
  pending += line.slice(last);
  if (pending !== '') out.push({ kind: 'text', text: pending });
  return out;
}

/**
 * Parse a reply body. CRLF/CR become LF; blank (or whitespace-only) lines
 * separate paragraphs; a single line break starts a new line in the paragraph.
 * Trailing whitespace on each line is dropped; an empty body gives [].
 */
export function parseReplyText(body: string): ReplyParagraph[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const paragraphs: ReplyParagraph[] = [];
  let current: ReplySegment[][] | null = null;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      current = null;
      continue;
    }
    if (current === null) {
      current = [];
      paragraphs.push({ lines: current });
    }
    current.push(segmentLine(line));
  }
  return paragraphs;
}

/** Number of links parseReplyText would produce for this body. */
export function countLinks(body: string): number {
  let n = 0;
  for (const p of parseReplyText(body)) {
    for (const line of p.lines) for (const seg of line) if (seg.kind === 'link') n++;
  }
  return n;
}
