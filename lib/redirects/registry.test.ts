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

  it('keeps the query string of one of our own addresses', () => {
    expect(redirectFor('/sections/city', '?page=2')).toBe('/sections/city-news?page=2');
  });

  it('answers whole old paths from another system, with or without the trailing slash', () => {
    setRedirects([
      { kind: 'articles', oldSlug: 'old-story', slug: 'new-story' },
      { kind: 'legacy', oldPath: '/2019/05/ferry-strike', target: '/articles/ferry-strike' },
      { kind: 'legacy', oldPath: '/news/café-opens', target: '/articles/cafe-opens' },
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
    for (const path of [
      '/',
      '/articles/x',
      '/search',
      '/admin/users',
      '/api/revalidate',
      '/feed.xml',
      '/robots.txt',
      '/favicon.ico',
      '/_next/static/x.js',
      'relative',
    ]) {
      expect(isUsableLegacyPath(path), path).toBe(false);
    }
    for (const path of ['/2019/05/ferry-strike', '/news/café-opens', '/articles-archive/x', '/story.html', '/2019/05/story.html', '/?p=12', '/feed.xml-old']) {
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

describe('old WordPress addresses', () => {
  beforeEach(() => {
    setRedirects([
      { kind: 'legacy', oldPath: '/2019/05/ferry-strike.html', target: '/articles/ferry-strike' },
      { kind: 'legacy', oldPath: '/2019/05/tide-tables', target: '/articles/tide-tables' },
      { kind: 'legacy', oldPath: '/?p=123', target: '/articles/ferry-strike' },
      { kind: 'legacy', oldPath: '/?page_id=45', target: '/about-us' },
      { kind: 'legacy', oldPath: '/?cat=5', target: '/sections/news' },
      { kind: 'legacy', oldPath: '/?author=2', target: '/authors/nell-harrow' },
      { kind: 'legacy', oldPath: '/?tag=caf%C3%A9', target: '/tags/cafe' },
      { kind: 'legacy', oldPath: '/category/news', target: '/sections/news' },
      { kind: 'legacy', oldPath: '/category/news/feed', target: '/sections/news/feed.xml' },
      { kind: 'legacy', oldPath: '/tag/ferries', target: '/tags/ferries' },
      { kind: 'legacy', oldPath: '/author/nell', target: '/authors/nell-harrow' },
      { kind: 'legacy', oldPath: '/about-us', target: '/about-us' },
      { kind: 'legacy', oldPath: '/contact', target: '/contact-us' },
      { kind: 'legacy', oldPath: '/2019', target: '/articles/a-post-called-2019' },
      { kind: 'legacy', oldPath: '/gone', target: '//evil.example' },
      { kind: 'legacy', oldPath: '/search', target: '/articles/ferry-strike' },
      { kind: 'page', slug: 'contact' },
      { kind: 'page', slug: 'about-us' },
    ]);
  });

  it('answers query addresses on the front page and on index.php', () => {
    expect(redirectFor('/', '?p=123')).toBe('/articles/ferry-strike');
    expect(redirectFor('/index.php', '?p=123')).toBe('/articles/ferry-strike');
    expect(redirectFor('/index.php/', '?p=123')).toBe('/articles/ferry-strike');
    expect(redirectFor('/', '?page_id=45')).toBe('/about-us');
    expect(redirectFor('/', '?cat=5')).toBe('/sections/news');
    expect(redirectFor('/', '?author=2')).toBe('/authors/nell-harrow');
    expect(redirectFor('/', '?tag=caf%C3%A9')).toBe('/tags/cafe');
    expect(redirectFor('/', '?tag=café')).toBe('/tags/cafe');
    // Anywhere else a query string is just a query string.
    expect(redirectFor('/2019/05/tide-tables', '?p=123')).toBe('/articles/tide-tables');
    expect(redirectFor('/sections/x', '?p=123')).toBeNull();
  });

  it('ignores other parameters, reads a repeated one by its last value, and checks ids are numbers', () => {
    expect(redirectFor('/', '?p=123&preview=true')).toBe('/articles/ferry-strike');
    expect(redirectFor('/', '?utm_source=x&p=0123')).toBe('/articles/ferry-strike');
    expect(redirectFor('/', '?p=1&p=123')).toBe('/articles/ferry-strike');
    expect(redirectFor('/', '?p=123&p=1')).toBeNull();
    expect(redirectFor('/', '?p=abc')).toBeNull();
    expect(redirectFor('/', '?p=12.3')).toBeNull();
    expect(redirectFor('/', '?p=-123')).toBeNull();
    expect(redirectFor('/', '?p=0')).toBeNull();
    expect(redirectFor('/', '?p=')).toBeNull();
    expect(redirectFor('/', '?p=99999999999999999999999')).toBeNull();
    expect(redirectFor('/', '?p=%E0%A4%A')).toBeNull();
    expect(redirectFor('/', '?page=2')).toBeNull();
    expect(redirectFor('/', '')).toBeNull();
    expect(redirectFor('/', '?')).toBeNull();
    // A post's feed is the post; a category's feed is its section's feed.
    expect(redirectFor('/', '?p=123&feed=rss2')).toBe('/articles/ferry-strike');
    expect(redirectFor('/', '?cat=5&feed=rss2')).toBe('/sections/news/feed.xml');
  });

  it('reads no huge query string', () => {
    expect(redirectFor('/', `?p=123&x=${'a'.repeat(10_000)}`)).toBeNull();
    expect(redirectFor('/', `?x=${'a'.repeat(3_000)}&p=123`)).toBe('/articles/ferry-strike');
    expect(redirectFor('/', `?${'p=1&'.repeat(900)}p=123`)).toBe('/articles/ferry-strike');
  });

  it('answers the query forms that need no row: search, date archives and the feed', () => {
    expect(redirectFor('/', '?s=ferry+strike')).toBe('/search?q=ferry%20strike');
    expect(redirectFor('/', '?m=201905')).toBe('/search?from=2019-05-01&to=2019-05-31');
    expect(redirectFor('/', '?m=2019')).toBe('/search?from=2019-01-01&to=2019-12-31');
    expect(redirectFor('/', '?m=20190229')).toBeNull();
    expect(redirectFor('/', '?year=2020&monthnum=2')).toBe('/search?from=2020-02-01&to=2020-02-29');
    expect(redirectFor('/', '?feed=rss2')).toBe('/feed.xml');
    // A stored row wins.
    expect(redirectFor('/', '?p=123&s=other')).toBe('/articles/ferry-strike');
    // index.php alone is the front page.
    expect(redirectFor('/index.php', '')).toBe('/');
    expect(redirectFor('/index.php', '?p=999')).toBe('/');
  });

  it('answers dotted permalinks and index.php permalinks', () => {
    expect(redirectFor('/2019/05/ferry-strike.html')).toBe('/articles/ferry-strike');
    expect(redirectFor('/2019/05/ferry-strike.html/')).toBe('/articles/ferry-strike');
    expect(redirectFor('/index.php/2019/05/ferry-strike.html')).toBe('/articles/ferry-strike');
    expect(redirectFor('/2019/05/unknown.html')).toBeNull();
    expect(redirectFor('/feed.xml')).toBeNull();
    expect(redirectFor('/robots.txt')).toBeNull();
    // The rest of an index.php address is an address of ours, never another host.
    expect(redirectFor('/index.php/sections/news')).toBe('/sections/news');
    expect(redirectFor('/index.php//evil.example')).toBe('/evil.example');
    expect(redirectFor('/index.php/\\evil.example')).toBeNull();
  });

  it('answers archives, feeds and AMP copies, a stored row winning over a generic shape', () => {
    expect(redirectFor('/category/news')).toBe('/sections/news');
    expect(redirectFor('/category/news/')).toBe('/sections/news');
    expect(redirectFor('/category/news/feed')).toBe('/sections/news/feed.xml');
    expect(redirectFor('/category/news/feed/atom')).toBe('/sections/news/feed.xml');
    expect(redirectFor('/category/news/page/3')).toBe('/sections/news?page=3');
    expect(redirectFor('/tag/ferries/feed/')).toBe('/tags/ferries/feed.xml');
    expect(redirectFor('/author/nell/feed')).toBe('/authors/nell-harrow/feed.xml');
    expect(redirectFor('/2019/05/tide-tables/feed')).toBe('/articles/tide-tables');
    expect(redirectFor('/2019/05/tide-tables/amp/')).toBe('/articles/tide-tables');
    expect(redirectFor('/2019/05/tide-tables/page/2')).toBe('/articles/tide-tables');
    expect(redirectFor('/category/unknown/feed')).toBeNull();
    expect(redirectFor('/2019')).toBe('/articles/a-post-called-2019');
  });

  it('answers site feeds and date archives with no row', () => {
    for (const feed of ['/feed', '/feed/', '/rss/', '/feed/rss2/', '/feed/atom/', '/comments/feed/', '/wp-rss2.php']) {
      expect(redirectFor(feed), feed).toBe('/feed.xml');
    }
    expect(redirectFor('/2018/')).toBe('/search?from=2018-01-01&to=2018-12-31');
    expect(redirectFor('/2019/05/')).toBe('/search?from=2019-05-01&to=2019-05-31');
    expect(redirectFor('/2019/05/01/')).toBe('/search?from=2019-05-01&to=2019-05-01');
    expect(redirectFor('/2020/02/29')).toBe('/search?from=2020-02-29&to=2020-02-29');
    expect(redirectFor('/2019/05/page/2')).toBe('/search?from=2019-05-01&to=2019-05-31');
    for (const bad of ['/2019/13/', '/2019/00', '/2019/02/29', '/2019/05/32', '/0999', '/20190', '/2019/5']) {
      expect(redirectFor(bad), bad).toBeNull();
    }
  });

  it('cuts a long search by characters, never through an emoji', () => {
    const query = `${'a'.repeat(199)}😀 tail`;
    expect(redirectFor('/', `?s=${encodeURIComponent(query)}`)).toBe(`/search?q=${'a'.repeat(199)}${encodeURIComponent('😀')}`);
  });

  it('never hides a published page, never loops, never leaves the site, never shadows our own addresses', () => {
    expect(redirectFor('/contact')).toBeNull();
    expect(redirectFor('/contact/')).toBeNull();
    expect(redirectFor('/about-us')).toBeNull();
    expect(redirectFor('/about-us/feed')).toBe('/about-us');
    // A page's suffixes are the page's, whatever an old row for its address says.
    expect(redirectFor('/contact/feed')).toBe('/contact');
    expect(redirectFor('/contact/amp')).toBe('/contact');
    expect(redirectFor('/gone')).toBeNull();
    expect(redirectFor('/search')).toBeNull();
    setRedirects([{ kind: 'page', slug: 'feed' }]);
    expect(redirectFor('/feed')).toBeNull();
    expect(redirectFor('/rss')).toBe('/feed.xml');
  });

  it('survives malformed escapes and odd paths', () => {
    setRedirects([{ kind: 'legacy', oldPath: '/2019/05/café.html', target: '/articles/cafe' }]);
    expect(redirectFor('/2019/05/caf%C3%A9.html')).toBe('/articles/cafe');
    expect(redirectFor('/2019/05/caf%E9.html')).toBeNull();
    expect(redirectFor('/%E0%A4%A')).toBeNull();
    expect(redirectFor('/%E0%A4%A/feed')).toBeNull();
    expect(redirectFor('/index.php/%E0%A4%A')).toBe('/%E0%A4%A');
    expect(redirectFor(`/${'a/'.repeat(2000)}feed`)).toBeNull();
    expect(redirectFor(`/${'x'.repeat(100_000)}`)).toBeNull();
  });

  it('answers nothing before the table is loaded', () => {
    const registry = (globalThis as { __broadsheetRedirects?: { legacy?: unknown; byPath: unknown } }).__broadsheetRedirects!;
    const saved = { ...registry };
    registry.legacy = undefined;
    registry.byPath = null;
    expect(redirectFor('/feed')).toBeNull();
    expect(redirectFor('/', '?p=123')).toBeNull();
    Object.assign(registry, saved);
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
