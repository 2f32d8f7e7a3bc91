import { describe, expect, it } from 'vitest';
import { deskReturn } from './replies/moderation-schema';
import { safeReturnPath } from './safe-redirect';

describe('safeReturnPath', () => {
  it('keeps same-site paths, their query and fragment', () => {
    expect(safeReturnPath('/admin/articles?status=draft')).toBe('/admin/articles?status=draft');
    expect(safeReturnPath('/admin/comments?status=pending&email=a%40b.example&q=a%2Fb#row-3')).toBe(
      '/admin/comments?status=pending&email=a%40b.example&q=a%2Fb#row-3',
    );
    expect(safeReturnPath('/')).toBe('/');
    // The query may carry anything escaped, slashes included: only the path decides where a browser goes.
    expect(safeReturnPath('/admin?next=%2F%2Fevil.example')).toBe('/admin?next=%2F%2Fevil.example');
  });

  it('keeps only the path of a full http(s) URL (Next may name this site localhost)', () => {
    expect(safeReturnPath('http://localhost:3000/admin/comments')).toBe('/admin/comments');
    expect(safeReturnPath('https://evil.example/admin')).toBe('/admin');
    expect(safeReturnPath('HTTPS://evil.example')).toBe('/');
  });

  it('resolves dot segments the way a browser does, and refuses what then leaves the site', () => {
    expect(safeReturnPath('/admin/comments/../articles')).toBe('/admin/articles');
    expect(safeReturnPath('/admin/./comments')).toBe('/admin/comments');
    expect(safeReturnPath('/admin/%2e%2e/login')).toBe('/login');
    expect(safeReturnPath('/../../admin')).toBe('/admin');
  });

  // Known bypasses of open-redirect filters (from public payload lists), each a way to name another site.
  const bypasses = [
    '//evil.example',
    '//evil.example/x',
    '///evil.example',
    '////evil.example/%2f..',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/\\/evil.example/',
    '/\\/evil.example/',
    '//\\evil.example',
    '/%2f%2fevil.example',
    '/%2F/evil.example',
    '/%5cevil.example',
    '/%5C%5Cevil.example',
    '/%252f%252fevil.example',
    '/%25252f%25252fevil.example',
    '/admin/comments/../..//evil.example/x',
    '/admin/comments/%2e%2e/%2e%2e//evil.example/x',
    '/.//evil.example',
    '/%2e/%2fevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/%09/evil.example',
    '/%0d/evil.example',
    '/%0a/evil.example',
    '//evil%00.example',
    '/%00//evil.example',
    'https:evil.example',
    'http:/\\evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'ftp://evil.example',
    'evil.example',
    'evil.example/admin',
    '@evil.example',
    '.evil.example',
    '%2f%2fevil.example',
    '//evil%E3%80%82example',
    '//google.com@evil.example',
    '/%E0%A4%A',
  ];
  it.each(bypasses)('refuses %j', (payload) => {
    expect(safeReturnPath(payload, '/fallback')).toBe('/fallback');
  });

  it('falls back on nothing, and on absurd lengths', () => {
    expect(safeReturnPath(null)).toBe('/admin');
    expect(safeReturnPath(undefined, '/x')).toBe('/x');
    expect(safeReturnPath('')).toBe('/admin');
    expect(safeReturnPath(`/${'a'.repeat(3000)}`)).toBe('/admin');
  });

  it('with a prefix, keeps only that part of the site, by whole segments', () => {
    const desk = (v: string) => safeReturnPath(v, '/admin/comments', '/admin/comments');
    expect(desk('/admin/comments')).toBe('/admin/comments');
    expect(desk('/admin/comments?status=spam')).toBe('/admin/comments?status=spam');
    expect(desk('/admin/comments/commenter?email=a%40b.example')).toBe('/admin/comments/commenter?email=a%40b.example');
    expect(desk('/admin/commentsevil')).toBe('/admin/comments');
    expect(desk('/admin/users')).toBe('/admin/comments');
    expect(desk('/admin/comments/../users')).toBe('/admin/comments');
    expect(desk('/admin/comments/../..//evil.example/x')).toBe('/admin/comments');
  });
});

describe('deskReturn', () => {
  it('goes back to a desk page, and to the desk for anything else', () => {
    expect(deskReturn('/admin/comments?status=pending&after=1:2')).toBe('/admin/comments?status=pending&after=1:2');
    expect(deskReturn('/admin/comments/../..//evil.example/x')).toBe('/admin/comments');
    expect(deskReturn('//evil.example/admin/comments')).toBe('/admin/comments');
    expect(deskReturn(undefined)).toBe('/admin/comments');
  });
});
