import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPageSlug, OWN_ADDRESSES, pageSlugProblem } from './slug';
import { PageFormSchema } from './schema';

// Next's own files in app/ that are not addresses.
const NOT_ROUTES = /^(layout|page|error|global-error|not-found|loading|template|default|globals|instrumentation)\.[a-z]+$|\.(ts|tsx)$/;

/** Every top-level address app/ answers: folders (route groups looked into) and route files such as robots.txt. */
function topLevelAddresses(): string[] {
  const names: string[] = [];
  for (const dir of ['app', 'app/(site)', 'app/(auth)']) {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        // A route folder may carry a dot (feed.xml/route.ts): its address without the extension is refused too.
        if (!e.name.startsWith('(') && !e.name.startsWith('[')) names.push(e.name.replace(/\.[^.]+$/, ''));
      } else if (!NOT_ROUTES.test(e.name)) {
        names.push(e.name.replace(/\.[^.]+$/, ''));
      }
    }
  }
  return names;
}

describe('page slugs', () => {
  it('refuses every top-level address the app has (a new route folder must be added to OWN_ADDRESSES)', () => {
    const names = topLevelAddresses();
    expect(names).toEqual(expect.arrayContaining(['articles', 'admin', 'api', 'search', 'login', 'media', 'robots', 'feed', 'sitemap']));
    for (const name of names) {
      expect(OWN_ADDRESSES as readonly string[], name).toContain(name);
      expect(isPageSlug(name), name).toBe(false);
    }
  });

  it('says why a slug is refused', () => {
    expect(pageSlugProblem('search')).toBe('The address /search belongs to the site itself. Choose another slug.');
    expect(pageSlugProblem('wp-admin')).toMatch(/belongs to the site itself/);
    expect(pageSlugProblem('2019')).toMatch(/at least one letter/);
    expect(pageSlugProblem('About Us')).toMatch(/lower-case letters/);
    expect(pageSlugProblem('about--us')).toMatch(/lower-case letters/);
    expect(pageSlugProblem('about.html')).toMatch(/lower-case letters/);
    expect(pageSlugProblem('a'.repeat(81))).toMatch(/at most 80/);
  });

  it('accepts the pages a newsroom has', () => {
    for (const slug of ['about', 'contact', 'corrections-policy', 'ethics-policy', 'tips', 'team-2026']) expect(isPageSlug(slug), slug).toBe(true);
  });
});

describe('PageFormSchema', () => {
  it('makes a blank slug from the title and refuses one that shadows the site', () => {
    expect(PageFormSchema.parse({ title: 'Corrections policy', slug: '', body: 'x' })).toEqual({
      title: 'Corrections policy',
      slug: 'corrections-policy',
      body: 'x',
    });
    expect(PageFormSchema.parse({ title: 'About', slug: ' About-Us ', body: '' }).slug).toBe('about-us');
    const search = PageFormSchema.safeParse({ title: 'Search', slug: '', body: '' });
    expect(search.success).toBe(false);
    expect(search.error?.issues[0]).toMatchObject({ path: ['slug'], message: expect.stringContaining('/search belongs to the site') });
    const empty = PageFormSchema.safeParse({ title: '!!!', slug: '', body: '' });
    expect(empty.error?.issues[0]).toMatchObject({ path: ['slug'], message: expect.stringContaining('Please enter a slug') });
    expect(PageFormSchema.safeParse({ title: ' ', slug: 'ok', body: '' }).error?.issues[0]).toMatchObject({ path: ['title'] });
  });
});
