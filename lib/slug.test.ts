import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['Ærøskøbing får ny havn', 'aeroskobing-far-ny-havn'],
    ['Straße über Köln', 'strasse-uber-koln'],
    ['Москва готовится к зиме', 'moskva-gotovitsya-k-zime'],
    ['Αθήνα: νέο μετρό', 'athina-neo-metro'],
    ['Київ чекає на весну', 'kiyiv-chekaye-na-vesnu'],
    ['Łódź i Gdańsk', 'lodz-i-gdansk'],
    ['Ça va, Göteborg?', 'ca-va-goteborg'],
  ])('transliterates %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('drops apostrophes instead of splitting the word', () => {
    expect(slugify("L'été à Paris")).toBe('lete-a-paris');
    expect(slugify('The harbour’s new ferry')).toBe('the-harbours-new-ferry');
    expect(slugify('Rock ‘n’ roll')).toBe('rock-n-roll');
  });

  it('keeps the slugs it made before: plain titles, accents, ampersands and digits', () => {
    expect(slugify('Council approves riverside park renovation')).toBe('council-approves-riverside-park-renovation');
    expect(slugify('Zürich café opens on Quay Street — 東京 style ✨')).toMatch(/^zurich-cafe-opens-on-quay-street-/);
    expect(slugify('Fish & chips')).toBe('fish-chips');
    expect(slugify('  COVID-19: 2,500 new cases!  ')).toBe('covid-19-2-500-new-cases');
    expect(slugify('iPhone 15 Pro')).toBe('iphone-15-pro');
    expect(slugify('ＦＵＬＬ width')).toBe('full-width');
  });

  it('gives "" for a title with nothing to spell, so the caller picks its fallback', () => {
    expect(slugify('🏮🎉✨')).toBe('');
    expect(slugify('?!… — ***')).toBe('');
    expect(slugify('')).toBe('');
    expect(slugify('🦄 ♥ &')).toBe('');
  });

  it('stops at 80 characters without a trailing hyphen', () => {
    const title = 'Harbour authority announces a sweeping plan to rebuild every quay wall before the winter storms arrive';
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe('harbour-authority-announces-a-sweeping-plan-to-rebuild-every-quay-wall-before');
    expect(slugify(`${'a'.repeat(79)} b`)).toBe('a'.repeat(79));
    expect(slugify('ж'.repeat(100_000)).length).toBe(80);
  });

  it('always matches SLUG_PATTERN when it gives anything', () => {
    for (const title of ['--a--b--', 'Ærø', 'a\u0301b', 'x_y.z/w', 'Ψ', '42', 'Ελληνικά & русский & 日本語']) {
      const slug = slugify(title);
      expect(slug === '' || SLUG_PATTERN.test(slug), `${title} → ${slug}`).toBe(true);
    }
  });
});
