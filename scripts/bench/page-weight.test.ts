import { describe, expect, it } from 'vitest';
import { lighthouseFigures } from './lighthouse';
import { inlineRscPayload, median, pageScripts } from './page-weight';
import { checkoutOf } from './server';
import { medianRound } from './standard';

// The shape of Next 16's article page, cut down: chunk scripts (one twice), the noModule polyfills, the
// RSC bootstrap and payload pushes, and a JSON-LD script that is neither.
const html = [
  '<!DOCTYPE html><html lang="en"><head>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack-1.js"/>',
  '<script src="/_next/static/chunks/webpack-1.js" async=""></script>',
  '<script src="/_next/static/chunks/react-dom-2.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfills-3.js" noModule=""></script>',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"self"}</script>',
  '</head><body><main><h1>City council</h1></main>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>',
  '<script>self.__next_f.push([1,"2:I[\\"x\\",[\\"/_next/static/chunks/reply-form.js?v=1&amp;q=2\\"]]\\n"])</script>',
  '<script src="/_next/static/chunks/reply-form.js?v=1&amp;q=2" async=""></script>',
  '<script src="/_next/static/chunks/webpack-1.js" async=""></script>',
  '</body></html>',
].join('');

describe('the inline RSC payload', () => {
  it('counts every script element that pushes onto self.__next_f, tags included, and nothing else', () => {
    const pushes = [...html.matchAll(/<script>[^<]*__next_f[^<]*<\/script>/g)].map((m) => Buffer.byteLength(m[0]));
    expect(pushes).toHaveLength(3);
    expect(inlineRscPayload(html)).toEqual({ bytes: pushes.reduce((a, b) => a + b, 0), scripts: 3 });
  });

  it('counts bytes, not characters', () => {
    expect(inlineRscPayload('<script>self.__next_f.push([1,"é"])</script>').bytes).toBe(45);
  });

  it('is zero for a page without one', () => {
    expect(inlineRscPayload('<html><script>var a = 1</script></html>')).toEqual({ bytes: 0, scripts: 0 });
  });
});

describe('the scripts a page loads', () => {
  it('lists external scripts once each in document order, decoded, with noModule ones apart', () => {
    expect(pageScripts(html)).toEqual({
      loaded: ['/_next/static/chunks/webpack-1.js', '/_next/static/chunks/react-dom-2.js', '/_next/static/chunks/reply-form.js?v=1&q=2'],
      noModule: ['/_next/static/chunks/polyfills-3.js'],
    });
  });

  it('reads unquoted and single-quoted addresses, and a bare nomodule attribute', () => {
    expect(pageScripts(`<script src=/a.js defer></script><script src='/b.js' nomodule></script><script nomodule src="/c.js"></script>`)).toEqual({
      loaded: ['/a.js'],
      noModule: ['/b.js', '/c.js'],
    });
  });
});

describe('medians', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('gives each figure of the rounds its own median, and sums the errors', () => {
    expect(
      medianRound([
        { rps: 190, p50: 150, p99: 1200, errors: 0, non2xx: 0 },
        { rps: 199, p50: 140, p99: 900, errors: 1, non2xx: 0 },
        { rps: 180, p50: 160, p99: 1300, errors: 0, non2xx: 2 },
      ]),
    ).toEqual({ rps: 190, p50: 150, p99: 1200, errors: 1, non2xx: 2 });
  });
});

describe('Lighthouse figures', () => {
  it('reads score, paints, blocking time and what the scripts transferred from a report', () => {
    const report = {
      categories: { performance: { score: 0.97 } },
      audits: {
        'largest-contentful-paint': { numericValue: 2412.6 },
        'first-contentful-paint': { numericValue: 1510.2 },
        'total-blocking-time': { numericValue: 30 },
        'speed-index': { numericValue: 1800 },
        'cumulative-layout-shift': { numericValue: 0 },
        'resource-summary': {
          details: {
            items: [
              { resourceType: 'total', requestCount: 14, transferSize: 240000 },
              { resourceType: 'script', requestCount: 10, transferSize: 158000 },
            ],
          },
        },
        'largest-contentful-paint-element': {
          details: { items: [{ type: 'table', items: [{ node: { nodeLabel: 'The city council voted', snippet: '<p class="lead">' } }] }] },
        },
      },
    };
    expect(lighthouseFigures(report)).toEqual({
      score: 97,
      lcp: 2412.6,
      fcp: 1510.2,
      tbt: 30,
      speedIndex: 1800,
      cls: 0,
      scripts: 10,
      scriptBytes: 158000,
      totalBytes: 240000,
      lcpElement: '<p class="lead">',
    });
  });

  it('gives nulls, not zeros, for what a failed run left out', () => {
    expect(lighthouseFigures({ categories: { performance: { score: null } }, audits: {} })).toMatchObject({
      score: null,
      lcp: null,
      scripts: null,
      lcpElement: null,
    });
  });
});

describe('build folders', () => {
  it('runs a relative one here and an absolute one in its own checkout', () => {
    expect(checkoutOf('.next-before')).toEqual({ cwd: process.cwd(), distDir: '.next-before' });
    expect(checkoutOf('/work/before/.next')).toEqual({ cwd: '/work/before', distDir: '.next' });
  });
});
