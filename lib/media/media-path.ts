import { normalize } from 'node:path';

const TYPES: Record<string, string> = { webp: 'image/webp', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', avif: 'image/avif' };

// Stored names are random base64url, so a segment may begin with "-" or "_"; it may not begin
// with "." (no "..", no hidden files).
const SEGMENT = /^[a-z0-9_-][a-z0-9._-]*$/i;

/** The content type to serve a media path with, or null when the path is not one of ours (404). */
export function mediaFileType(segments: string[]): { relative: string; type: string } | null {
  if (segments.length === 0 || !segments.every((s) => SEGMENT.test(s))) return null;
  const relative = normalize(segments.join('/'));
  if (relative.startsWith('..') || relative.includes('\0')) return null;
  const type = TYPES[relative.split('.').pop()?.toLowerCase() ?? ''];
  return type ? { relative, type } : null;
}
