import { z } from 'zod';
import { REPORT_REASONS } from '@/db/enums';

export const REPORT_REASON_LABELS: Record<(typeof REPORT_REASONS)[number], string> = {
  spam: 'Spam or advertising',
  abuse: 'Abusive, hateful or harassing',
  'off-topic': 'Off topic',
  other: 'Something else',
};

export const REPORT_FIELDS = ['replyId', 'reason', 'note'] as const;

export const ReportSchema = z
  .object({
    replyId: z
      .string()
      .regex(/^[1-9][0-9]{0,12}$/, 'That comment cannot be reported.')
      .transform(Number),
    reason: z.enum(REPORT_REASONS, { message: 'Please choose a reason.' }),
    note: z
      .string()
      .trim()
      .max(500, 'Please keep it under 500 characters.')
      .transform((v) => v || null),
  })
  .refine((v) => v.reason !== 'other' || v.note !== null, { path: ['note'], message: 'Please say what is wrong with it.' });

/** How many reports one address may make per hour. */
export const REPORTS_PER_HOUR = 10;
