/**
 * What an importer hands to the storage code (db/queries/import-store.ts), whatever the source
 * (WordPress, Ghost): bodies already converted to sanitized HTML, images as their old addresses,
 * old addresses as paths. Rows are found again by (site, kind, sourceId) in wxr_imports.
 */
import type { ArticleStatus, BodyFormat, PageStatus, ReplyStatus } from '@/db/enums';

export type ImportedTerm = { slug: string; name: string };

/** An image at its old address, with the words that go with it. */
export type ImportedImage = { url: string; alt: string; caption: string };

export type ImportedComment = {
  sourceId: string;
  parentSourceId: string | null;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  status: ReplyStatus;
  createdAt: Date;
};

export type ImportedPost = {
  sourceId: string;
  title: string;
  slug: string;
  /** Sanitized HTML (or Markdown when bodyFormat says so); <img> addresses are brought home on storing. */
  body: string;
  bodyFormat: BodyFormat;
  standfirst: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  /** The author's key in the source (a WordPress login, a Ghost id); empty when the post has none. */
  creator: string;
  /** Further bylines' keys, in order (Ghost posts can have several authors). */
  coAuthors?: string[];
  section: ImportedTerm | null;
  tags: ImportedTerm[];
  /** The featured image, which becomes the cover. */
  cover: ImportedImage | null;
  /** Old addresses that answer 301 to the article: paths, and query addresses kept as "/?p=123". */
  oldPaths: string[];
  comments: ImportedComment[];
  skippedComments: { sourceId: string; reason: string }[];
  /** Shortcodes (or cards) the converter removed, by name, for the summary. */
  removedShortcodes?: string[];
};

export type ImportedPage = {
  sourceId: string;
  title: string;
  slug: string;
  body: string;
  bodyFormat: BodyFormat;
  status: PageStatus;
  publishedAt: Date | null;
  creator: string;
  /** Old addresses that answer 301 to the page; its permalink is left out on storing when it is /{new slug}. */
  oldPaths: string[];
  /** The page's own permalink path, if any (checked against its new slug on storing). */
  permalink: string | null;
  removedShortcodes?: string[];
};

export type ImportedAuthor = {
  /** The author's key in the source: what posts name as their creator. */
  key: string;
  email: string;
  displayName: string;
  /** The author's slug on the old site, kept when it is free (else one is made from the name). */
  slug?: string;
  /** Old addresses of the author's archive (and feed, with `feed`). */
  oldPaths?: { path: string; feed: boolean }[];
};

/** A category or tag of the old site and its old addresses; it points at the section or tag of that slug. */
export type ImportedTermAddresses = {
  /** Which of ours to look for first: a category becomes a section (or a tag, when only posts' second categories used it). */
  prefer: 'section' | 'tag';
  slug: string;
  oldPaths: { path: string; feed: boolean }[];
};

/** An attachment of the old site: brought home into the media library even when no post uses it. */
export type ImportedAttachment = { sourceId: string; url: string; alt: string; caption: string; title: string; parent: string };
