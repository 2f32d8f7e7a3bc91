// The values of the schema's enum columns, with no Drizzle in them: pages, forms, validation schemas
// and client components import them from here (db/schema.ts re-exports them for the queries).

export const STAFF_ROLES = ['admin', 'editor', 'author', 'moderator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const REPLY_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

export const WXR_IMPORT_KINDS = ['post', 'comment', 'author'] as const;
export type WxrImportKind = (typeof WXR_IMPORT_KINDS)[number];

export const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const SANCTION_KINDS = ['ban', 'suspend', 'hold'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];
