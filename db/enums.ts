// The values of the schema's enum columns, with no Drizzle in them: pages, forms, validation schemas
// and client components import them from here (db/schema.ts re-exports them for the queries).

export const STAFF_ROLES = ['admin', 'editor', 'author', 'moderator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const REPLY_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

// What an import remembers by the source system's id ('page' and 'attachment' rows point at pages and
// media; 'term' at a section or tag, for ?cat=N addresses).
export const WXR_IMPORT_KINDS = ['post', 'comment', 'author', 'page', 'attachment', 'term'] as const;
export type WxrImportKind = (typeof WXR_IMPORT_KINDS)[number];

export const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const SANCTION_KINDS = ['ban', 'suspend', 'hold'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

// How an article's or page's body is written: Markdown from our editor, or HTML from an import
// (already paragraphed and sanitized; rendered as it is, with no Markdown pass).
export const BODY_FORMATS = ['markdown', 'html'] as const;
export type BodyFormat = (typeof BODY_FORMATS)[number];

export const PAGE_STATUSES = ['draft', 'published'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

// How an article takes new replies: as usual, every reply held for a moderator, or slow mode (one
// reply per reader per N seconds), which an editor switches during live coverage.
export const REPLY_MODES = ['normal', 'hold', 'slow'] as const;
export type ReplyMode = (typeof REPLY_MODES)[number];
