/**
 * Every column of every table, classified by whose data it holds and how that data leaves. A test
 * (db/personal-data.test.ts) reads the tables from db/schema.ts and fails when a column is missing
 * here, and holds the export, erasure and retention to what this map says. A new column holding
 * personal data is therefore a decision, not an accident.
 *
 * - `commenter`: a commenter's data, found by their email or through their replies. It is in the
 *   export (exportCommenter) and gone after erasure (eraseCommenter).
 * - `reader-address`: a reader's hashed address that names no email (the reports they made). Replaced
 *   after the retention period, and on erasure where one of the commenter's replies had the same hash.
 * - `staff`: a staff account's own data, shown on its profile and the staff page and changed or removed
 *   with the account.
 * - `sign-in`: what was typed at sign-in (an email, the hashed address), kept for throttling.
 * - `none`: not about a person (ids, times, statuses, content the newsroom publishes, settings).
 *
 * Some of it is kept only for the "Keep hashed addresses for (days)" setting: AFTER_RETENTION.
 */
export type DataClass = 'commenter' | 'reader-address' | 'staff' | 'sign-in' | 'none';

const none = (...columns: string[]): Record<string, 'none'> => Object.fromEntries(columns.map((c) => [c, 'none' as const]));

export const PERSONAL_DATA: Record<string, Record<string, DataClass>> = {
  users: {
    ...none('id', 'slug', 'role', 'disabled', 'pending_digest', 'session_version', 'created_at', 'updated_at'),
    email: 'staff',
    name: 'staff',
    bio: 'staff',
    avatar_path: 'staff',
    password_hash: 'staff',
  },
  sections: none('id', 'slug', 'name', 'description', 'position', 'created_at'),
  tags: none('id', 'slug', 'name', 'created_at'),
  articles: none(
    'id',
    'slug',
    'title',
    'standfirst',
    'body',
    'body_text',
    'cover_image_path',
    'cover_alt',
    'cover_caption',
    'section_id',
    'status',
    'published_at',
    'content_updated_at',
    'comments_open',
    'seo_title',
    'seo_description',
    'created_by_id',
    'created_at',
    'updated_at',
    'version',
    'pending_revision_id',
    'pending_publish_at',
    'body_format',
    'live_started_at',
    'live_ended_at',
    'live_summary',
    'reply_mode',
    'reply_slow_seconds',
  ),
  // The newsroom's own unsaved text and who has an article open: staff work, not about a person.
  article_autosaves: none('id', 'user_id', 'article_id', 'article_key', 'title', 'standfirst', 'body', 'base_version', 'saved_at'),
  article_editors: none('article_id', 'user_id', 'opened_at', 'seen_at', 'holds_lock', 'taken_over_by_id', 'taken_over_at'),
  article_authors: none('article_id', 'user_id', 'position'),
  article_tags: none('article_id', 'tag_id'),
  corrections: none('id', 'article_id', 'body', 'created_by_id', 'created_at'),
  revisions: none('id', 'article_id', 'title', 'standfirst', 'body', 'meta', 'created_by_id', 'created_at'),
  slug_redirects: none('old_slug', 'article_id', 'created_at'),
  section_slug_redirects: none('old_slug', 'section_id', 'created_at'),
  tag_slug_redirects: none('old_slug', 'tag_id', 'created_at'),
  legacy_redirects: none('old_path', 'article_id', 'page_id', 'section_id', 'tag_id', 'author_id', 'feed', 'created_at'),
  // The site's own pages (About, Contact): newsroom text, like articles.
  pages: none(
    'id',
    'slug',
    'title',
    'body',
    'body_format',
    'status',
    'footer_position',
    'version',
    'published_at',
    'created_by_id',
    'created_at',
    'updated_at',
  ),
  page_revisions: none('id', 'page_id', 'title', 'body', 'body_format', 'slug', 'status', 'note', 'created_by_id', 'created_at'),
  imported_media: none('source', 'media_id', 'created_at'),
  wxr_imports: none('site', 'kind', 'source_id', 'local_id', 'created_at'),
  replies: {
    ...none('id', 'article_id', 'parent_id', 'depth', 'status', 'user_id', 'created_at', 'edited_at', 'status_changed_at'),
    author_name: 'commenter',
    author_email: 'commenter',
    author_url: 'commenter',
    body: 'commenter',
    // The rule's words may quote the text or name; an email or address only masked (lib/privacy/mask.ts).
    status_reason: 'commenter',
    ip_hash: 'commenter',
    user_agent: 'commenter',
    notify_replies: 'commenter',
  },
  moderation_log: {
    ...none('id', 'reply_id', 'actor_id', 'action', 'from_status', 'to_status', 'created_at'),
    // May quote the reply's text (an edit's previous text, a rule's words).
    note: 'commenter',
  },
  reply_reports: {
    ...none('id', 'reply_id', 'reason', 'created_at', 'dismissed_at', 'dismissed_by_id'),
    // A reader's words about the reply; may quote it.
    note: 'commenter',
    reporter_hash: 'reader-address',
  },
  commenter_sanctions: {
    ...none('id', 'kind', 'until', 'created_by_id', 'created_at', 'lifted_at', 'lifted_by_id'),
    email: 'commenter',
    ip_hash: 'commenter',
    reason: 'commenter',
  },
  mail_queue: {
    ...none('id', 'dedupe_key', 'attempts', 'next_attempt_at', 'sent_at', 'created_at'),
    to_address: 'commenter',
    subject: 'commenter',
    text_body: 'commenter',
    // The List-Unsubscribe link carries the address.
    headers: 'commenter',
    // An SMTP refusal often quotes the address.
    last_error: 'commenter',
  },
  mail_opt_outs: { ...none('created_at'), email: 'commenter' },
  // The disallowed lists in the reply settings are the newsroom's own rules, typed by an admin.
  settings: none('key', 'value', 'updated_at'),
  // A signed-out session's random id and when its cookie would have expired: names nobody.
  revoked_sessions: none('sid', 'expires_at'),
  login_attempts: { ...none('id', 'succeeded', 'created_at'), email: 'sign-in', ip_hash: 'sign-in' },
  media: none('id', 'path', 'mime', 'width', 'height', 'bytes', 'uploaded_by_id', 'created_at'),
  // Which published story an editor pinned where: the newsroom's choice, naming nobody.
  front_pins: none('id', 'slot', 'section_id', 'position', 'article_id', 'expires_at', 'created_by_id', 'created_at'),
  // A live article's updates: the newsroom's published work, like articles.
  live_updates: none(
    'id',
    'article_id',
    'number',
    'body',
    'image_path',
    'image_alt',
    'key_event',
    'correction',
    'author_id',
    'created_at',
    'edited_at',
    'deleted_at',
  ),
};

/**
 * What housekeeping drops once older than the address retention period (dropOldPersonalData):
 * `table.column`, or `table.*` for whole rows.
 */
export const AFTER_RETENTION = ['replies.ip_hash', 'replies.user_agent', 'reply_reports.reporter_hash', 'commenter_sanctions.ip_hash', 'mail_queue.*'] as const;
