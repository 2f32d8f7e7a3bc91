// Cache tags for reader pages. A change revalidates exactly the tags of the pages it touches.
export const cacheTags = {
  /** Everything on one article's page (its content and approved replies). */
  article: (id: number) => `article:${id}`,
  /** The page at one slug, including a cached 404 or redirect: creating or renaming revalidates it. */
  articleSlug: (slug: string) => `article-slug:${slug}`,
  home: 'home',
  section: (slug: string) => `section:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  author: (slug: string) => `author:${slug}`,
  /** Every page that prints this staff member's name in a byline: renaming them revalidates it. */
  byline: (userId: number) => `byline:${userId}`,
  /** Every page that shows a time, read in the site's time zone (the site settings): saving them expires it. */
  siteSettings: 'site-settings',
  /** Pages that read the reply settings (thread depth, closing replies on old articles). */
  replySettings: 'reply-settings',
  /** Which tags have addresses (the sitemap lists them): renaming, merging or deleting a tag revalidates it. */
  tags: 'tags',
  /** The section list in the masthead and footer. */
  sections: 'sections',
  /** One static page (About, a policy) wherever it is read. */
  page: (id: number) => `page:${id}`,
  /** The page at /{slug}, including a cached 404: creating, renaming or publishing a page revalidates it. */
  pageSlug: (slug: string) => `page-slug:${slug}`,
  /** The pages the reader footer links, in their order. */
  footerPages: 'footer-pages',
  /** Which pages are published at which address (the sitemap lists them). */
  sitePages: 'site-pages',
  /**
   * Every cached search answer (app/(site)/search/r/[key]): any article change can alter one, so each is
   * in forArticle; a byline rename expires it too (the index holds author names).
   */
  search: 'search',
  /** The breaking-news banner's answer (/api/breaking) only: no page carries it, so a change re-renders no page. */
  breaking: 'breaking',
  /**
   * Every reader page an article appears on: its own page (at its address and a former one), the home
   * page, the lists of its sections, tags and authors, and every cached search. The one list of what an
   * article touches.
   */
  forArticle(a: ArticleCacheKeys): string[] {
    return [
      cacheTags.article(a.id),
      cacheTags.articleSlug(a.slug),
      ...(a.previousSlug ? [cacheTags.articleSlug(a.previousSlug)] : []),
      cacheTags.home,
      ...a.sectionSlugs.map(cacheTags.section),
      ...a.tagSlugs.map(cacheTags.tag),
      ...a.authorSlugs.map(cacheTags.author),
      cacheTags.search,
    ];
  },
};

export type ArticleCacheKeys = {
  id: number;
  slug: string;
  previousSlug?: string | null;
  sectionSlugs: readonly string[];
  tagSlugs: readonly string[];
  authorSlugs: readonly string[];
};
