import { describe, expect, it } from 'vitest';
import { API_BODY_LIMIT, bodyAllowance, bodyProblem, SMALL_BODY_LIMIT, targetProblem, UPLOAD_BODY_LIMIT } from './gate';

describe('targetProblem', () => {
  it.each([
    '/',
    '/articles/city-council-approves-riverside-park-renovation',
    '/articles/caf%C3%A9',
    '/tags/%E6%97%A5%E6%9C%AC',
    '/search?q=%E0',
    '/?page=%ZZ',
    '/sections/news?page=2&x=%',
    '/2019/05/old-story/',
    'http://example.com/absolute-form',
  ])('lets %j through', (target) => expect(targetProblem(target)).toBeNull());

  it.each([
    ['/articles/%E0%A4%A', 400],
    ['/articles/%ZZ', 400],
    ['/articles/%C0%AF', 400],
    ['/articles/%ED%A0%80', 400],
    ['/articles/a%00b', 400],
    ['/articles/a%0Ab', 400],
    ['/articles/a%5Cb', 400],
    ['/\\evil.example', 400],
    ['/%5C%5Cevil.example', 400],
    [`/articles/${'a'.repeat(300)}`, 414],
    [`/${'a/'.repeat(3000)}`, 414],
  ] as const)('refuses %j with %i', (target, status) => expect(targetProblem(target)?.status).toBe(status));
});

describe('bodyAllowance', () => {
  it('uploads only on staff pages, token routes a little more, every other address a small form', () => {
    expect(bodyAllowance('/admin/articles/new')).toEqual({ limit: UPLOAD_BODY_LIMIT, staffOnly: true });
    expect(bodyAllowance('/admin')).toEqual({ limit: UPLOAD_BODY_LIMIT, staffOnly: true });
    expect(bodyAllowance('/api/revalidate')).toEqual({ limit: API_BODY_LIMIT, staffOnly: false });
    for (const path of ['/articles/x', '/articles/x/report/3', '/login', '/api/auth/callback/credentials', '/administrator', '/']) {
      expect(bodyAllowance(path), path).toEqual({ limit: SMALL_BODY_LIMIT, staffOnly: false });
    }
  });
});

describe('bodyProblem', () => {
  const staff = async () => true;
  const stranger = async () => false;
  const check = (path: string, contentLength: string | undefined, isStaff = stranger, transferEncoding?: string) =>
    bodyProblem({ path, contentLength, transferEncoding }, isStaff).then((r) => r?.status ?? null);

  it('no body, or a small one: through, without asking who it is', async () => {
    const never = async () => {
      throw new Error('asked');
    };
    expect(await check('/articles/x', undefined, never)).toBeNull();
    expect(await check('/articles/x', '0', never)).toBeNull();
    expect(await check('/articles/x', String(SMALL_BODY_LIMIT), never)).toBeNull();
    expect(await check('/admin/articles/new', '5000', never)).toBeNull();
  });

  it('an 11 MB reply, report or sign-in: 413', async () => {
    for (const path of ['/articles/x', '/articles/x/report/1', '/login', '/api/auth/callback/credentials']) {
      expect(await check(path, String(11 * 1024 * 1024)), path).toBe(413);
      expect(await check(path, String(11 * 1024 * 1024), staff), path).toBe(413);
    }
  });

  it('a staff page takes an upload, but only with a staff session', async () => {
    expect(await check('/admin/articles/new', String(11 * 1024 * 1024), staff)).toBeNull();
    expect(await check('/admin/articles/new', String(11 * 1024 * 1024), stranger)).toBe(413);
    expect(await check('/admin/articles/new', String(UPLOAD_BODY_LIMIT + 1), staff)).toBe(413);
  });

  it('the token routes take up to 1 MB', async () => {
    expect(await check('/api/revalidate', String(API_BODY_LIMIT))).toBeNull();
    expect(await check('/api/revalidate', String(API_BODY_LIMIT + 1))).toBe(413);
  });

  it('a body of unknown length: refused where the small limit applies', async () => {
    expect(await check('/articles/x', undefined, stranger, 'chunked')).toBe(411);
    expect(await check('/admin/articles/new', undefined, stranger, 'chunked')).toBeNull();
  });

  it('a Content-Length that is not a number: 400', async () => {
    expect(await check('/articles/x', '12abc')).toBe(400);
    expect(await check('/articles/x', '-1')).toBe(400);
  });
});
