import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ghostContentToHtml, reshapeGhostCards } from './ghost-content';
import { GhostExportError, ghostTables, mapGhostPost, readGhostTables, streamGhostPosts } from './ghost';

const FIXTURE = 'e2e/fixtures/ghost/harbour-gazette.json';
const dir = mkdtempSync(join(tmpdir(), 'ghost-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function allPosts(file: string) {
  const posts: unknown[] = [];
  await streamGhostPosts(file, async (raw) => void posts.push(raw));
  return posts;
}

describe('reading a Ghost export', () => {
  it('reads the tables without the posts, then streams the posts one by one', async () => {
    const data = await readGhostTables(FIXTURE);
    expect(data.posts).toBeUndefined();
    const tables = ghostTables(data);
    expect(tables.siteUrl).toBe('http://ghost-fixture.invalid');
    expect([...tables.tags.values()].map((t) => t.slug)).toEqual(['harbour', 'ferries']); // the internal #tag is left out
    expect(tables.authors.get('6630a1')).toMatchObject({ slug: 'mira', name: 'Mira Ødegård' });
    expect(tables.tagsByPost.get('p1')).toEqual(['t1', 't2']); // in Ghost's sort order
    const posts = await allPosts(FIXTURE);
    expect(posts).toHaveLength(6);
  });

  it('reads an export that is not wrapped in db: [...]', async () => {
    const file = join(dir, 'bare.json');
    writeFileSync(file, JSON.stringify({ meta: {}, data: { posts: [{ id: 'a', title: 'T', slug: 't', status: 'published' }], tags: [] } }));
    expect((await readGhostTables(file)).tags).toEqual([]);
    expect(await allPosts(file)).toHaveLength(1);
  });

  it('refuses a file that is not JSON, or not a Ghost export, with the file named', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"db": [{"data": {"posts": [ {"id": "a"');
    await expect(allPosts(broken)).rejects.toBeInstanceOf(GhostExportError);
    await expect(readGhostTables(broken)).rejects.toThrow(/broken\.json: not valid JSON/);
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"hello": "world"}');
    await expect(readGhostTables(other)).rejects.toThrow(/not a Ghost export/);
  });
});

describe('mapping a Ghost post', () => {
  it('maps a published post with its tags, authors in order, cover and old addresses', async () => {
    const tables = ghostTables(await readGhostTables(FIXTURE));
    const [first] = await allPosts(FIXTURE);
    const mapped = mapGhostPost(first, tables);
    if (!mapped.ok) throw new Error(mapped.reason);
    expect(mapped.post).toMatchObject({
      kind: 'post',
      slug: 'north-quay-reopens',
      status: 'published',
      standfirst: 'The harbour board votes to reopen the north quay.',
      seoDescription: 'The north quay reopens.',
      cover: { url: 'http://ghost-fixture.invalid/content/images/2024/05/cover.jpg', alt: 'Ferries at the north quay', caption: 'The first ferry in.' },
      oldPaths: ['/north-quay-reopens', '/north-quay-reopens/amp'],
    });
    expect(mapped.post.publishedAt?.toISOString()).toBe('2024-05-14T09:30:00.000Z');
    expect(mapped.post.tags.map((t) => t.slug)).toEqual(['harbour', 'ferries']);
    expect(mapped.post.authors.map((a) => a.slug)).toEqual(['mira', 'tom']);
  });

  it('knows pages (type, or page: 1 in old exports), drafts, Ghost’s SQL dates, and refuses rows without a status', async () => {
    const tables = ghostTables(await readGhostTables(FIXTURE));
    const results = (await allPosts(FIXTURE)).map((p) => mapGhostPost(p, tables));
    const ok = results.flatMap((r) => (r.ok ? [r.post] : []));
    expect(ok.find((p) => p.slug === 'about-the-gazette')).toMatchObject({ kind: 'page', pageStatus: 'published' });
    expect(ok.find((p) => p.slug === 'unfinished-draft')).toMatchObject({ status: 'draft', publishedAt: null, pageStatus: 'draft' });
    expect(ok.find((p) => p.slug === 'lamplighters-return')?.publishedAt?.toISOString()).toBe('2019-03-02T08:00:00.000Z');
    expect(ok.find((p) => p.slug === 'old-html-only')?.publishedAt?.getTime()).toBe(1400000000000);
    expect(mapGhostPost({ id: 'x', title: 'A page', slug: 'a', page: 1, status: 'published' }, tables)).toMatchObject({ ok: true, post: { kind: 'page' } });
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'status "none" is not imported' }]);
    expect(mapGhostPost('not an object', tables).ok).toBe(false);
  });

  it('transliterates a slug it has to make from the title', async () => {
    const tables = ghostTables({});
    const mapped = mapGhostPost({ id: 'x', title: 'Ærøskøbing får ny havn', slug: '', status: 'published' }, tables);
    expect(mapped.ok && mapped.post.slug).toMatch(/^ae?roskobing-far-ny-havn$/);
  });
});

describe('Ghost content to article HTML', () => {
  it('renders Lexical with Ghost’s own renderer: text, headings, lists, image and gallery cards, bookmarks, HTML and Markdown cards', async () => {
    const tables = ghostTables(await readGhostTables(FIXTURE));
    const [first] = (await allPosts(FIXTURE)) as { lexical: string }[];
    const { html, source } = await ghostContentToHtml(first, tables.siteUrl);
    expect(source).toBe('lexical');
    expect(html).toContain('<strong>reopen the north quay</strong>');
    expect(html).toMatch(/<h2[^>]*>What changes for the ferries<\/h2>/);
    expect(html).toMatch(/<ul>\s*<li>Morning sailings return at 06:40\.<\/li>/);
    expect(html).toMatch(
      /<figure><img src="http:\/\/ghost-fixture\.invalid\/content\/images\/2024\/05\/quay\.jpg" alt="The rebuilt north quay at dawn"[^>]*\/?><figcaption>The north quay at dawn\./,
    );
    // The gallery keeps both images and its caption.
    expect(html).toMatch(/<figure class="wp-block-gallery columns-2">.*crane\.jpg.*divers\.jpg.*<figcaption>Three years of work<\/figcaption><\/figure>/s);
    // The bookmark is a plain link: nothing is fetched to show it.
    expect(html).toContain('<a href="https://harbour.example/minutes" rel="noopener">Minutes of the harbour board</a>');
    // The HTML card went through the sanitizer.
    expect(html).toContain('A note from the editor');
    expect(html).not.toMatch(/<script|javascript:|__GHOST_URL__|kg-card/);
    expect(html).toContain('Read <strong>more</strong> in <a href="/tag/harbour/">our archive</a>');
  });

  it('renders mobiledoc with Ghost’s mobiledoc renderer and our cards, and counts cards it does not know', async () => {
    const [, second] = (await allPosts(FIXTURE)) as { mobiledoc: string }[];
    const { html, source, droppedCards } = await ghostContentToHtml(second, 'https://old.example/');
    expect(source).toBe('mobiledoc');
    expect(html).toContain('<p>The lamplighters <em>returned</em> to the quay.</p>');
    expect(html).toMatch(
      /<figure><img src="https:\/\/old\.example\/content\/images\/2019\/03\/lamp\.jpg" alt="A lamplighter at work"[^>]*><figcaption>Lamps on the quay<\/figcaption><\/figure>/,
    );
    expect(html).toMatch(/<h2[^>]*>Older story<\/h2>/);
    expect(droppedCards).toEqual(['unknown-widget']);
  });

  it('falls back to the stored HTML for exports older than mobiledoc', async () => {
    const { html, source } = await ghostContentToHtml({ html: '<p>Plain <strong>HTML</strong><img src="x" onerror="alert(1)"></p>' }, '');
    expect(source).toBe('html');
    expect(html).toMatch(/^<p>Plain <strong>HTML<\/strong><img src="x"[^>]*><\/p>$/);
    expect(html).not.toContain('onerror');
  });

  it('links to the old site’s front page go to ours', async () => {
    const { html } = await ghostContentToHtml({ html: '<p><a href="__GHOST_URL__">Home</a> <a href="__GHOST_URL__/">Home too</a></p>' }, 'https://old.example');
    expect(html).toBe('<p><a href="/">Home</a> <a href="/">Home too</a></p>');
  });

  it('turns an embed iframe into a link', () => {
    expect(reshapeGhostCards('<figure class="kg-card kg-embed-card"><iframe src="https://www.youtube.com/embed/abc"></iframe></figure>')).toContain(
      '<a href="https://www.youtube.com/embed/abc">https://www.youtube.com/embed/abc</a>',
    );
  });
});
