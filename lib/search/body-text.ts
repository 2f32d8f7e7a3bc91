import type { BodyFormat } from '@/db/enums';
import { bodyToPlainText } from '@/lib/markdown/render';

/**
 * The plain text of an article body (Markdown, or HTML kept from an import) that the search index
 * holds. Control characters go: the index's snippet markers are control characters.
 */
export function articleBodyText(body: string, format: BodyFormat): string {
  return bodyToPlainText(body, format)
    .replace(/&#(\d+);/g, (m, n) => safeChar(Number(n), m))
    .replace(/&#x([0-9a-f]+);/gi, (m, n) => safeChar(parseInt(n, 16), m))
    .replace(/&nbsp;/g, ' ')
    .replace(/[\p{Cc}]/gu, ' ');
}

function safeChar(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
