import { z } from 'zod';

export const REPLY_FIELDS = ['articleId', 'parentId', 'comment', 'name', 'email', 'website', 'notify', 'company', 'startedAt'] as const;

const optionalId = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    if (!/^[1-9][0-9]{0,12}$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'That reply cannot be answered.' });
      return z.NEVER;
    }
    return Number(v);
  });

/** Server-side validation of the reply form. `company` is the honeypot. */
export const ReplyFormSchema = z.object({
  articleId: z
    .string()
    .regex(/^[1-9][0-9]{0,12}$/, 'Unknown article.')
    .transform(Number),
  parentId: optionalId,
  comment: z
    .string()
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, 'Please type a comment.').max(5000, 'Please keep your comment under 5,000 characters.')),
  name: z
    .string()
    .trim()
    .min(1, 'Please enter your name.')
    .max(80, 'Please keep your name under 80 characters.')
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'Your name contains characters we cannot show.'),
  email: z
    .string()
    .trim()
    .min(1, 'Please enter your email address.')
    .max(254, 'That email address is too long.')
    .pipe(z.email('Please enter a valid email address.'))
    .transform((v) => v.toLowerCase()),
  website: z
    .string()
    .trim()
    .max(200, 'Please keep the website address under 200 characters.')
    .transform((v, ctx) => {
      if (v === '') return null;
      const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`;
      try {
        const url = new URL(withScheme);
        if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')) return url.toString();
      } catch {
        // fall through
      }
      ctx.addIssue({ code: 'custom', message: 'Please enter a web address starting with http:// or https://.' });
      return z.NEVER;
    }),
  notify: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
  company: z.string().max(500),
  startedAt: z
    .string()
    .trim()
    .transform((v) => (/^[0-9]{10,16}$/.test(v) ? Number(v) : null)),
});

export type ReplyFormInput = z.infer<typeof ReplyFormSchema>;
