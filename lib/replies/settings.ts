// The reply rules and settings (/admin/settings): their one type and their defaults. Stored under the
// `replies` settings key (db/queries/settings.ts); anything not stored takes the default here. Tests
// import these rather than copying them.

/** The settings the status rules read (lib/replies/rules.ts). */
export type ReplyRuleSettings = {
  holdAll: boolean;
  previouslyApproved: boolean;
  /** A reply with more links than this is held. 0 holds any link; a negative or non-finite value means no limit. */
  maxLinks: number;
  moderationWords: string[];
  disallowedWords: string[];
  disallowedEmails: string[];
  disallowedIps: string[];
  minSecondsToSubmit: number;
};

export type ReplySettings = ReplyRuleSettings & {
  /** One reply per email or address in this many seconds; 0 is off. */
  floodSeconds: number;
  /** Deepest thread level a reply may sit at (1–5). */
  maxDepth: number;
  /** Replies close on articles published more than this many days ago; 0 never closes them. */
  closeAfterDays: number;
  /** Spam and trash older than this many days are purged by housekeeping. */
  purgeAfterDays: number;
  /** Distinct readers whose reports send an approved reply back to pending; 0 never does. */
  reportThreshold: number;
  /** Once this many replies wait on one article, every new reply there is held; 0 is off. */
  articleBacklogLimit: number;
  /** Hashed addresses and browsers are dropped from replies older than this many days. */
  addressRetentionDays: number;
};

export const DEFAULT_REPLY_SETTINGS: ReplySettings = {
  holdAll: false,
  previouslyApproved: true,
  maxLinks: 2,
  moderationWords: [],
  disallowedWords: [],
  disallowedEmails: [],
  disallowedIps: [],
  minSecondsToSubmit: 3,
  floodSeconds: 15,
  maxDepth: 5,
  closeAfterDays: 0,
  purgeAfterDays: 30,
  reportThreshold: 3,
  articleBacklogLimit: 0,
  addressRetentionDays: 90,
};

/** The largest flood-control window the form accepts: the reply facts look back no further. */
export const FLOOD_SECONDS_MAX = 3600;
/** The largest backlog limit the form accepts: the reply facts count held replies no further. */
export const BACKLOG_LIMIT_MAX = 100_000;

/** Stored settings over the defaults: a key never saved (or added since) takes its default. */
export function withDefaults(stored: Partial<ReplySettings> | null | undefined): ReplySettings {
  return { ...DEFAULT_REPLY_SETTINGS, ...(stored ?? {}) };
}
