import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELD_COOKIE } from '@/lib/replies/held-cookie';

// Next reads proxy.ts's `config` without running it, so the matcher spells out what it depends on.
describe("proxy.ts's matcher", () => {
  const source = readFileSync(new URL('../../proxy.ts', import.meta.url), 'utf8');
  it('runs the proxy on an article for a reader with the held-reply cookie, by its real name', () => {
    expect(source).toContain(`{ source: '/articles/:slug', has: [{ type: 'cookie', key: '${HELD_COOKIE}' }] }`);
  });

  it('skips only an article’s own address, not its sub-pages or a trailing slash', () => {
    const pattern = /'\/\(\(\?!(.*)\)\.\*\)'/.exec(source)?.[1];
    expect(pattern).toBeDefined();
    const skipped = (path: string) => new RegExp(`^/(?!${pattern}).*$`).test(path) === false;
    expect(skipped('/articles/ferry')).toBe(true);
    for (const path of ['/articles/ferry/', '/articles/ferry/held', '/articles/ferry/comments/2', '/2019/05/ferry', '/sections/news', '/'])
      expect(skipped(path), path).toBe(false);
  });
});
