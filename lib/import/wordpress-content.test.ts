import { describe, expect, it } from 'vitest';
import { dropStrayBreaks, isEmbedUrl, wordpressContentToHtml, type WordPressAttachment } from './wordpress-content';

const html = (content: string, ctx = {}) => wordpressContentToHtml(content, ctx).html;

/** Every <br> in the output with the tag before and after it, for "no break between blocks" checks. */
const breaksBetweenBlocks = (out: string) =>
  out.match(
    /<\/?(?:p|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|caption|blockquote|figure|figcaption|pre|div|hr)\b[^>]*>\s*<br\s*\/?>|<br\s*\/?>\s*<\/?(?:p|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|caption|blockquote|figure|figcaption|pre|div|hr)\b/g,
  ) ?? [];

describe('classic content (wpautop, the cases of WordPress’s own tests)', () => {
  it('makes paragraphs from blank lines and line breaks from single newlines (the "first post")', () => {
    const out = html(
      'Welcome to WordPress!  This post contains important information.\n\nFirst things first:\n<ul>\n<li><a href="https://wordpress.org/">Subscribe</a></li>\n</ul>\nAs a subscriber, you will receive an email.\nWhen a new version is released, log in.\nUpgrading is a couple of clicks!\n\nThank you for selecting WordPress.',
    );
    expect(out).toBe(
      '<p>Welcome to WordPress!  This post contains important information.</p>\n<p>First things first:</p>\n<ul>\n<li><a href="https://wordpress.org/" rel="noopener">Subscribe</a></li>\n</ul>\n<p>As a subscriber, you will receive an email.<br />\nWhen a new version is released, log in.<br />\nUpgrading is a couple of clicks!</p>\n<p>Thank you for selecting WordPress.</p>',
    );
  });

  it('treats block-level elements as blocks: no <p> round them, one newline between them, whatever the whitespace', () => {
    const blocks = ['table', 'dl', 'ul', 'ol', 'pre', 'address', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'blockquote', 'figure', 'div'];
    for (const joiner of ['\n\n', '', '\n']) {
      const input = blocks.map((b) => (b === 'hr' ? '<hr />' : `<${b}>foo</${b}>`)).join(joiner);
      const out = html(input);
      expect(out).not.toMatch(/<p>\s*<(?:table|dl|ul|ol|pre|address|h\d|hr|blockquote|figure|div)\b/);
      expect(breaksBetweenBlocks(out)).toEqual([]);
      for (const b of ['dl', 'pre', 'address', 'h5', 'h6', 'div']) expect(out).toContain(`<${b}>`);
    }
  });

  it('paragraphs the text inside a blockquote, and the text before a block', () => {
    expect(html('<blockquote>foo</blockquote>')).toBe('<blockquote><p>foo</p></blockquote>');
    expect(html('a<div>b</div>')).toBe('<p>a</p>\n<div>b</div>');
  });

  it('treats inline elements as inline, keeping the ones the allow-list knows', () => {
    const inlines = ['a', 'em', 'strong', 'small', 's', 'cite', 'q', 'abbr', 'code', 'kbd', 'sub', 'sup', 'i', 'b', 'mark', 'span', 'del', 'ins'];
    const out = html(inlines.map((t) => `<${t}>foo</${t}>`).join('\n\n'));
    expect(out).toBe(inlines.map((t) => `<p><${t}>foo</${t}></p>`).join('\n'));
  });

  it('leaves <pre> text exactly as it was: blank lines, breaks, indentation, shortcodes and URLs', () => {
    const code = '(function(){\n\n  done = 0 [foo bar="1"];\n  https://www.youtube.com/watch?v=x\n});';
    expect(html(`Look at this code\n\n<pre>${code}</pre>\n\nIsn't that cool?`)).toBe(`<p>Look at this code</p>\n<pre>${code}</pre>\n<p>Isn't that cool?</p>`);
    expect(html('<pre>Line1<br />Line2\nActual Line 2</pre>')).toBe('<pre>Line1<br />Line2\nActual Line 2</pre>');
    expect(html('<pre>if (a < b && c > d) {}</pre>')).toBe('<pre>if (a &lt; b &amp;&amp; c &gt; d) {}</pre>');
  });

  it('puts no <br> inside a table, between its rows and cells, or round a caption and colgroup', () => {
    const out = html(
      'Before\n<table>\n<caption>Scores</caption>\n<colgroup><col span="2" /></colgroup>\n<thead>\n<tr>\n<th>Team</th>\n<th>Points</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Rovers</td>\n<td>3\nafter extra time</td>\n</tr>\n</tbody>\n</table>\nAfter',
    );
    expect(out).not.toContain('<br');
    expect(out).toContain('<caption>Scores</caption>');
    expect(out).toContain('<col span="2" />');
    expect(out).toMatch(/^<p>Before<\/p>\n<table>/);
    expect(out).toMatch(/<\/table>\n<p>After<\/p>$/);
  });

  it('keeps lists and definition lists whole, with no <br> between items', () => {
    const out = html(
      '<ul>\n\t<li>one</li>\n\t<li>two\nlines</li>\n</ul>\n<ol start="3">\n<li>three</li>\n</ol>\n<dl>\n\t<dt>Term</dt>\n\t<dd>Its definition</dd>\n\t<dt>Other</dt>\n\t<dd>Another</dd>\n</dl>',
    );
    expect(out).not.toContain('<br');
    expect(out).toContain('<dl>\n<dt>Term</dt>\n<dd>Its definition</dd>\n<dt>Other</dt>\n<dd>Another</dd>\n</dl>');
    expect(out).toContain('<ol start="3">');
    expect(out).not.toMatch(/<p>\s*<(?:ul|ol|dl|li|dt|dd)/);
  });

  it('gives no <br> after headings and a new paragraph after two breaks', () => {
    expect(html('<h2>Title</h2>\nText under it')).toBe('<h2>Title</h2>\n<p>Text under it</p>');
    expect(html('line 1<br>\n<br/>\nline 2<br/>\n<br />\n')).toBe('<p>line 1</p>\n<p>line 2</p>');
    expect(html('line 1<br>\nline 2\nline 3')).toBe('<p>line 1<br />\nline 2<br />\nline 3</p>');
  });

  it('does not add a stray closing paragraph inside a figure', () => {
    expect(html('<figure>\n<img src="https://x.example/a.jpg" alt="A" />\n<figcaption>Caption</figcaption>\n</figure>')).toBe(
      '<figure>\n<img src="https://x.example/a.jpg" alt="A" loading="lazy" /><figcaption>Caption</figcaption></figure>',
    );
  });

  it('sanitizes what it produces', () => {
    const out = html(
      'One\n\n<script>x()</script><p onclick="y()" style="color:red">Four <a href="javascript:z()">z</a></p>\n\n<img src="data:image/png;base64,AAA" onerror="w()">',
    );
    expect(out).not.toMatch(/script|onclick|onerror|style=|javascript:|data:/);
    expect(out).toContain('<p>Four <a>z</a></p>');
  });
});

describe('shortcodes', () => {
  const files: Record<string, WordPressAttachment> = {
    '7': { url: 'https://old.example/wp-content/uploads/quay.jpg', alt: 'The quay', caption: 'The quay at dusk' },
    '8': { url: 'https://old.example/wp-content/uploads/lamp.jpg', alt: 'A lamp', caption: '' },
    '9': { url: 'javascript:alert(1)', alt: 'x', caption: '' },
  };
  const ctx = { attachment: (id: string) => files[id], postAttachmentIds: () => ['8', '7'] };

  it('[caption] becomes a figure with its figcaption (caption as content or as an attribute, image in a link)', () => {
    expect(
      html(
        '[caption id="attachment_6" align="alignright" width="300"]<img src="https://x.example/a.jpg" alt="A" width="300" /> Boats <em>leave</em>[/caption]',
      ),
    ).toBe('<figure><img src="https://x.example/a.jpg" alt="A" width="300" loading="lazy" /><figcaption>Boats <em>leave</em></figcaption></figure>');
    expect(html('[caption caption="Old style"]<a href="https://x.example/big.jpg"><img src="https://x.example/a.jpg" alt="" /></a>[/caption]')).toBe(
      '<figure><a href="https://x.example/big.jpg" rel="noopener"><img src="https://x.example/a.jpg" alt="" loading="lazy" /></a><figcaption>Old style</figcaption></figure>',
    );
  });

  it('a [caption] inside a sentence splits the paragraph rather than sitting inside it', () => {
    expect(html('Before [caption]<img src="https://x.example/a.jpg" alt="" />Cap[/caption] after.')).toBe(
      '<p>Before</p>\n<figure><img src="https://x.example/a.jpg" alt="" loading="lazy" /><figcaption>Cap</figcaption></figure>\n<p>after.</p>',
    );
  });

  it('[gallery ids] becomes a gallery of the imported attachments, in order, with their captions', () => {
    const out = wordpressContentToHtml('[gallery ids="7,8,404,9" columns="2"]', ctx);
    expect(out.html).toBe(
      '<figure class="wp-block-gallery columns-2"><figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/quay.jpg" alt="The quay" loading="lazy" /><figcaption>The quay at dusk</figcaption></figure><figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/lamp.jpg" alt="A lamp" loading="lazy" /></figure></figure>',
    );
    expect(out.removedShortcodes).toEqual([]);
  });

  it('[gallery] without ids shows the post’s own attachments; one with nothing known is removed and listed', () => {
    expect(html('[gallery]', ctx)).toContain(
      'lamp.jpg" alt="A lamp" loading="lazy" /></figure><figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/quay.jpg',
    );
    expect(wordpressContentToHtml('Text\n\n[gallery ids="1,2"]', ctx)).toEqual({ html: '<p>Text</p>', removedShortcodes: ['gallery'] });
  });

  it('[embed] and a bare video URL alone on a line become links; a URL in a sentence stays text', () => {
    expect(html('[embed]https://www.youtube.com/watch?v=abc[/embed]')).toBe(
      '<figure class="wp-block-embed"><a href="https://www.youtube.com/watch?v=abc" rel="noopener">https://www.youtube.com/watch?v=abc</a></figure>',
    );
    expect(html('Watch:\n\nhttps://vimeo.com/12345\n\nDone.')).toBe(
      '<p>Watch:</p>\n<figure class="wp-block-embed"><a href="https://vimeo.com/12345" rel="noopener">https://vimeo.com/12345</a></figure>\n<p>Done.</p>',
    );
    expect(html('See https://vimeo.com/12345 now')).toBe('<p>See https://vimeo.com/12345 now</p>');
    expect(html('https://example.org/not-a-video')).toBe('<p>https://example.org/not-a-video</p>');
    expect(isEmbedUrl('https://youtu.be/x')).toBe(true);
    expect(isEmbedUrl('javascript:alert(1)')).toBe(false);
  });

  it('[video] and [audio] with a source become links', () => {
    expect(html('[video mp4="https://old.example/clip.mp4"][/video]')).toBe(
      '<figure class="wp-block-embed"><a href="https://old.example/clip.mp4" rel="noopener">https://old.example/clip.mp4</a></figure>',
    );
  });

  it('removes any other shortcode, keeps the text between its tags, and lists its name once', () => {
    const out = wordpressContentToHtml(
      'Hello [contact-form-7 id="3" title="Contact"] and [su_box title="Note"]boxed [highlight]words[/highlight][/su_box] [vc_row][vc_column]Built[/vc_column][/vc_row]\n\n[contact-form-7 id="4"]',
    );
    expect(out.html).toBe('<p>Hello  and boxed words Built</p>');
    expect(out.removedShortcodes).toEqual(['contact-form-7', 'highlight', 'su_box', 'vc_column', 'vc_row']);
  });

  it('leaves bracketed words that are not shortcodes, and shows an escaped shortcode as text', () => {
    const out = wordpressContentToHtml('He said [sic] it was [citation needed] true [1]. Type [[gallery]] to add one.');
    expect(out.html).toBe('<p>He said [sic] it was [citation needed] true [1]. Type [gallery] to add one.</p>');
    expect(out.removedShortcodes).toEqual([]);
  });
});

describe('block-editor content (each core block as WordPress saves it)', () => {
  const block = (name: string, inner: string, attrs = '') => `<!-- wp:${name}${attrs ? ` ${attrs}` : ''} -->\n${inner}\n<!-- /wp:${name} -->`;

  it('paragraph and heading keep their markup, without WordPress’s classes, and get no autop', () => {
    expect(html(block('paragraph', '<p class="has-large-font-size">One\ntwo</p>') + '\n\n' + block('heading', '<h2 class="wp-block-heading">Head</h2>'))).toBe(
      '<p>One\ntwo</p>\n<h2>Head</h2>',
    );
    expect(html(block('heading', '<h1 class="wp-block-heading">Top</h1>', '{"level":1}'))).toBe('<h2>Top</h2>');
  });

  it('list with list-item blocks', () => {
    const li = (t: string) => block('list-item', `<li>${t}</li>`);
    expect(html(block('list', `<ul class="wp-block-list">${li('a')}\n\n${li('b')}</ul>`))).toBe('<ul><li>a</li>\n<li>b</li></ul>');
    expect(html(block('list', `<ol class="wp-block-list" start="4">${li('d')}</ol>`, '{"ordered":true,"start":4}'))).toBe('<ol start="4"><li>d</li></ol>');
  });

  it('quote and pullquote keep their citation', () => {
    expect(html(block('quote', `<blockquote class="wp-block-quote">${block('paragraph', '<p>Said.</p>')}<cite>Someone</cite></blockquote>`))).toBe(
      '<blockquote><p>Said.</p><cite>Someone</cite></blockquote>',
    );
    expect(html(block('pullquote', '<figure class="wp-block-pullquote"><blockquote><p>Pulled.</p><cite>Her</cite></blockquote></figure>'))).toBe(
      '<figure class="wp-block-pullquote"><blockquote><p>Pulled.</p><cite>Her</cite></blockquote></figure>',
    );
  });

  it('image with its caption', () => {
    expect(
      html(
        block(
          'image',
          '<figure class="wp-block-image size-large"><img src="https://old.example/a.jpg" alt="A" class="wp-image-5"/><figcaption class="wp-element-caption">Cap</figcaption></figure>',
          '{"id":5}',
        ),
      ),
    ).toBe('<figure class="wp-block-image"><img src="https://old.example/a.jpg" alt="A" loading="lazy" /><figcaption>Cap</figcaption></figure>');
  });

  it('gallery, both the nested-image form (5.9+) and the older list form, with the gallery’s caption', () => {
    const img = (n: number) =>
      block(
        'image',
        `<figure class="wp-block-image size-large"><img src="https://old.example/${n}.jpg" alt="Pic ${n}" class="wp-image-${n}"/></figure>`,
        `{"id":${n}}`,
      );
    const nested = html(
      block(
        'gallery',
        `<figure class="wp-block-gallery has-nested-images columns-default is-cropped">${img(1)}\n\n${img(2)}\n\n${img(3)}<figcaption class="blocks-gallery-caption wp-element-caption">Harbour</figcaption></figure>`,
        '{"linkTo":"none"}',
      ),
    );
    expect(nested).toBe(
      '<figure class="wp-block-gallery columns-3"><figure class="wp-block-image"><img src="https://old.example/1.jpg" alt="Pic 1" loading="lazy" /></figure><figure class="wp-block-image"><img src="https://old.example/2.jpg" alt="Pic 2" loading="lazy" /></figure><figure class="wp-block-image"><img src="https://old.example/3.jpg" alt="Pic 3" loading="lazy" /></figure><figcaption>Harbour</figcaption></figure>',
    );
    const old = html(
      block(
        'gallery',
        '<figure class="wp-block-gallery columns-2 is-cropped"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="https://old.example/1.jpg" alt="One" data-id="1"/><figcaption class="blocks-gallery-item__caption">First</figcaption></figure></li><li class="blocks-gallery-item"><figure><img src="https://old.example/2.jpg" alt="Two"/></figure></li></ul><figcaption class="blocks-gallery-caption">Old</figcaption></figure>',
        '{"ids":[1,2],"columns":2}',
      ),
    );
    expect(old).toBe(
      '<figure class="wp-block-gallery columns-2"><figure class="wp-block-image"><img src="https://old.example/1.jpg" alt="One" loading="lazy" /><figcaption>First</figcaption></figure><figure class="wp-block-image"><img src="https://old.example/2.jpg" alt="Two" loading="lazy" /></figure><figcaption>Old</figcaption></figure>',
    );
  });

  it('table with its header and caption', () => {
    expect(
      html(
        block(
          'table',
          '<figure class="wp-block-table"><table class="has-fixed-layout"><thead><tr><th>H</th></tr></thead><tbody><tr><td>C</td></tr></tbody></table><figcaption class="wp-element-caption">Cap</figcaption></figure>',
        ),
      ),
    ).toBe(
      '<figure class="wp-block-table"><table><thead><tr><th>H</th></tr></thead><tbody><tr><td>C</td></tr></tbody></table><figcaption>Cap</figcaption></figure>',
    );
  });

  it('separator, code and preformatted (text untouched)', () => {
    expect(html(block('separator', '<hr class="wp-block-separator has-alpha-channel-opacity"/>'))).toBe('<hr />');
    expect(html(block('code', '<pre class="wp-block-code"><code>a &lt; b\n\n  [gallery]</code></pre>'))).toBe(
      '<pre><code>a &lt; b\n\n  [gallery]</code></pre>',
    );
    expect(html(block('preformatted', '<pre class="wp-block-preformatted">one\n\n two</pre>'))).toBe('<pre>one\n\n two</pre>');
  });

  it('cover: the image (from its attributes, its <img> or an old style attribute) with the text over it', () => {
    const modern = block(
      'cover',
      `<div class="wp-block-cover"><span aria-hidden="true" class="wp-block-cover__background has-background-dim"></span><img class="wp-block-cover__image-background wp-image-5" alt="" src="https://old.example/c.jpg" data-object-fit="cover"/><div class="wp-block-cover__inner-container">${block('paragraph', '<p class="has-text-align-center">Over it</p>')}</div></div>`,
      '{"url":"https://old.example/c.jpg","id":5,"alt":"Sea","dimRatio":50}',
    );
    expect(html(modern)).toBe(
      '<div class="wp-block-cover"><img class="wp-block-cover__image-background" src="https://old.example/c.jpg" alt="Sea" loading="lazy" /><div class="wp-block-cover__inner-container"><p>Over it</p></div></div>',
    );
    const old = block(
      'cover',
      '<div class="wp-block-cover has-background-dim" style="background-image:url(https://old.example/old.jpg)"><p class="wp-block-cover-text">Old text</p></div>',
      '{}',
    );
    expect(html(old)).toBe(
      '<div class="wp-block-cover"><img class="wp-block-cover__image-background" src="https://old.example/old.jpg" alt="" loading="lazy" /><div class="wp-block-cover__inner-container"><p>Old text</p></div></div>',
    );
  });

  it('columns and column', () => {
    const col = (t: string) => block('column', `<div class="wp-block-column">${block('paragraph', `<p>${t}</p>`)}</div>`);
    expect(html(block('columns', `<div class="wp-block-columns">${col('Left')}\n\n${col('Right')}</div>`))).toBe(
      '<div class="wp-block-columns"><div class="wp-block-column"><p>Left</p></div>\n<div class="wp-block-column"><p>Right</p></div></div>',
    );
  });

  it('buttons and button (links styled as buttons)', () => {
    const button = block(
      'button',
      '<div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="https://example.org/give">Give</a></div>',
    );
    expect(html(block('buttons', `<div class="wp-block-buttons">${button}</div>`))).toBe(
      '<div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link" href="https://example.org/give" rel="noopener">Give</a></div></div>',
    );
  });

  it('embed becomes a plain link with its caption (also the pre-5.6 core-embed/* names)', () => {
    const embed = block(
      'embed',
      '<figure class="wp-block-embed is-type-video is-provider-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=xyz\n</div><figcaption class="wp-element-caption">A video</figcaption></figure>',
      '{"url":"https://www.youtube.com/watch?v=xyz","type":"video"}',
    );
    expect(html(embed)).toBe(
      '<figure class="wp-block-embed"><a href="https://www.youtube.com/watch?v=xyz" rel="noopener">https://www.youtube.com/watch?v=xyz</a><figcaption>A video</figcaption></figure>',
    );
    expect(
      html(
        block(
          'core-embed/twitter',
          '<figure class="wp-block-embed-twitter"><div class="wp-block-embed__wrapper">\nhttps://twitter.com/x/status/1\n</div></figure>',
          '{"url":"https://twitter.com/x/status/1"}',
        ),
      ),
    ).toContain('<a href="https://twitter.com/x/status/1" rel="noopener">');
  });

  it('group and unknown blocks keep their inner HTML; dynamic blocks with none leave nothing', () => {
    expect(html(block('group', `<div class="wp-block-group">${block('paragraph', '<p>In a group</p>')}</div>`))).toBe('<div><p>In a group</p></div>');
    expect(html(block('acme/widget', '<div class="acme"><p>Kept <strong>text</strong></p></div>', '{"x":1}'))).toBe(
      '<div><p>Kept <strong>text</strong></p></div>',
    );
    expect(html('<!-- wp:latest-posts /-->\n\n<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->')).toBe('');
  });

  it('classic parts between blocks are paragraphed; shortcodes inside blocks are handled', () => {
    const out = wordpressContentToHtml(
      `${block('paragraph', '<p>Block</p>')}\n\nFree line one\nline two\n\n${block('paragraph', '<p>Before [su_note]kept[/su_note] after</p>')}\n\n${block('shortcode', '[gallery ids="1"]')}`,
      {
        attachment: (id: string) => ({ url: `https://old.example/${id}.jpg`, alt: '', caption: '' }),
      },
    );
    expect(out.html).toBe(
      '<p>Block</p>\n<p>Free line one<br />\nline two</p>\n<p>Before kept after</p>\n<figure class="wp-block-gallery columns-1"><figure class="wp-block-image"><img src="https://old.example/1.jpg" alt="" loading="lazy" /></figure></figure>',
    );
    expect(out.removedShortcodes).toEqual(['su_note']);
  });

  it('a [caption] inside a paragraph block splits the paragraph', () => {
    expect(html(block('paragraph', '<p>A [caption]<img src="https://x.example/a.jpg" alt="" />Cap[/caption] B</p>'))).toBe(
      '<p>A</p>\n<figure><img src="https://x.example/a.jpg" alt="" loading="lazy" /><figcaption>Cap</figcaption></figure>\n<p>B</p>',
    );
  });
});

describe('dropStrayBreaks', () => {
  it('removes breaks next to block tags and inside tables and lists, never inside <pre>', () => {
    expect(dropStrayBreaks('<h2>A</h2><br />\n<p>b<br />\nc</p><br /><table><tr><td>x<br>y</td></tr></table><pre>p<br>q</pre>')).toBe(
      '<h2>A</h2>\n<p>b<br />\nc</p><table><tr><td>x y</td></tr></table><pre>p<br>q</pre>',
    );
  });
});
