import { existsSync, readFileSync } from 'node:fs';
import { QUERY_LOG_FILE } from './paths';

/** The server's query log: it appends one line per SQL statement, synchronously, as it runs it. */
export function queryLog(): string[] {
  if (!existsSync(QUERY_LOG_FILE)) return [];
  return readFileSync(QUERY_LOG_FILE, 'utf8').split('\n').slice(0, -1);
}

export const queryLogExists = () => existsSync(QUERY_LOG_FILE);

/**
 * The server's own background work, which runs whatever readers do (instrumentation.ts): the scheduler
 * polls for due scheduled articles every SCHEDULER_INTERVAL_MS, the mail queue for due mail every
 * MAIL_INTERVAL_MS, and housekeeping looks for old spam and trash every HOUSEKEEPING_INTERVAL_MS.
 */
const BACKGROUND = [
  /^select "articles"\."id", "articles"\."slug", "sections"\."slug" from "articles" left join "sections" on "sections"\."id" = "articles"\."section_id" where \("articles"\."status" = \? and "articles"\."published_at" < \?\)$/,
  /^select "id", "dedupe_key", .* from "mail_queue" where \("mail_queue"\."sent_at" is null and "mail_queue"\."next_attempt_at" <= \?\)/,
  /^select "id" from "replies" where \("replies"\."status" in \(\?, \?\) and \("replies"\."status_changed_at" < \?/,
];

export const isBackgroundQuery = (line: string) => BACKGROUND.some((re) => re.test(line.trim()));

/** Statements logged after the first `since` lines, without the server's background polling. */
export function requestQueriesSince(since: number): string[] {
  return queryLog()
    .slice(since)
    .filter((line) => !isBackgroundQuery(line));
}
