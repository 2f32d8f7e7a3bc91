/**
 * Parser for plain-text article files (see e2e/fixtures/seed-article.txt).
 *
 * Format: the first non-blank line is the headline; every following non-blank
 * line is one paragraph (blank or whitespace-only lines, including lines made
 * of no-break spaces, are just separators). Trailing page chrome — a
 * "By NAME" byline and a "Leave a Reply" line, in either order — is removed,
 * the byline name being returned separately.
 *
 * Pure module: no framework, DB or filesystem access.
 */

export type ParsedPlainTextArticle = { title: string; paragraphs: string[]; byline: string | null };
export type PlainTextImportError = { file: string; line: number; message: string };

export type ParsePlainTextResult = { ok: true; article: ParsedPlainTextArticle } | { ok: false; error: PlainTextImportError };

export const MAX_HEADLINE_LENGTH = 300;
export const MAX_BYLINE_NAME_LENGTH = 80;

/** Whitespace-only line. `\s` already covers U+00A0, U+2007, U+202F and U+FEFF;
 *  they are listed for clarity. U+200B (zero-width space) is treated as blank too. */
const BLANK_LINE = /^[\s\u00a0\u2007\u202f\ufeff\u200b]*$/;
/** Invisible zero-width characters dropped from paragraph text. */
const ZERO_WIDTH = /[\u200b\ufeff]/g;
/** C0 controls except tab (LF/CR are gone after line splitting), DEL and C1 controls. */
const CONTROL_CHAR = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LEAVE_A_REPLY = /^leave\s+a\s+reply\s*[:.!\u2026-]?$/i;
const BYLINE = /^by\s+(.+)$/i;
const SENTENCE_PUNCTUATION_AT_END = /[.!?;:,\u2026]$/;

function normaliseText(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

function codePointLength(s: string): number {
  return Array.from(s).length;
}

function bylineName(paragraph: string): string | null {
  const m = BYLINE.exec(paragraph);
  if (!m) return null;
  const name = m[1].trim();
  if (name === '' || codePointLength(name) > MAX_BYLINE_NAME_LENGTH) return null;
  if (SENTENCE_PUNCTUATION_AT_END.test(name)) return null;
  return name;
}

export function parsePlainTextArticle(text: string, file: string): ParsePlainTextResult {
  const fail = (line: number, message: string): ParsePlainTextResult => ({
    ok: false,
    error: { file, line, message },
  });

  // Strip a BOM, then normalise CRLF / lone CR to LF (each counts as one line break).
  const normalised = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n');

  if (lines.every((l) => BLANK_LINE.test(l))) return fail(1, 'file is empty');

  // Encoding / control-character checks, reported at the first offending line.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.includes('\ufffd')) return fail(i + 1, 'file is not valid UTF-8 text');
    const c = CONTROL_CHAR.exec(line);
    if (c) {
      const hex = c[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      return fail(i + 1, `line contains a control character (U+${hex})`);
    }
  }

  let title: string | null = null;
  let titleLine = 0;
  const paragraphs: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (BLANK_LINE.test(lines[i])) continue;
    const value = normaliseText(lines[i]);
    if (value === '') continue;
    if (title === null) {
      title = value;
      titleLine = i + 1;
    } else {
      paragraphs.push(value);
    }
  }
  // Unreachable in practice (the empty check above guarantees a non-blank line).
  if (title === null) return fail(1, 'file is empty');

  if (codePointLength(title) > MAX_HEADLINE_LENGTH) {
    return fail(titleLine, `headline is longer than ${MAX_HEADLINE_LENGTH} characters`);
  }

  // Trailing page chrome: "Leave a Reply" and "By NAME", either order, each at most once.
  let byline: string | null = null;
  let leaveAReplyRemoved = false;
  for (let k = 0; k < 2 && paragraphs.length > 0; k++) {
    const last = paragraphs[paragraphs.length - 1];
    if (!leaveAReplyRemoved && LEAVE_A_REPLY.test(last)) {
      paragraphs.pop();
      leaveAReplyRemoved = true;
      continue;
    }
    if (byline === null) {
      const name = bylineName(last);
      if (name !== null) {
        paragraphs.pop();
        byline = name;
        continue;
      }
    }
    break;
  }

  if (paragraphs.length === 0) {
    return fail(titleLine, 'article has a headline but no body paragraphs');
  }

  return { ok: true, article: { title, paragraphs, byline } };
}

/** Escape one paragraph (a single line) so Markdown renders it literally. */
function escapeMarkdownParagraph(p: string): string {
  // Inline syntax anywhere: backslash first so later escapes are not doubled.
  let s = p.replace(/[\\*_`[\]<>|~]/g, (ch) => `\\${ch}`);
  // Block syntax at the start of the line.
  s = s
    .replace(/^#/, '\\#') // ATX heading
    .replace(/^([-+])/, '\\$1') // bullet list / thematic break / setext-like "---"
    .replace(/^(\d+)([.)])/, '$1\\$2') // ordered list marker "1." / "1)"
    .replace(/^=/, '\\='); // harmless; avoids any setext ambiguity
  return s;
}

/** Join paragraphs as Markdown, separated by a blank line, escaped to render literally.
 *  `&` is intentionally left alone. */
export function paragraphsToMarkdown(paragraphs: string[]): string {
  return paragraphs.map(escapeMarkdownParagraph).join('\n\n');
}

/** "FILE:LINE: message" */
export function formatImportError(e: PlainTextImportError): string {
  return `${e.file}:${e.line}: ${e.message}`;
}
