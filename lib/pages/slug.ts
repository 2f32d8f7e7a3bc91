import { SLUG_PATTERN } from '@/lib/slug';

// A page is served at /{slug} at the site root, beside the site's own addresses: a slug that would
// shadow one of them (or an address an imported site's old links use) is refused. Every top-level
// folder and route file of app/ is listed here; slug.test.ts reads app/ and fails when one is missing.

/** The site's own top-level addresses: every folder of app/, app/(site) and app/(auth), and each route file's name. */
export const OWN_ADDRESSES = [
  'admin',
  'api',
  'articles',
  'authors',
  'brand',
  'corrections',
  'favicon',
  'feed',
  'front',
  'login',
  'media',
  'news-sitemap',
  'robots',
  'search',
  'sections',
  'sitemap',
  'sitemaps',
  'tags',
  'unsubscribe',
] as const;

/**
 * Words kept back: Next's own paths and metadata files, addresses a newsroom may want for itself later,
 * and the archive paths an imported WordPress or Ghost site's old links use (they answer 301s).
 */
export const RESERVED_WORDS = [
  '_next',
  'apple-icon',
  'icon',
  'manifest',
  'opengraph-image',
  'twitter-image',
  'static',
  'public',
  'assets',
  'index',
  'home',
  'page',
  'pages',
  'new',
  'edit',
  'preview',
  'logout',
  'signin',
  'signout',
  'register',
  'account',
  'live',
  'latest',
  'rss',
  'atom',
  'amp',
  'category',
  'tag',
  'author',
  'comments',
  'archive',
  'archives',
  'wp-admin',
  'wp-content',
  'wp-includes',
  'wp-json',
  'wp-login',
  'xmlrpc',
  'ghost',
  'rss-feed',
] as const;

const RESERVED: ReadonlySet<string> = new Set([...OWN_ADDRESSES, ...RESERVED_WORDS]);

export const PAGE_SLUG_MESSAGE = 'Use lower-case letters, digits and single hyphens only (like "about-us").';

/** Why this slug cannot be a page's address, or null when it can. */
export function pageSlugProblem(slug: string): string | null {
  if (slug.length > 80) return 'The slug must be at most 80 characters.';
  if (!SLUG_PATTERN.test(slug)) return PAGE_SLUG_MESSAGE;
  if (RESERVED.has(slug)) return `The address /${slug} belongs to the site itself. Choose another slug.`;
  // A number alone reads as a year or an old post's id (/2019/, ?p=123): imported links use those.
  if (/^[0-9]+$/.test(slug)) return 'A slug needs at least one letter: an address of digits alone looks like a date archive.';
  return null;
}

/** Whether /{slug} can be a page's address (the reader route checks this before any read). */
export const isPageSlug = (slug: string) => pageSlugProblem(slug) === null;
