import { describe, expect, it } from 'vitest';
import { bodyToPlainText, markdownToPlainText, renderBody, renderMarkdown } from './render';

describe('renderMarkdown', () => {
  it('renders paragraphs, headings and emphasis', () => {
    const html = renderMarkdown('# Top\n\nA *fine* day.\n\n## Sub');
    expect(html).toContain('<h2>Top</h2>');
    expect(html).toContain('<p>A <em>fine</em> day.</p>');
    expect(html).toContain('<h2>Sub</h2>');
  });

  it('strips scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('javascript:');
  });

  it('marks external links noopener and keeps internal ones plain', () => {
    expect(renderMarkdown('[a](https://example.org)')).toContain('rel="noopener"');
    expect(renderMarkdown('[a](/articles/x)')).not.toContain('rel=');
  });

  it('gives plain text for descriptions', () => {
    expect(markdownToPlainText('**Bold** & [link](/x)\n\nNext')).toBe('Bold & link Next');
  });
});

describe('images with a caption and a credit', () => {
  it('turns an image alone in its paragraph with a title into a figure with a caption and a credit', () => {
    const html = renderMarkdown('Before.\n\n![The pier at dawn](/media/ab/pier.webp "Boats leave the pier — Jane Doe/Reuters")\n\nAfter.');
    expect(html).toContain(
      '<figure><img src="/media/ab/pier.webp" alt="The pier at dawn" loading="lazy" /><figcaption>Boats leave the pier <span class="credit">Jane Doe/Reuters</span></figcaption></figure>',
    );
    expect(html).toContain('<p>Before.</p>');
    expect(html).toContain('<p>After.</p>');
  });

  it('shows a caption alone, a credit alone, and a caption with dashes of its own', () => {
    expect(renderMarkdown('![a](/media/x.webp "Only a caption")')).toContain('<figcaption>Only a caption</figcaption>');
    expect(renderMarkdown('![a](/media/x.webp "— Reuters")')).toContain('<figcaption><span class="credit">Reuters</span></figcaption>');
    expect(renderMarkdown('![a](/media/x.webp "The mayor — centre — speaks —")')).toContain('<figcaption>The mayor — centre — speaks</figcaption>');
  });

  it('leaves images without a title, or inside a sentence, as plain images', () => {
    expect(renderMarkdown('![a](/media/x.webp)')).toBe('<p><img src="/media/x.webp" alt="a" loading="lazy" /></p>\n');
    const inline = renderMarkdown('See ![a](/media/x.webp "Cap — Credit") here.');
    expect(inline).not.toContain('<figure>');
    expect(inline).toContain('title="Cap — Credit"');
  });

  it('keeps caption and credit text as text: no markup, no attribute injection', () => {
    const html = renderMarkdown(
      '![a" onerror="alert(1)](/media/x.webp "<b>Bold</b> \\" onmouseover=\\"alert(1) — <script>alert(2)</script><span class=\\"credit evil\\">x</span>")',
    );
    expect(html).not.toMatch(/<(b|script)[\s>]/);
    // Attribute names of every tag (quoted values left out): no event handler, whatever the text looked like.
    const names = (html.match(/<[a-z][^>]*>/g) ?? []).flatMap((tag) => tag.replace(/"[^"]*"/g, '').match(/\s[\w-]+(?==)/g) ?? []);
    expect(names.map((n) => n.trim()).sort()).toEqual(['alt', 'class', 'loading', 'src']);
    expect(html).toContain('<figcaption>&lt;b&gt;Bold&lt;/b&gt; " onmouseover="alert(1) <span class="credit">');
    expect(html.match(/<span/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('lets authors’ own spans through only without attributes, and the credit class only', () => {
    expect(renderMarkdown('<span class="credit big" style="color:red" onclick="x()">Hi</span>')).toContain('<span class="credit">Hi</span>');
    expect(renderMarkdown('<span class="hidden">Hi</span>')).toContain('<span>Hi</span>');
    expect(renderMarkdown('<figure><img src="/media/x.webp" alt="a"><figcaption>Cap</figcaption></figure>')).toContain('<figcaption>Cap</figcaption>');
  });

  it('gives the caption and credit as plain text too', () => {
    expect(markdownToPlainText('![a](/media/x.webp "Boats — Reuters")\n\nNext')).toBe('Boats Reuters Next');
  });
});

describe('renderBody and the allow-list for imported HTML', () => {
  it('renders an HTML body as HTML (no Markdown pass) and a Markdown body as Markdown', () => {
    expect(renderBody('<p># not a heading *not em*</p>', 'html')).toBe('<p># not a heading *not em*</p>');
    expect(renderBody('# Heading', 'markdown')).toContain('<h2>Heading</h2>');
  });

  it('keeps definition lists, citations, abbreviations, keys, quotes, marks, addresses, small print, insertions and small headings', () => {
    const html =
      '<dl><dt>Term</dt><dd>Meaning</dd></dl><p><cite>Book</cite> <abbr title="World Health Organisation">WHO</abbr> <kbd>Ctrl</kbd> <q cite="https://example.org/src">Quoted</q> <mark>marked</mark> <small>small</small> <ins>added</ins></p><address>1 Quay St</address><h5>Five</h5><h6>Six</h6>';
    expect(renderBody(html, 'html')).toBe(html);
  });

  it('keeps table captions, column groups and cell spans', () => {
    const html =
      '<table><caption>Scores</caption><colgroup span="2"><col span="1" /></colgroup><thead><tr><th scope="col" colspan="2">H</th></tr></thead><tbody><tr><td rowspan="2">C</td></tr></tbody><tfoot><tr><td>F</td></tr></tfoot></table>';
    expect(renderBody(html, 'html')).toBe(html);
  });

  it('keeps only the listed WordPress layout classes', () => {
    expect(
      renderBody(
        '<figure class="wp-block-gallery columns-3 is-cropped evil"><figure class="wp-block-image size-large"><img class="wp-image-1" src="https://x.example/a.jpg" alt="" /></figure></figure>',
        'html',
      ),
    ).toBe(
      '<figure class="wp-block-gallery columns-3"><figure class="wp-block-image"><img src="https://x.example/a.jpg" alt="" loading="lazy" /></figure></figure>',
    );
    expect(renderBody('<div class="wp-block-cover hidden"><div class="fixed inset-0">Text</div></div>', 'html')).toBe(
      '<div class="wp-block-cover"><div>Text</div></div>',
    );
    expect(renderBody('<a class="wp-block-button__link big" href="/x">Go</a><p class="wp-block-cover">p</p>', 'html')).toBe(
      '<a class="wp-block-button__link" href="/x">Go</a><p>p</p>',
    );
  });

  it('still drops scripts, handlers, styles, iframes, javascript: and data: addresses', () => {
    const out = renderBody(
      '<script>alert(1)</script><style>p{}</style><iframe src="https://evil.example"></iframe><p style="position:fixed" onclick="x()">T</p><a href="javascript:alert(1)">j</a><a href="data:text/html,x">d</a><img src="data:image/png;base64,AAAA" /><img src="javascript:alert(1)" /><q cite="javascript:alert(1)">q</q><q cite="mailto:a@b.c">m</q><abbr title="t" onmouseover="x()">a</abbr><col span="1" style="width:9999px" />',
      'html',
    );
    expect(out).not.toMatch(/script|<style|iframe|style=|onclick|onmouseover|javascript:|data:|mailto:/);
    expect(out).toContain('<p>T</p>');
    expect(out).toContain('<q>q</q>');
  });
});

describe('bodyToPlainText', () => {
  it('reads an HTML body as HTML: block ends part words, Markdown characters stay literal', () => {
    expect(bodyToPlainText('<p># Not *a* heading</p><table><tr><td>a</td><td>b</td></tr></table><dl><dt>T</dt><dd>D</dd></dl>', 'html')).toBe(
      '# Not *a* heading a b T D',
    );
    expect(bodyToPlainText('# A *b*', 'markdown')).toBe('A b');
  });
});
