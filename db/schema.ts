import { relations, sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ARTICLE_STATUSES,
  BODY_FORMATS,
  REPLY_MODES,
  PAGE_STATUSES,
  REPLY_STATUSES,
  REPORT_REASONS,
  SANCTION_KINDS,
  STAFF_ROLES,
  WXR_IMPORT_KINDS,
} from './enums';

export * from './enums';

// Times are stored as milliseconds since the epoch so ordering and range filters stay plain integer work.
const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    bio: text('bio').notNull().default(''),
    avatarPath: text('avatar_path'),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    // Null means the account cannot sign in (e.g. an imported author who was never given a password).
    passwordHash: text('password_hash'),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    // Moderators who asked for a mail digest of pending replies.
    pendingDigest: integer('pending_digest', { mode: 'boolean' }).notNull().default(false),
    // Every session token carries the version it was signed in with; bumping it (a password change or
    // reset, a role change, disabling, "Sign out everywhere") ends every older session at once.
    sessionVersion: integer('session_version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email), uniqueIndex('users_slug_uq').on(t.slug)],
);

export const sections = sqliteTable(
  'sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sections_slug_uq').on(t.slug), index('sections_position_idx').on(t.position)],
);

export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_slug_uq').on(t.slug)],
);

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    body: text('body').notNull().default(''),
    bodyFormat: text('body_format', { enum: BODY_FORMATS }).notNull().default('markdown'),
    // The body as plain text (Markdown and HTML stripped) for the search index; written with the body
    // (lib/search/body-text.ts). Null falls back to the raw body in the index.
    bodyText: text('body_text'),
    coverImagePath: text('cover_image_path'),
    coverAlt: text('cover_alt'),
    coverCaption: text('cover_caption'),
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'set null' }),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    // For a scheduled article this is the time it goes live; for a published one, when it went live.
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    // Set when a published article's content changes afterwards ("Updated …").
    contentUpdatedAt: integer('content_updated_at', { mode: 'timestamp_ms' }),
    commentsOpen: integer('comments_open', { mode: 'boolean' }).notNull().default(true),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
    // Bumped by every save from the editor. A save names the version it was based on, and the UPDATE
    // only applies while that is still the version (compare-and-set): a stale save changes nothing.
    version: integer('version').notNull().default(0),
    // A published article's changes that readers do not see yet: the revision that holds them, and
    // when they go live by themselves (null: when someone presses Publish).
    pendingRevisionId: integer('pending_revision_id'),
    pendingPublishAt: integer('pending_publish_at', { mode: 'timestamp_ms' }),
    // Live coverage: started (null: never live), ended (null while live), and the summary that leads
    // the page once it has ended.
    liveStartedAt: integer('live_started_at', { mode: 'timestamp_ms' }),
    liveEndedAt: integer('live_ended_at', { mode: 'timestamp_ms' }),
    liveSummary: text('live_summary'),
    // How new replies are taken: as usual, all held for a moderator, or slow mode (one reply per
    // reader per replySlowSeconds).
    replyMode: text('reply_mode', { enum: REPLY_MODES }).notNull().default('normal'),
    replySlowSeconds: integer('reply_slow_seconds').notNull().default(60),
  },
  (t) => [
    uniqueIndex('articles_slug_uq').on(t.slug),
    index('articles_pending_publish_idx').on(t.pendingPublishAt),
    index('articles_status_published_idx').on(t.status, t.publishedAt),
    index('articles_section_status_published_idx').on(t.sectionId, t.status, t.publishedAt),
    index('articles_created_by_idx').on(t.createdById),
    index('articles_updated_idx').on(t.updatedAt),
    index('articles_live_idx').on(t.liveStartedAt, t.liveEndedAt),
  ],
);

export const articleAuthors = sqliteTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] }), index('article_authors_user_idx').on(t.userId, t.articleId)],
);

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId, t.articleId)],
);

export const corrections = sqliteTable(
  'corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('corrections_article_idx').on(t.articleId, t.createdAt)],
);

export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    standfirst: text('standfirst').notNull(),
    body: text('body').notNull(),
    // The rest of the article's editable fields at that save (section, tags, cover, SEO), as JSON.
    meta: text('meta', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('revisions_article_idx').on(t.articleId, t.createdAt)],
);

export const slugRedirects = sqliteTable(
  'slug_redirects',
  {
    oldSlug: text('old_slug').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('slug_redirects_article_idx').on(t.articleId)],
);

/** Old section addresses that answer 301 to the section's current one. */
export const sectionSlugRedirects = sqliteTable(
  'section_slug_redirects',
  {
    oldSlug: text('old_slug').primaryKey(),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('section_slug_redirects_section_idx').on(t.sectionId)],
);

/** Old tag addresses (renamed or merged away) that answer 301 to the tag's current one. */
export const tagSlugRedirects = sqliteTable(
  'tag_slug_redirects',
  {
    oldSlug: text('old_slug').primaryKey(),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('tag_slug_redirects_tag_idx').on(t.tagId)],
);

/**
 * Old addresses from another system (a WordPress permalink's path, or a query address kept as
 * "/?p=123") that answer 301 to one of ours. The whole path is the key, so any shape of old address can
 * be kept. The target is a row, not a path, so it follows the row's slug when an editor changes it;
 * exactly one target column is set. `feed` sends it to the target's feed instead of its page.
 */
export const legacyRedirects = sqliteTable(
  'legacy_redirects',
  {
    oldPath: text('old_path').primaryKey(),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    pageId: integer('page_id').references(() => pages.id, { onDelete: 'cascade' }),
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id').references(() => tags.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'cascade' }),
    feed: integer('feed', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('legacy_redirects_article_idx').on(t.articleId),
    index('legacy_redirects_page_idx').on(t.pageId),
    index('legacy_redirects_section_idx').on(t.sectionId),
    index('legacy_redirects_tag_idx').on(t.tagId),
    index('legacy_redirects_author_idx').on(t.authorId),
  ],
);

/**
 * A site's own pages (About, Contact, Corrections policy): served at /{slug} at the site root, edited
 * like articles (compare-and-set `version`, revisions), and linked from the footer when
 * `footerPosition` is set, in that order.
 */
export const pages = sqliteTable(
  'pages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    bodyFormat: text('body_format', { enum: BODY_FORMATS }).notNull().default('markdown'),
    status: text('status', { enum: PAGE_STATUSES }).notNull().default('draft'),
    footerPosition: integer('footer_position'),
    version: integer('version').notNull().default(0),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('pages_slug_uq').on(t.slug), index('pages_footer_idx').on(t.footerPosition), index('pages_updated_idx').on(t.updatedAt)],
);

export const pageRevisions = sqliteTable(
  'page_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pageId: integer('page_id')
      .notNull()
      .references(() => pages.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    bodyFormat: text('body_format', { enum: BODY_FORMATS }).notNull().default('markdown'),
    slug: text('slug').notNull(),
    status: text('status', { enum: PAGE_STATUSES }).notNull(),
    note: text('note'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('page_revisions_page_idx').on(t.pageId, t.createdAt)],
);

/**
 * Files an import brought home into the media store, by where they came from (the old address, or
 * the path under --media-dir), so a second run never fetches the same file again.
 */
export const importedMedia = sqliteTable(
  'imported_media',
  {
    source: text('source').primaryKey(),
    mediaId: integer('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('imported_media_media_idx').on(t.mediaId)],
);

/**
 * What a WordPress import created, by the WordPress id, so a second run of the same export updates
 * rows instead of duplicating them. `site` is the export's base site URL: ids are only unique per site.
 */
export const wxrImports = sqliteTable(
  'wxr_imports',
  {
    site: text('site').notNull(),
    kind: text('kind', { enum: WXR_IMPORT_KINDS }).notNull(),
    sourceId: text('source_id').notNull(),
    localId: integer('local_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.site, t.kind, t.sourceId] })],
);

export type ReplyStatusReason = {
  rule: string;
  detail?: string;
  match?: string;
  /** Which field the match was found in, for highlighting on the desk. */
  field?: 'body' | 'name' | 'email' | 'url' | 'ip';
};

export const replies = sqliteTable(
  'replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id'),
    depth: integer('depth').notNull().default(1),
    authorName: text('author_name').notNull(),
    // Stored lower-cased; never shown to readers.
    authorEmail: text('author_email').notNull(),
    authorUrl: text('author_url'),
    body: text('body').notNull(),
    status: text('status', { enum: REPLY_STATUSES }).notNull(),
    statusReason: text('status_reason', { mode: 'json' }).$type<ReplyStatusReason>(),
    // Set for replies written by signed-in staff ("Staff" badge).
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    ipHash: text('ip_hash'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
    // When the reply last changed status (housekeeping purges spam and trash by it).
    statusChangedAt: integer('status_changed_at', { mode: 'timestamp_ms' }),
    // The commenter asked to be mailed when someone answers this reply.
    notifyReplies: integer('notify_replies', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('replies_status_changed_idx').on(t.status, t.statusChangedAt),
    index('replies_article_status_created_idx').on(t.articleId, t.status, t.createdAt),
    index('replies_status_created_idx').on(t.status, t.createdAt, t.id),
    index('replies_email_status_idx').on(t.authorEmail, t.status),
    index('replies_ip_created_idx').on(t.ipHash, t.createdAt),
    index('replies_parent_idx').on(t.parentId),
    // New approvals on one article since a time (the reader island's "Show N new comments").
    index('replies_article_status_changed_idx').on(t.articleId, t.status, t.statusChangedAt),
  ],
);

export const moderationLog = sqliteTable(
  'moderation_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    replyId: integer('reply_id')
      .notNull()
      .references(() => replies.id, { onDelete: 'cascade' }),
    // Null when the system decided (the reply rules at posting time, housekeeping).
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    fromStatus: text('from_status', { enum: REPLY_STATUSES }),
    toStatus: text('to_status', { enum: REPLY_STATUSES }),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('moderation_log_reply_idx').on(t.replyId, t.createdAt), index('moderation_log_created_idx').on(t.createdAt)],
);

/** A reader's report of an approved reply; one per reply and reporter address. */
export const replyReports = sqliteTable(
  'reply_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    replyId: integer('reply_id')
      .notNull()
      .references(() => replies.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: REPORT_REASONS }).notNull(),
    note: text('note'),
    reporterHash: text('reporter_hash').notNull(),
    createdAt: createdAt(),
    // Set when a moderator dismissed the report (the reply stays).
    dismissedAt: integer('dismissed_at', { mode: 'timestamp_ms' }),
    dismissedById: integer('dismissed_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('reply_reports_reply_reporter_uq').on(t.replyId, t.reporterHash),
    index('reply_reports_open_idx').on(t.dismissedAt, t.createdAt),
    index('reply_reports_reporter_idx').on(t.reporterHash, t.createdAt),
  ],
);

/** A ban, a suspension until a time, or "always hold" for a commenter email (and optionally address). */
export const commenterSanctions = sqliteTable(
  'commenter_sanctions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    ipHash: text('ip_hash'),
    kind: text('kind', { enum: SANCTION_KINDS }).notNull(),
    until: integer('until', { mode: 'timestamp_ms' }),
    reason: text('reason').notNull(),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    liftedAt: integer('lifted_at', { mode: 'timestamp_ms' }),
    liftedById: integer('lifted_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('commenter_sanctions_email_idx').on(t.email, t.liftedAt), index('commenter_sanctions_ip_idx').on(t.ipHash, t.liftedAt)],
);

/** Outgoing mail, sent off the request path and retried; `dedupeKey` makes one event one mail. */
export const mailQueue = sqliteTable(
  'mail_queue',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dedupeKey: text('dedupe_key').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('mail_queue_dedupe_uq').on(t.dedupeKey), index('mail_queue_due_idx').on(t.sentAt, t.nextAttemptAt)],
);

/** Emails that unsubscribed from every reply notification (one click, no account). */
export const mailOptOuts = sqliteTable('mail_opt_outs', {
  email: text('email').primaryKey(),
  createdAt: createdAt(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
});

export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    ipHash: text('ip_hash').notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('login_attempts_email_idx').on(t.email, t.createdAt), index('login_attempts_ip_idx').on(t.ipHash, t.createdAt)],
);

// Sessions ended by signing out, kept until their token would have expired anyway (housekeeping
// deletes them then), so a copy of a signed-out cookie is refused.
export const revokedSessions = sqliteTable(
  'revoked_sessions',
  {
    sid: text('sid').primaryKey(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('revoked_sessions_expires_idx').on(t.expiresAt)],
);

export const media = sqliteTable(
  'media',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Path under the data folder's uploads directory, served by the uploads route.
    path: text('path').notNull(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    uploadedById: integer('uploaded_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('media_path_uq').on(t.path)],
);

export const articlesRelations = relations(articles, ({ one, many }) => ({
  section: one(sections, { fields: [articles.sectionId], references: [sections.id] }),
  authors: many(articleAuthors),
  tags: many(articleTags),
  corrections: many(corrections),
}));

export const articleAuthorsRelations = relations(articleAuthors, ({ one }) => ({
  article: one(articles, { fields: [articleAuthors.articleId], references: [articles.id] }),
  user: one(users, { fields: [articleAuthors.userId], references: [users.id] }),
}));

export const articleTagsRelations = relations(articleTags, ({ one }) => ({
  article: one(articles, { fields: [articleTags.articleId], references: [articles.id] }),
  tag: one(tags, { fields: [articleTags.tagId], references: [tags.id] }),
}));

export const correctionsRelations = relations(corrections, ({ one }) => ({
  article: one(articles, { fields: [corrections.articleId], references: [articles.id] }),
}));

export type User = typeof users.$inferSelect;
export type Section = typeof sections.$inferSelect;
export type Tag = typeof tags.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type Reply = typeof replies.$inferSelect;
export type NewReply = typeof replies.$inferInsert;
export type Correction = typeof corrections.$inferSelect;
export type Revision = typeof revisions.$inferSelect;

/**
 * An editor's private copy of what they were typing, saved every few seconds while they type, so a
 * crash or a closed tab loses nothing. One per editor per article ('new' for an article not yet
 * saved); it never changes the article, and a real save removes it.
 */
export const articleAutosaves = sqliteTable(
  'article_autosaves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    // The article's id as text, or 'new': one key per editor, also for an article not saved yet.
    articleKey: text('article_key').notNull(),
    title: text('title').notNull(),
    standfirst: text('standfirst').notNull(),
    body: text('body').notNull(),
    // The article's version the text was typed over: restoring it saves against that version.
    baseVersion: integer('base_version').notNull().default(0),
    savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('article_autosaves_user_key_uq').on(t.userId, t.articleKey), index('article_autosaves_article_idx').on(t.articleId)],
);

/**
 * Who has an article open in the editor (a heartbeat every ~15 s), and who holds it: the first to
 * open it, or whoever took it over. Someone taken over from is told at their next heartbeat.
 */
export const articleEditors = sqliteTable(
  'article_editors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    openedAt: integer('opened_at', { mode: 'timestamp_ms' }).notNull(),
    seenAt: integer('seen_at', { mode: 'timestamp_ms' }).notNull(),
    holdsLock: integer('holds_lock', { mode: 'boolean' }).notNull().default(false),
    takenOverById: integer('taken_over_by_id').references(() => users.id, { onDelete: 'set null' }),
    takenOverAt: integer('taken_over_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] }), index('article_editors_seen_idx').on(t.seenAt)],
);

// ---- The chosen front page (issue 18, part 5) ----

export const FRONT_PIN_SLOTS = ['lead', 'top'] as const;
export type FrontPinSlot = (typeof FRONT_PIN_SLOTS)[number];

/**
 * Stories an editor pinned: the front page's lead and its top stories (section_id null), or a
 * section's lead (section_id set). Position orders the top stories; a pin past its expires_at is
 * ignored by readers and deleted by the scheduler, which refreshes the pages it was on.
 */
export const frontPins = sqliteTable(
  'front_pins',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slot: text('slot', { enum: FRONT_PIN_SLOTS }).notNull(),
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('front_pins_scope_idx').on(t.sectionId, t.slot, t.position),
    index('front_pins_article_idx').on(t.articleId),
    index('front_pins_expires_idx').on(t.expiresAt),
  ],
);
export type FrontPin = typeof frontPins.$inferSelect;

/**
 * One update of a live article. `number` is its stable place in the article (1, 2, 3…: the address
 * #update-N and /articles/[slug]/updates/N). An edit keeps the number and sets editedAt; a delete keeps
 * the row (deletedAt, the body emptied) so the page shows a dated note where it was.
 */
export const liveUpdates = sqliteTable(
  'live_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    body: text('body').notNull(),
    imagePath: text('image_path'),
    imageAlt: text('image_alt'),
    keyEvent: integer('key_event', { mode: 'boolean' }).notNull().default(false),
    // A correction appended to the update, shown under it.
    correction: text('correction'),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('live_updates_article_number_uq').on(t.articleId, t.number), index('live_updates_article_key_idx').on(t.articleId, t.keyEvent, t.number)],
);
export type LiveUpdate = typeof liveUpdates.$inferSelect;
