import { beforeEach, describe, expect, it } from 'vitest';
import { redirectFor, setRedirects } from './registry';

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
});
