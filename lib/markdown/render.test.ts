import { describe, expect, it } from 'vitest';
import { markdownToPlainText, renderMarkdown } from './render';

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
