import { describe, expect, it } from 'vitest';
import { imageMarkdown, imageTitle, splitImageTitle } from './figure';
import { renderMarkdown } from './render';

describe('image titles: "Caption — Credit"', () => {
  it('splits at the last lone em dash', () => {
    expect(splitImageTitle('Boats leave — Reuters')).toEqual({ caption: 'Boats leave', credit: 'Reuters' });
    expect(splitImageTitle('The mayor — centre — speaks — AP')).toEqual({ caption: 'The mayor — centre — speaks', credit: 'AP' });
    expect(splitImageTitle('— AP')).toEqual({ caption: '', credit: 'AP' });
    expect(splitImageTitle('No credit here')).toEqual({ caption: 'No credit here', credit: '' });
    // A dash inside a word is not a separator.
    expect(splitImageTitle('Anglo—French talks')).toEqual({ caption: 'Anglo—French talks', credit: '' });
  });

  it('writes titles that read back as the same caption and credit', () => {
    const cases: [string, string][] = [
      ['Boats leave the pier', 'Jane Doe/Reuters'],
      ['Boats leave the pier', ''],
      ['', 'Jane Doe'],
      ['The mayor — centre — speaks', ''],
      ['The mayor — centre', 'AP'],
      ['Wait —', ''],
      ['', ''],
    ];
    for (const [caption, credit] of cases) expect(splitImageTitle(imageTitle(caption, credit)), `${caption} / ${credit}`).toEqual({ caption, credit });
    // A credit with a lone em dash of its own gets an en dash there.
    expect(splitImageTitle(imageTitle('Cap', 'Smith — Agency'))).toEqual({ caption: 'Cap', credit: 'Smith – Agency' });
  });

  it('folds line breaks into spaces', () => {
    expect(imageTitle('Two\nlines', ' a\tcredit ')).toBe('Two lines — a credit');
  });
});

describe('imageMarkdown', () => {
  it('writes the image with a title only when there is a caption or credit', () => {
    expect(imageMarkdown({ src: '/media/a.webp', alt: 'A gull' })).toBe('![A gull](/media/a.webp)');
    expect(imageMarkdown({ src: '/media/a.webp', alt: 'A gull', caption: 'On the pier', credit: 'J. Doe' })).toBe(
      '![A gull](/media/a.webp "On the pier — J. Doe")',
    );
  });

  it('escapes what would end the alt text or the title early, and renders back to the same words', () => {
    const md = imageMarkdown({ src: '/media/a.webp', alt: 'A [big] gull \\', caption: 'He said "hello" (twice)', credit: 'C:\\photos' });
    expect(md).toBe('![A \\[big\\] gull \\\\](/media/a.webp "He said \\"hello\\" (twice) — C:\\\\photos")');
    const html = renderMarkdown(md);
    expect(html).toContain('alt="A [big] gull \\"');
    expect(html).toContain('<figcaption>He said "hello" (twice) <span class="credit">C:\\photos</span></figcaption>');
  });
});
