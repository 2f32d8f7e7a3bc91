import { describe, expect, it } from 'vitest';
import { mediaFileType } from './media-path';

describe('mediaFileType', () => {
  it('serves stored names, including those base64url starts with "-" or "_"', () => {
    expect(mediaFileType(['2026', '11', 'abcDEF123.webp'])).toEqual({ relative: '2026/11/abcDEF123.webp', type: 'image/webp' });
    expect(mediaFileType(['2026', '11', '-x9_Q.webp'])?.type).toBe('image/webp');
    expect(mediaFileType(['2026', '11', '_x9-Q.png'])?.type).toBe('image/png');
  });

  it('refuses traversal, hidden files and unknown types', () => {
    expect(mediaFileType(['..', 'auth-secret'])).toBeNull();
    expect(mediaFileType(['.hidden.webp'])).toBeNull();
    expect(mediaFileType(['2026', 'notes.txt'])).toBeNull();
    expect(mediaFileType(['a%2F..', 'x.webp'])).toBeNull();
    expect(mediaFileType([])).toBeNull();
  });
});
