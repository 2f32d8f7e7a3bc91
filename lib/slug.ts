import transliterateSlug from '@sindresorhus/slugify';

// @sindresorhus/slugify's own replacements, overridden: '&' says nothing in a slug (it would become
// "and"), and neither do its unicorn and heart. ä, ö and ü fold to their base letter, as WordPress and
// Ghost fold them (its default is German's "ae", "oe", "ue"): an imported "zürich-cafe" keeps the slug
// its old site had, and no slug made before the library came in changes.
const REPLACEMENTS: [string, string][] = [['&', ' '], ['🦄', ' '], ['♥', ' '], ...[...'äöüÄÖÜ'].map((c): [string, string] => [c, c.normalize('NFD')[0]])];

// Apostrophes join a word ("L'été" → "lete", "Harbour’s" → "harbours") rather than split it.
const APOSTROPHES = /['’‘`ʼ]/g;

/** Long enough for any title; a pasted essay is cut before the work. */
const MAX_INPUT = 2000;
const MAX_SLUG = 80;

/**
 * A URL slug from a title: lower-case ASCII letters, digits and single hyphens, at most 80 characters
 * (cut at a word's end where it can).
 * Letters from other scripts are transliterated ("Ærøskøbing" → "aeroskobing", "Москва" → "moskva",
 * "Αθήνα" → "athina"), not dropped. A title with nothing to spell (emoji, punctuation) gives "": the
 * caller picks its fallback.
 */
export function slugify(input: string): string {
  const text = input.slice(0, MAX_INPUT).normalize('NFKC').replace(APOSTROPHES, '');
  const slug = transliterateSlug(text, { decamelize: false, customReplacements: REPLACEMENTS });
  if (slug.length <= MAX_SLUG) return slug;
  // Cut at the last whole word (one very long word is cut where it must).
  const cut = slug.slice(0, MAX_SLUG + 1);
  const wordEnd = cut.lastIndexOf('-');
  return (wordEnd >= MAX_SLUG / 2 ? cut.slice(0, wordEnd) : cut.slice(0, MAX_SLUG)).replace(/-+$/, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
