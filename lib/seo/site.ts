import { env } from '@/lib/env';

// The publication's name and language, used by feeds, sitemaps, structured data and social cards.
export const SITE_NAME = 'Broadsheet';
export const SITE_DESCRIPTION = 'Independent news from Harbourton and the Wend valley.';
export const SITE_LANGUAGE = 'en-GB';

/** The configured public address without a trailing slash (SITE_URL may carry a path prefix). */
export function siteBase(siteUrl: string = env.SITE_URL): string {
  return siteUrl.replace(/\/+$/, '');
}

/** An absolute address for a site path ("/articles/x"), built from SITE_URL. */
export function absoluteUrl(path: string, siteUrl: string = env.SITE_URL): string {
  return siteBase(siteUrl) + (path.startsWith('/') ? path : `/${path}`);
}

/** Characters XML 1.0 forbids (control characters, unpaired surrogates): one would make a whole feed unreadable. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(XML_INVALID, '');
}

export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
