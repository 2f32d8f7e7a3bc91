import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderBody } from '@/lib/markdown/render';
import {
  authorOldPaths,
  commentHtmlToText,
  decodeEntities,
  mapAttachment,
  mapItem,
  mapPage,
  parseWpDate,
  permalinkPath,
  termOldPaths,
  termSlug,
  wordpressContentToBody,
  WxrStreamParser,
  WxrSyntaxError,
  type WxrEvent,
  type WxrRawItem,
} from './wxr';

const FIXTURE = 'e2e/fixtures/wxr/harbour-gazette.xml';

/** Parses a file fed in chunks of `size` characters (chunk borders fall inside tags, CDATA and entities). */
function parse(file: string, size: number): WxrEvent[] {
  const events: WxrEvent[] = [];
  const parser = new WxrStreamParser(file, (e) => events.push(e));
  const text = readFileSync(file, 'utf8');
  for (let i = 0; i < text.length; i += size) parser.write(text.slice(i, i + size));
  parser.end();
  return events;
}

const items = (events: WxrEvent[]) => events.flatMap((e) => (e.kind === 'item' ? [e.item] : []));

describe('WxrStreamParser', () => {
  it('gives the same items whatever the chunk size', () => {
    const whole = parse(FIXTURE, 1_000_000);
    for (const size of [1, 7, 100, 4096]) expect(parse(FIXTURE, size)).toEqual(whole);
    expect(whole[0]).toEqual({ kind: 'site', site: 'gazette.example.org' });
    expect(whole.filter((e) => e.kind === 'author')).toHaveLength(2);
    expect(items(whole)).toHaveLength(13);
  });

  it('reads CDATA, entities, terms and every comment of an item', () => {
    const [first] = items(parse(FIXTURE, 4096));
    expect(first.title).toBe('Lamplighters’ strike ends & the quay is lit again 🏮');
    expect(first.content).toContain('<strong>lamplighters</strong>');
    expect(first.terms.map((t) => `${t.domain}:${t.nicename}`)).toEqual(['category:harbour-life', 'post_tag:lamplighters', 'post_tag:strikes']);
    expect(first.comments.map((c) => `${c.id}<${c.parent}`)).toEqual(['12<11', '10<0', '11<10', '13<0', '14<0', '15<0', '16<0']);
  });

  it('reports broken XML with its file and line', () => {
    expect(() => parse('e2e/fixtures/wxr/broken.xml', 50)).toThrow(WxrSyntaxError);
    try {
      parse('e2e/fixtures/wxr/broken.xml', 50);
    } catch (err) {
      expect((err as WxrSyntaxError).line).toBe(16);
      expect((err as Error).message).toMatch(/^e2e\/fixtures\/wxr\/broken\.xml:16:\d+: /);
    }
  });

  it('refuses a truncated file and XML that is not an export', () => {
    const run = (xml: string) => () => {
      const p = new WxrStreamParser('x.xml', () => {});
      p.write(xml);
      p.end();
    };
    expect(run('<rss><channel><item><title>x</title>')).toThrow(WxrSyntaxError);
    expect(run('<html><body/></html>')).toThrow(/not a WordPress export/);
    expect(run('<rss version="2.0"></rss>')).toThrow(/no <rss><channel>/);
  });
});

describe('mapItem', () => {
  const all = items(parse(FIXTURE, 4096));
  const byId = (id: string) => all.find((i) => i.postId === id)!;
  const post = (id: string) => {
    const m = mapItem(byId(id));
    if (!m.ok) throw new Error(m.reason);
    return m.post;
  };

  it('maps statuses, leaving out pages, attachments and trash', () => {
    expect(['101', '107', '108', '109', '110'].map((id) => post(id).status)).toEqual(['published', 'draft', 'review', 'scheduled', 'unpublished']);
    expect(post('107').publishedAt).toBeNull();
    expect(post('109').publishedAt?.toISOString()).toBe('2099-05-01T08:00:00.000Z');
    expect(mapItem(byId('2'))).toEqual({ ok: false, reason: 'post type "page" is not an article' });
    expect(mapItem(byId('7'))).toEqual({ ok: false, reason: 'post type "attachment" is not an article' });
    expect(mapItem(byId('111'))).toEqual({ ok: false, reason: 'status "trash" is not imported' });
  });

  it('decodes titles and slugs, and keeps the old permalink path', () => {
    const p = post('101');
    expect(p.title).toBe('Lamplighters’ strike ends & the quay is lit again 🏮');
    expect(p.slug).toBe('lamplighters-strike-ends');
    expect(p.oldPaths).toEqual(['/?p=101', '/2019/05/lamplighters-strike-ends']);
    expect(p.section).toEqual({ slug: 'harbour-life', name: 'Harbour Life' });
    expect(p.tags.map((t) => t.slug)).toEqual(['lamplighters', 'strikes']);
    expect(p.standfirst).toBe('The quay is lit again.');
    const cafe = post('102');
    expect(cafe.slug).toBe('zurich-cafe');
    expect(cafe.oldPaths).toEqual(['/?p=102', '/2019/06/zürich-cafe']);
    expect(cafe.section).toBeNull(); // "Uncategorized" is not a section
    expect(post('107').slug).toBe('unfinished-draft');
  });

  it('maps comment statuses and leaves out pingbacks', () => {
    const p = post('101');
    expect(Object.fromEntries(p.comments.map((c) => [c.sourceId, c.status]))).toEqual({
      '10': 'approved',
      '11': 'approved',
      '12': 'approved',
      '13': 'pending',
      '14': 'spam',
      '15': 'trash',
    });
    expect(p.skippedComments).toEqual([{ sourceId: '16', reason: 'pingbacks are not replies' }]);
    const ada = p.comments.find((c) => c.sourceId === '10')!;
    expect(ada.authorEmail).toBe('ada@example.org');
    expect(ada.body).toBe('About time! Well done & thanks.\nSee my photos (https://ada.example.org/lamps).');
    expect(ada.createdAt.toISOString()).toBe('2019-05-15T10:00:00.000Z');
  });

  it('refuses an item without a numeric id', () => {
    expect(mapItem({ ...byId('101'), postId: 'abc' } as WxrRawItem).ok).toBe(false);
  });
});

describe('attachments, pages, terms and authors', () => {
  const events = (xml: string) => {
    const out: WxrEvent[] = [];
    const p = new WxrStreamParser('x.xml', (e) => out.push(e));
    p.write(xml);
    p.end();
    return out;
  };
  const media = readFileSync('e2e/fixtures/wxr/media-site.xml', 'utf8').replaceAll('{{MEDIA}}', 'https://old.example');
  const all = events(media);
  const item = (id: string) => all.flatMap((e) => (e.kind === 'item' && e.item.postId === id ? [e.item] : []))[0];

  it('reads channel terms, author ids and the post meta it needs', () => {
    const terms = all.flatMap((e) => (e.kind === 'term' ? [e.term] : []));
    expect(terms[0]).toEqual({ id: '21', taxonomy: 'category', slug: 'ferries', name: 'Ferries' });
    expect(terms.find((t) => t.taxonomy === 'post_tag')).toEqual({ id: '31', taxonomy: 'post_tag', slug: 'night-crossing', name: 'Night crossing' });
    expect(terms.at(-1)).toEqual({ id: '41', taxonomy: 'nav_menu', slug: 'main-menu', name: 'Main menu' });
    expect(all.find((e) => e.kind === 'author')).toMatchObject({ author: { login: 'maren', id: '7' } });
    expect(item('301').meta).toEqual({ _thumbnail_id: '201' });
    expect(item('301').comments).toHaveLength(1);
  });

  it('maps an attachment and a featured image to a cover', () => {
    const attachment = mapAttachment(item('201'))!;
    expect(attachment).toEqual({
      sourceId: '201',
      url: 'https://old.example/wp-content/uploads/2020/03/ferry.jpg',
      alt: 'The ferry Quay Queen leaving the harbour',
      caption: 'The Quay Queen at dusk. Photo: M. Quist',
      title: 'ferry.jpg',
      parent: '301',
    });
    const mapped = mapItem(item('301'), { attachment: (id) => (id === '201' ? attachment : undefined) });
    expect(mapped.ok && mapped.post.cover).toBe(attachment);
    expect(mapped.ok && mapped.post.oldPaths).toEqual(['/?p=301', '/2020/03/night-ferry-returns']);
    expect(mapAttachment(item('301'))).toBeNull();
  });

  it('maps pages: published or draft, with their old addresses', () => {
    const about = mapPage(item('401'));
    expect(about.ok && about.page).toMatchObject({
      slug: 'about',
      status: 'published',
      bodyFormat: 'html',
      oldPaths: ['/?page_id=401', '/?p=401'],
      permalink: '/about',
    });
    const search = mapPage(item('403'));
    expect(search.ok && search.page.status).toBe('draft');
    expect(mapPage({ ...item('403'), status: 'trash' })).toEqual({ ok: false, reason: 'page status "trash" is not imported' });
    expect(mapPage(item('301'))).toEqual({ ok: false, reason: 'post type "post" is not a page' });
  });

  it('gives the old archive addresses of categories, tags and authors', () => {
    expect(termOldPaths({ id: '21', taxonomy: 'category', slug: 'ferries', name: 'Ferries' })).toEqual([
      { path: '/?cat=21', feed: false },
      { path: '/category/ferries', feed: false },
      { path: '/category/ferries/feed', feed: true },
    ]);
    expect(termOldPaths({ id: '31', taxonomy: 'post_tag', slug: 'z%C3%BCrich', name: 'Zürich' }).map((p) => p.path)).toEqual([
      '/?tag=zürich',
      '/tag/zürich',
      '/tag/zürich/feed',
    ]);
    expect(termOldPaths({ id: '41', taxonomy: 'nav_menu', slug: 'main', name: 'Main' })).toEqual([]);
    expect(authorOldPaths({ id: '7', login: 'Maren Q', email: '', displayName: '' }).map((p) => p.path)).toEqual([
      '/?author=7',
      '/author/maren-q',
      '/author/maren-q/feed',
    ]);
    expect(termSlug('z%C3%BCrich', 'Zürich')).toBe('zurich');
  });
});

describe('wordpressContentToBody', () => {
  it('wraps paragraphs, keeps line breaks and blocks, and sanitizes', () => {
    const body = wordpressContentToBody(
      'One <em>two</em>\nthree\n\n<h2>Head</h2>\n\n<script>x()</script><p onclick="y()">Four <a href="javascript:z()">z</a></p>',
    );
    expect(body).toBe('<p>One <em>two</em><br />\nthree</p>\n<h2>Head</h2>\n<p>Four <a>z</a></p>');
  });

  it('is stored as HTML: rendered as HTML, a [caption] as a figure, Markdown characters literal', () => {
    const body = wordpressContentToBody(
      '[caption id="1"]<img src="https://x.example/a.jpg" alt="A" /> Cap[/caption]\n\n# not a heading *not em*\n\n1. not a list',
    );
    const html = renderBody(body, 'html');
    expect(html).toContain('<figure><img src="https://x.example/a.jpg" alt="A" loading="lazy" /><figcaption>Cap</figcaption></figure>');
    expect(html).toContain('<p># not a heading *not em*</p>');
    expect(html).toContain('<p>1. not a list</p>');
    expect(html).not.toContain('[caption');
  });

  it('keeps blank lines inside <pre>, keeps a div’s content and reads block comments', () => {
    expect(wordpressContentToBody('<pre>a\n\nb</pre>')).toBe('<pre>a\n\nb</pre>');
    expect(wordpressContentToBody('<div class="x">Inside a div</div>')).toBe('<div>Inside a div</div>');
    expect(wordpressContentToBody('<!-- wp:paragraph --><p>Block</p><!-- /wp:paragraph -->')).toBe('<p>Block</p>');
  });
});

describe('small helpers', () => {
  it('decodes entities, refusing surrogates', () => {
    expect(decodeEntities('&amp;&#8217;&#x1F3EE;&hellip;&#xD800;&bogus;')).toBe('&’🏮…&#xD800;&bogus;');
  });
  it('reads WordPress and RSS dates, not the zero date', () => {
    expect(parseWpDate('2019-05-15 09:30:00')?.toISOString()).toBe('2019-05-15T09:30:00.000Z');
    expect(parseWpDate('0000-00-00 00:00:00', '', 'Wed, 15 May 2019 09:30:00 +0000')?.toISOString()).toBe('2019-05-15T09:30:00.000Z');
    expect(parseWpDate('0000-00-00 00:00:00')).toBeNull();
  });
  it('keeps permalink paths, not ?p= addresses', () => {
    expect(permalinkPath('https://x.example/2019/05/a/')).toBe('/2019/05/a');
    expect(permalinkPath('https://x.example/?p=12')).toBeNull();
    expect(permalinkPath('https://x.example/')).toBeNull();
    expect(permalinkPath('not a url')).toBeNull();
  });
  it('turns comment HTML into reply text', () => {
    expect(commentHtmlToText('<p>Hi <script>x</script><b>there</b></p><p>Two<br/>lines &lt;b&gt;</p>')).toBe('Hi there\n\nTwo\nlines <b>');
  });
});

describe('WordPress.com exports and titles with markup', () => {
  it('keys ids by the blog’s own address, not WordPress.com’s, and keeps a title’s words without its tags', () => {
    const events: WxrEvent[] = [];
    const parser = new WxrStreamParser('t.xml', (e) => events.push(e));
    parser.write(`<?xml version="1.0"?><rss xmlns:wp="https://wordpress.org/export/1.2/"><channel>
      <wp:base_site_url>https://wordpress.com/</wp:base_site_url><wp:base_blog_url>https://harbourblog.wordpress.com</wp:base_blog_url>
      <item><title><![CDATA[Markup: Title <em>With</em> <b>Mark<sup>up</sup></b> &amp; more]]></title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>
      </channel></rss>`);
    parser.end();
    expect(events[0]).toEqual({ kind: 'site', site: 'harbourblog.wordpress.com' });
    const item = events.find((e) => e.kind === 'item');
    const mapped = item?.kind === 'item' ? mapItem(item.item) : null;
    expect(mapped?.ok && mapped.post.title).toBe('Markup: Title With Markup & more');
  });
});
