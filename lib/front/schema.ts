import { z } from 'zod';

// What the front-page forms at /admin/front post, checked on the server.

const optionalId = (message: string) => z.number({ message }).int({ message }).positive({ message }).max(Number.MAX_SAFE_INTEGER, { message }).nullable();

/** A form value that names an id: empty is none; anything else must be a whole number (NaN fails). */
export const idField = (value: FormDataEntryValue | null): number | null =>
  value === null || String(value).trim() === '' ? null : Number(String(value).trim());

export const PinSchema = z
  .object({
    slot: z.enum(['lead', 'top'], { message: 'Choose where to pin it.' }),
    sectionId: optionalId('Choose a section from the list.'),
    articleId: optionalId('Choose an article from the list.'),
    slug: z.string().trim().max(200, { message: 'That slug is too long.' }),
    expires: z.string().trim().max(40, { message: 'Enter the expiry as a date and time.' }),
  })
  .refine((v) => v.articleId !== null || v.slug !== '', { message: 'Choose an article or type its slug.', path: ['articleId'] })
  .refine((v) => v.slot === 'lead' || v.sectionId === null, { message: 'A section has only a lead story.', path: ['slot'] });

export const PinIdSchema = z.object({ id: z.number({ message: 'That pin is gone.' }).int().positive().max(Number.MAX_SAFE_INTEGER) });

export const MovePinSchema = PinIdSchema.extend({ direction: z.enum(['up', 'down'], { message: 'Choose up or down.' }) });

/** The notices the admin page shows after a change (only these, so a crafted link cannot put words there). */
export const FRONT_NOTICES = ['Pinned.', 'Moved.', 'Unpinned.'] as const;
