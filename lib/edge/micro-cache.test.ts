import { describe, expect, it } from 'vitest';
import { microCacheExpiry } from './micro-cache';

const now = Date.UTC(2026, 11, 2, 1, 30, 0, 750);

describe('microCacheExpiry', () => {
  it('keeps a page or a redirect to the end of the current second', () => {
    expect(microCacheExpiry('GET', '/articles/ferry', now)).toBe(`@${Math.floor(now / 1000)}`);
    expect(microCacheExpiry('HEAD', '/', now)).toBe(`@${Math.floor(now / 1000)}`);
    expect(microCacheExpiry('GET', '/2019/05/story/', now)).toBe(`@${Math.floor(now / 1000)}`);
    expect(microCacheExpiry('GET', '/feed.xml', now)).toBe(`@${Math.floor(now / 1000)}`);
  });

  it('leaves posts, Next’s files, the API, uploads and the favicon to nginx’s own rules', () => {
    expect(microCacheExpiry('POST', '/articles/ferry', now)).toBeNull();
    for (const path of ['/_next/static/chunks/a.js', '/api/articles/1/live', '/api/breaking', '/media/a.jpg', '/brand/logo.svg', '/favicon.ico'])
      expect(microCacheExpiry('GET', path, now), path).toBeNull();
    expect(microCacheExpiry('GET', '/apiary', now)).not.toBeNull();
  });
});
