import { z } from 'zod';
import { REPLY_MODES } from '@/db/enums';
import { liveState, type LiveTimes } from './state';

// The rules of the live-coverage desk: what an update, a summary and a reply mode may be, which
// number the next update takes, and when coverage may start, end or take updates. Plain TS, so Vitest
// reaches it without a server.

export const UPDATE_MAX = 20_000;
export const SUMMARY_MAX = 5_000;
export const CORRECTION_MAX = 2_000;
export const ALT_MAX = 300;
export const SLOW_MIN = 10;
export const SLOW_MAX = 3600;
/** Updates on the article page and on each older page. */
export const UPDATES_PER_PAGE = 20;

const recordId = (message: string) => z.coerce.number({ message }).int(message).positive(message).max(Number.MAX_SAFE_INTEGER, message);

export const articleIdField = recordId('Unknown article.');
export const updateNumberField = recordId('Unknown update.');

const body = z
  .string()
  .trim()
  .min(1, 'Write the update first.')
  .max(UPDATE_MAX, `An update is at most ${UPDATE_MAX.toLocaleString('en-GB')} characters.`);

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true');

export const POST_FIELDS = ['articleId', 'body', 'imageAlt', 'keyEvent'] as const;

export const PostUpdateSchema = z.object({
  articleId: articleIdField,
  body,
  imageAlt: z.string().trim().max(ALT_MAX, `Alt text is at most ${ALT_MAX} characters.`),
  keyEvent: checkbox,
});

export const EDIT_FIELDS = ['articleId', 'number', 'body', 'keyEvent'] as const;

export const EditUpdateSchema = z.object({ articleId: articleIdField, number: updateNumberField, body, keyEvent: checkbox });

export const CORRECTION_FIELDS = ['articleId', 'number', 'correction'] as const;

export const CorrectionSchema = z.object({
  articleId: articleIdField,
  number: updateNumberField,
  correction: z
    .string()
    .trim()
    .min(1, 'Write the correction first.')
    .max(CORRECTION_MAX, `A correction is at most ${CORRECTION_MAX.toLocaleString('en-GB')} characters.`),
});

export const DeleteUpdateSchema = z.object({ articleId: articleIdField, number: updateNumberField });

export const END_FIELDS = ['articleId', 'summary'] as const;

export const EndLiveSchema = z.object({
  articleId: articleIdField,
  summary: z
    .string()
    .trim()
    .max(SUMMARY_MAX, `The summary is at most ${SUMMARY_MAX.toLocaleString('en-GB')} characters.`),
});

export const REPLY_MODE_FIELDS = ['articleId', 'replyMode', 'replySlowSeconds'] as const;

export const ReplyModeSchema = z.object({
  articleId: articleIdField,
  replyMode: z.enum(REPLY_MODES, { message: 'Choose how replies are taken.' }),
  replySlowSeconds: z.coerce
    .number({ message: `Seconds between replies: a whole number from ${SLOW_MIN} to ${SLOW_MAX}.` })
    .int(`Seconds between replies: a whole number from ${SLOW_MIN} to ${SLOW_MAX}.`)
    .min(SLOW_MIN, `Seconds between replies: at least ${SLOW_MIN}.`)
    .max(SLOW_MAX, `Seconds between replies: at most ${SLOW_MAX}.`),
});

/** The number the next update takes: one past the newest (deleted ones keep theirs, so numbers never repeat). */
export const nextUpdateNumber = (latest: number | null | undefined) => (latest ?? 0) + 1;

type Coverage = LiveTimes & { status: string };

/** Why coverage may not start now (null: it may). A finished coverage may start again. */
export function refuseStart(a: Coverage): string | null {
  if (a.status !== 'published') return 'Only a published article can have live coverage.';
  if (liveState(a) === 'live') return 'Live coverage of this article is already running.';
  return null;
}

/** Why coverage may not end now (null: it may). */
export function refuseEnd(a: Coverage): string | null {
  return liveState(a) === 'live' ? null : 'Live coverage of this article is not running.';
}

/** Why the article takes no new update now (null: it does). Edits, deletes and corrections stay possible after the end. */
export function refusePost(a: Coverage): string | null {
  if (a.status !== 'published') return 'This article is not published, so it takes no updates.';
  if (liveState(a) !== 'live') return 'Live coverage of this article is not running: start it on the article editor to post updates.';
  return null;
}

/** How many pages of updates there are (at least one, the article's own). */
export const updatePageCount = (total: number) => Math.max(1, Math.ceil(total / UPDATES_PER_PAGE));
