/**
 * A generated WordPress export of any size, for the importer's scale test (scripts/fixture-wxr.ts) and
 * its resumability test: classic and block-editor posts with paragraphs, headings, lists, quotes and
 * tables; threaded comments (some pending or spam, a few pingbacks); categories, tags and a few
 * authors. Deterministic for a given seed. Written piece by piece: memory holds one post.
 */

export type WxrFixtureOptions = { posts: number; comments: number; seed?: number; site?: string };

/** A small, fast, seeded random number generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'harbour quay ferry council tide storm lamp market fishing boat crew night morning bridge pier ' +
  'vote budget school library festival weather wind rain lighthouse crossing captain cargo dock ' +
  'street café bakery museum archive mayor residents plan repair season summer winter harbourmaster ' +
  'rope net catch herring mackerel gull sailor timetable fare ticket route island coast river'
).split(' ');
const NAMES = ['Ada Quayside', 'Bram Ropewalk', 'Cecily Net', 'Dov Tiller', 'Edda Marsh', 'Finn Harbour', 'Gull Watcher', 'Hal Keel', 'Isla Pier', 'Jo Anchor'];
const AUTHORS = [
  { login: 'nell', name: 'Nell Harrow' },
  { login: 'tobias', name: 'Tobias Fenwick' },
  { login: 'maren', name: 'Maren Quist' },
  { login: 'orla', name: 'Orla Dunmore' },
  { login: 'piet', name: 'Piet van Dijk' },
  { login: 'sigrid', name: 'Sigrid Ødegård' },
];
const CATEGORIES = ['News', 'Harbour Life', 'Weather', 'Ferries', 'Council', 'Culture', 'Sport', 'Business', 'Opinion', 'Letters', 'History', 'Food'];

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const pad = (n: number) => String(n).padStart(2, '0');
const wpDate = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

/** Yields the export as text pieces, in file order. */
export function* wxrFixture({ posts, comments, seed = 17, site = 'https://big.example.org' }: WxrFixtureOptions): Generator<string> {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = () => {
    const s = words(6 + Math.floor(rand() * 14));
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(rand() * 4) }, sentence).join(' ');
  const tags = Array.from({ length: 200 }, (_, i) => `${pick(WORDS)} ${pick(WORDS)} ${i}`);

  yield `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
\t<title>Generated Gazette</title>
\t<link>${site}</link>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>${site}</wp:base_site_url>
`;
  for (const [i, a] of AUTHORS.entries()) {
    yield `\t<wp:author><wp:author_id>${i + 2}</wp:author_id><wp:author_login>${cdata(a.login)}</wp:author_login><wp:author_email>${cdata(`${a.login}@big.example.org`)}</wp:author_email><wp:author_display_name>${cdata(a.name)}</wp:author_display_name></wp:author>\n`;
  }
  for (const [i, c] of CATEGORIES.entries()) {
    yield `\t<wp:category><wp:term_id>${i + 10}</wp:term_id><wp:category_nicename>${cdata(slug(c))}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(c)}</wp:cat_name></wp:category>\n`;
  }
  for (const [i, t] of tags.entries()) {
    yield `\t<wp:tag><wp:term_id>${i + 100}</wp:term_id><wp:tag_slug>${cdata(slug(t))}</wp:tag_slug><wp:tag_name>${cdata(t)}</wp:tag_name></wp:tag>\n`;
  }

  let commentId = 1;
  let commentsLeft = comments;
  const start = Date.UTC(2012, 0, 1);
  for (let p = 0; p < posts; p++) {
    const id = 1000 + p;
    const date = new Date(start + p * 6 * 3600 * 1000 + Math.floor(rand() * 3600_000));
    const title = sentence().slice(0, -1);
    const name = `${slug(title).slice(0, 60)}-${id}`;
    const block = rand() < 0.4;
    const parts: string[] = [];
    const n = 3 + Math.floor(rand() * 6);
    for (let i = 0; i < n; i++) {
      const r = rand();
      let html: string;
      if (r < 0.1) html = `<h2>${words(4)}</h2>`;
      else if (r < 0.18) html = `<ul>\n<li>${words(3)}</li>\n<li>${words(4)}</li>\n<li>${words(2)}</li>\n</ul>`;
      else if (r < 0.23) html = `<blockquote>${sentence()}</blockquote>`;
      else if (r < 0.26)
        html = `<table>\n<thead>\n<tr>\n<th>Day</th>\n<th>High water</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Monday</td>\n<td>06:12</td>\n</tr>\n<tr>\n<td>Tuesday</td>\n<td>06:58</td>\n</tr>\n</tbody>\n</table>`;
      else html = paragraph().replace(/^(\S+)/, '<strong>$1</strong>') + (rand() < 0.2 ? ` <a href="https://example.org/${pick(WORDS)}">${words(2)}</a>` : '');
      parts.push(block ? `<!-- wp:paragraph -->\n${html.startsWith('<') ? html : `<p>${html}</p>`}\n<!-- /wp:paragraph -->` : html);
    }
    const postsLeft = posts - p;
    const howMany = postsLeft === 1 ? commentsLeft : Math.min(commentsLeft, Math.floor((commentsLeft / postsLeft) * 2 * rand()));
    commentsLeft -= howMany;
    const category = pick(CATEGORIES);
    const status = rand() < 0.94 ? 'publish' : pick(['draft', 'pending', 'private']);
    let item = `\t<item>
\t\t<title>${cdata(title)}</title>
\t\t<link>${site}/${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${name}/</link>
\t\t<pubDate>${date.toUTCString()}</pubDate>
\t\t<dc:creator>${cdata(pick(AUTHORS).login)}</dc:creator>
\t\t<guid isPermaLink="false">${site}/?p=${id}</guid>
\t\t<content:encoded>${cdata(parts.join('\n\n'))}</content:encoded>
\t\t<excerpt:encoded>${cdata(rand() < 0.5 ? sentence() : '')}</excerpt:encoded>
\t\t<wp:post_id>${id}</wp:post_id>
\t\t<wp:post_date_gmt>${cdata(wpDate(date))}</wp:post_date_gmt>
\t\t<wp:post_name>${cdata(name)}</wp:post_name>
\t\t<wp:status>${cdata(status)}</wp:status>
\t\t<wp:post_type>${cdata('post')}</wp:post_type>
\t\t<category domain="category" nicename="${slug(category)}">${cdata(category)}</category>
`;
    for (let t = Math.floor(rand() * 4); t > 0; t--) {
      const tag = pick(tags);
      item += `\t\t<category domain="post_tag" nicename="${slug(tag)}">${cdata(tag)}</category>\n`;
    }
    const first = commentId;
    for (let c = 0; c < howMany; c++) {
      const cid = commentId++;
      // About half answer an earlier comment of the same post: threads several levels deep.
      const parent = c > 0 && rand() < 0.5 ? first + Math.floor(rand() * c) : 0;
      const r = rand();
      const approved = r < 0.9 ? '1' : r < 0.95 ? '0' : r < 0.98 ? 'spam' : 'trash';
      const who = pick(NAMES);
      const cdate = new Date(date.getTime() + (c + 1) * 60_000);
      item += `\t\t<wp:comment><wp:comment_id>${cid}</wp:comment_id><wp:comment_author>${cdata(who)}</wp:comment_author><wp:comment_author_email>${cdata(`${slug(who)}@example.org`)}</wp:comment_author_email><wp:comment_author_url>${cdata(rand() < 0.2 ? 'https://example.org/' + slug(who) : '')}</wp:comment_author_url><wp:comment_date_gmt>${cdata(wpDate(cdate))}</wp:comment_date_gmt><wp:comment_content>${cdata(sentence() + (rand() < 0.3 ? '\n\n' + sentence() : ''))}</wp:comment_content><wp:comment_approved>${cdata(approved)}</wp:comment_approved><wp:comment_type>${cdata(rand() < 0.01 ? 'pingback' : 'comment')}</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>\n`;
    }
    yield item + '\t</item>\n';
  }
  yield '</channel>\n</rss>\n';
}
