import { z } from 'zod';
import { SLUG_PATTERN } from '@/lib/slug';
import { parseLocalDateTime } from '@/lib/time/zone';

export const ARTICLE_FIELDS = [
  'title',
  'slug',
  'standfirst',
  'body',
  'sectionId',
  'tags',
  'coverAlt',
  'coverCaption',
  'seoTitle',
  'seoDescription',
  'commentsOpen',
  'scheduledFor',
  'correction',
] as const;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .transform((v) => (v === '' ? null : v));

/** The article editor's fields, validated on the server. */
export const ArticleFormSchema = z.object({
  title: z.string().trim().min(1, 'Please give the article a title.').max(300, 'The title must be at most 300 characters.'),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, 'The slug must be at most 80 characters.')
    .refine((v) => v === '' || SLUG_PATTERN.test(v), 'Use lower-case letters, digits and single hyphens only.'),
  standfirst: z.string().trim().max(600, 'The standfirst must be at most 600 characters.'),
  body: z.string().max(200_000, 'The body must be at most 200,000 characters.'),
  sectionId: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '') return null;
      if (!/^[1-9][0-9]*$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'Choose a section from the list.' });
        return z.NEVER;
      }
      return Number(v);
    }),
  tags: z
    .string()
    .max(2000, 'Too many tags.')
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ])
    .refine((tags) => tags.length <= 20, 'Use at most 20 tags.')
    .refine((tags) => tags.every((t) => t.length <= 60), 'Each tag must be at most 60 characters.'),
  coverAlt: optionalText(300, 'Alt text'),
  coverCaption: optionalText(500, 'The caption'),
  seoTitle: optionalText(120, 'The SEO title'),
  seoDescription: optionalText(300, 'The SEO description'),
  commentsOpen: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === 'true'),
  // "YYYY-MM-DDTHH:mm" as a datetime-local input sends it. The schema knows no zone and reads it as UTC;
  // the action reads the same text in the site's zone with parseLocalDateTime (scheduledForInZone).
  scheduledFor: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '') return null;
      const date = parseLocalDateTime(v, 'UTC');
      if (!date) {
        ctx.addIssue({ code: 'custom', message: 'Enter a date and time.' });
        return z.NEVER;
      }
      return date;
    }),
  correction: optionalText(2000, 'The correction'),
});

export type ArticleFormInput = z.infer<typeof ArticleFormSchema>;

/**
 * The publication time the editor typed, read on the site's wall clock: the form's raw "scheduledFor"
 * text (which the schema has checked) in `timeZone`. Null when the field is empty.
 */
export function scheduledForInZone(raw: string, timeZone: string): Date | null {
  return raw.trim() === '' ? null : parseLocalDateTime(raw, timeZone);
}
