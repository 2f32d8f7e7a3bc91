import { beforeEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { isUsableLegacyPath, redirectFor, reloadInProgress, setRedirects, startReload, trackReload } from './registry';

describe('redirectFor', () => {
  beforeEach(() => {
    setRedirects([
      { kind: 'articles', oldSlug: 'old-story', slug: 'new-story' },
      { kind: 'sections', oldSlug: 'city', slug: 'city-news' },
      { kind: 'tags', oldSlug: 'ferry', slug: 'ferries' },
    ]);
  });

  it('answers the current address for an old article slug', () => {
    expect(redirectFor('/articles/old-story')).toBe('/articles/new-story');
    expect(redirectFor('/articles/old-story/')).toBe('/articles/new-story');
  });

  it('keeps the page of a list', () => {
    expect(redirectFor('/sections/city/page/3')).toBe('/sections/city-news/page/3');
    expect(redirectFor('/tags/ferry')).toBe('/tags/ferries');
  });

  it('leaves current, unknown and unrelated addresses alone', () => {
    expect(redirectFor('/articles/new-story')).toBeNull();
    expect(redirectFor('/articles/never-was')).toBeNull();
    expect(redirectFor('/authors/old-story')).toBeNull();
    // A section slug is not a tag slug.
    expect(redirectFor('/tags/city')).toBeNull();
    // An article's sub-pages are not kept.
    expect(redirectFor('/articles/old-story/held')).toBeNull();
  });

  it('decodes the slug and survives a malformed escape', () => {
    setRedirects([{ kind: 'tags', oldSlug: 'café', slug: 'cafes' }]);
    expect(redirectFor('/tags/caf%C3%A9')).toBe('/tags/cafes');
    expect(redirectFor('/tags/%E0%A4%A')).toBeNull();
  });

  it('answers whole old paths from another system, with or without the trailing slash', () => {
    setRedirects([
      { kind: 'articles', oldSlug: 'old-story', slug: 'new-story' },
      { kind: 'legacy', oldPath: '/2019/05/ferry-strike', slug: 'ferry-strike' },
      { kind: 'legacy', oldPath: '/news/café-opens', slug: 'cafe-opens' },
    ]);
    expect(redirectFor('/2019/05/ferry-strike/')).toBe('/articles/ferry-strike');
    expect(redirectFor('/2019/05/ferry-strike')).toBe('/articles/ferry-strike');
    expect(redirectFor('/news/caf%C3%A9-opens/')).toBe('/articles/cafe-opens');
    expect(redirectFor('/2019/05/other')).toBeNull();
    expect(redirectFor('/')).toBeNull();
    // The slug table still works beside it.
    expect(redirectFor('/articles/old-story')).toBe('/articles/new-story');
  });

  it('refuses old paths that would hide one of our own addresses', () => {
    for (const path of ['/', '/articles/x', '/search', '/admin/users', '/api/revalidate', '/feed.xml', '/_next/static/x.js', 'relative']) {
      expect(isUsableLegacyPath(path), path).toBe(false);
    }
    for (const path of ['/2019/05/ferry-strike', '/news/café-opens', '/articles-archive/x']) {
      expect(isUsableLegacyPath(path), path).toBe(true);
    }
  });

  it('knows every top-level address the app has (a new route folder must be added to OWN_ADDRESS)', () => {
    const names = ['app', 'app/(site)', 'app/(auth)'].flatMap((dir) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('(') && !e.name.startsWith('['))
        .map((e) => e.name),
    );
    expect(names).toContain('unsubscribe');
    for (const name of names) {
      expect(isUsableLegacyPath(`/${name}`), name).toBe(false);
      expect(isUsableLegacyPath(`/${name}/old-post`), name).toBe(false);
    }
  });
});

describe('reloads in progress', () => {
  it('apply in the order they started, an older result arriving late being dropped', () => {
    const older = startReload();
    const newer = startReload();
    setRedirects([{ kind: 'tags', oldSlug: 'renamed', slug: 'now' }], newer);
    setRedirects([], older);
    expect(redirectFor('/tags/renamed')).toBe('/tags/now');
  });

  it('are visible to the proxy until they settle, the latest one winning', async () => {
    let finishFirst!: () => void;
    const first = new Promise<void>((resolve) => (finishFirst = resolve));
    trackReload(first);
    expect(reloadInProgress()).toBe(first);
    const second = Promise.resolve();
    trackReload(second);
    expect(reloadInProgress()).toBe(second);
    finishFirst();
    await first;
    await second;
    await Promise.resolve();
    expect(reloadInProgress()).toBeNull();
  });
});
