import { describe, expect, it } from 'vitest';
import { BREAKING_CACHE_CONTROL, BreakingSchema, breakingResponse, matchesEtag, readStoredBanner, safeBannerLink, type BreakingBanner } from './banner';

const banner: BreakingBanner = {
  id: 'abc',
  headline: 'Harbour bridge closed',
  link: '/articles/bridge',
  live: true,
  setById: 3,
  setAt: '2026-12-01T18:00:00.000Z',
};

describe('the banner form', () => {
  const parse = (v: Partial<Record<'headline' | 'link' | 'live', string>>) => BreakingSchema.safeParse({ headline: 'A headline', link: '/x', live: '', ...v });

  it('takes a headline, a local path or https link, and the Live box', () => {
    expect(parse({ headline: '  Storm  hits\n coast ', link: '/articles/storm', live: 'on' }).data).toEqual({
      headline: 'Storm hits coast',
      link: '/articles/storm',
      live: true,
    });
    expect(parse({ link: 'https://example.org/live?x=1' }).data?.link).toBe('https://example.org/live?x=1');
    expect(parse({}).data?.live).toBe(false);
  });

  it('refuses an empty or over-long headline', () => {
    expect(parse({ headline: '   ' }).error?.issues[0].message).toBe('Write a headline.');
    expect(parse({ headline: 'a'.repeat(200) }).success).toBe(true);
    expect(parse({ headline: 'a'.repeat(201) }).error?.issues[0].message).toMatch(/200 characters/);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,x',
    'http://example.org',
    '//evil.example',
    '/\\evil.example',
    'https://user:pw@example.org',
    'ftp://x',
    'articles/x',
    '/a b',
    '/a\nb',
  ])('refuses the link %j', (link) => {
    expect(safeBannerLink(link)).toBeNull();
    expect(parse({ link }).error?.issues[0].path).toEqual(['link']);
  });

  it('asks for a link when there is none', () => {
    expect(parse({ link: '' }).error?.issues[0].message).toMatch(/^Give a link/);
  });
});

describe('the stored banner', () => {
  it('reads back a whole banner, and anything else as none', () => {
    expect(readStoredBanner({ banner, changedById: 3, changedAt: banner.setAt })).toEqual(banner);
    expect(readStoredBanner({ banner: null })).toBeNull();
    expect(readStoredBanner(undefined)).toBeNull();
    expect(readStoredBanner({ banner: { ...banner, link: 'javascript:alert(1)' } })).toBeNull();
    expect(readStoredBanner({ banner: { ...banner, id: '' } })).toBeNull();
  });
});

describe('the /api/breaking answer', () => {
  it('answers the empty state with a banner of null, an ETag and a short Cache-Control', async () => {
    const res = breakingResponse(null, null);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ banner: null });
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(res.headers.get('cache-control')).toBe(BREAKING_CACHE_CONTROL);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('shows readers the banner, never who set it', async () => {
    const body = await breakingResponse(banner, null).json();
    expect(body).toEqual({ banner: { id: 'abc', headline: 'Harbour bridge closed', link: '/articles/bridge', live: true } });
  });

  it('gives one ETag per banner, and a 304 with no body to a matching If-None-Match', async () => {
    const etag = breakingResponse(banner, null).headers.get('etag')!;
    expect(breakingResponse(banner, null).headers.get('etag')).toBe(etag);
    expect(breakingResponse(null, null).headers.get('etag')).not.toBe(etag);
    expect(breakingResponse({ ...banner, id: 'new' }, null).headers.get('etag')).not.toBe(etag);
    const repeat = breakingResponse(banner, `W/"other", ${etag}`);
    expect(repeat.status).toBe(304);
    expect(await repeat.text()).toBe('');
    expect(repeat.headers.get('etag')).toBe(etag);
    expect(breakingResponse(null, etag).status).toBe(200);
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(matchesEtag(null, '"a"')).toBe(false);
    expect(matchesEtag('"b"', '"a"')).toBe(false);
    expect(matchesEtag('W/"a"', '"a"')).toBe(true);
    expect(matchesEtag('*', '"a"')).toBe(true);
  });
});
