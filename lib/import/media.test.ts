import { describe, expect, it } from 'vitest';
import { imageSources, limiter, originalOf, rewriteImageSources } from './media';
import { formatDuration, progressLine } from './progress';

describe('image addresses in a body', () => {
  const body =
    '<p>A <img src="https://old.example/a-300x200.jpg?x=1&amp;y=2" srcset="https://old.example/a-1024x683.jpg 1024w" sizes="100vw" alt="A" /></p>' +
    '<p><img src="/wp-content/uploads/b.png" alt="B" /><img src="/media/2026/01/x.webp" alt="ours" /><img src="data:image/png;base64,AAAA" /></p>';

  it('lists http(s) images once, relative ones against the old site, not ours or data:', () => {
    expect(imageSources(body, 'https://old.example/')).toEqual(['https://old.example/a-300x200.jpg?x=1&y=2', 'https://old.example/wp-content/uploads/b.png']);
    expect(imageSources(body, null)).toEqual(['https://old.example/a-300x200.jpg?x=1&y=2']);
  });

  it('rewrites the ones brought home and drops their srcset; others keep their address', () => {
    const out = rewriteImageSources(body, 'https://old.example/', new Map([['https://old.example/a-300x200.jpg?x=1&y=2', '/media/2026/01/a.webp']]));
    expect(out).toContain('<img src="/media/2026/01/a.webp" alt="A" />');
    expect(out).not.toContain('srcset');
    expect(out).toContain('<img src="/wp-content/uploads/b.png" alt="B" />');
  });

  it('fetches a resized copy as its original when the original is a known attachment', () => {
    const known = new Set(['https://old.example/wp-content/uploads/2020/03/a.jpg']);
    expect(originalOf('https://old.example/wp-content/uploads/2020/03/a-300x200.jpg', (u) => known.has(u))).toBe(
      'https://old.example/wp-content/uploads/2020/03/a.jpg',
    );
    expect(originalOf('https://old.example/wp-content/uploads/2020/03/b-300x200.jpg', (u) => known.has(u))).toBe(
      'https://old.example/wp-content/uploads/2020/03/b-300x200.jpg',
    );
  });
});

describe('limiter', () => {
  it('runs at most N jobs at a time', async () => {
    const run = limiter(2);
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 7 }, () =>
        run(async () => {
          most = Math.max(most, ++running);
          await new Promise((go) => setTimeout(go, 5));
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
  });
});

describe('progress', () => {
  it('shows items, rate and time left, with a bar on a terminal', () => {
    expect(progressLine(250, 1000, 5)).toBe('[wxr] 250/1000 items, 50/s, ETA 15.0 s');
    expect(progressLine(1000, 1000, 20)).toBe('[wxr] 1000/1000 items, 50/s, done');
    const bar = progressLine(500, 1000, 10, 80);
    expect(bar).toMatch(/^\[wxr\] \[#+-+\] 500\/1000 items, 50\/s, ETA 10\.0 s$/);
    expect(bar.length).toBeLessThanOrEqual(80);
    expect(formatDuration(125)).toBe('2 m 05 s');
    expect(formatDuration(3725)).toBe('1 h 02 m');
  });
});
