import { z } from 'zod';
import { slugify } from '@/lib/slug';
import { pageSlugProblem } from './slug';

// The page editor's fields and the desk's small forms, validated on the server. A blank slug is made
// from the title; a slug that would shadow one of the site's own addresses is refused beside the field.

export const PAGE_FIELDS = ['title', 'slug', 'body'] as const;
/** The editor's name for an answer to a plain post (no JavaScript), lib/form-result.ts. */
export const PAGE_EDITOR_FORM = 'page-editor';
export const PAGE_INTENTS = ['save', 'publish', 'unpublish'] as const;
export type PageIntent = (typeof PAGE_INTENTS)[number];

export const PAGE_TITLE_MAX = 200;
export const PAGE_BODY_MAX = 200_000;

const recordId = (message: string) =>
  z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, message)
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n), message);

const pageFields = {
  title: z.string().trim().min(1, 'Please give the page a title.').max(PAGE_TITLE_MAX, `The title must be at most ${PAGE_TITLE_MAX} characters.`),
  slug: z.string().trim().toLowerCase(),
  body: z.string().max(PAGE_BODY_MAX, 'The body must be at most 200,000 characters.'),
};

/** Fills a blank slug from the title, then checks it can be a page's address. */
function checkedSlug<T extends { title: string; slug: string }>(v: T, ctx: z.RefinementCtx): T {
  const slug = v.slug === '' ? slugify(v.title) : v.slug;
  if (!slug) {
    ctx.addIssue({ code: 'custom', path: ['slug'], message: 'Please enter a slug: the title has no letters or digits to make one from.' });
    return z.NEVER;
  }
  const problem = pageSlugProblem(slug);
  if (problem) {
    ctx.addIssue({ code: 'custom', path: ['slug'], message: problem });
    return z.NEVER;
  }
  return { ...v, slug };
}

export const PageFormSchema = z.object(pageFields).transform(checkedSlug);
export type PageFormInput = z.output<typeof PageFormSchema>;

export const PageSaveSchema = z
  .object({
    ...pageFields,
    // Empty for a new page.
    id: z.union([z.literal('').transform(() => null), recordId('That page no longer exists.')]),
    // The version the editor opened (empty for a new page): a save over a newer one is refused.
    baseVersion: z.union([
      z.literal('').transform(() => null),
      z
        .string()
        .regex(/^[0-9]{1,15}$/, 'Reload the page: this form is from an unknown version.')
        .transform(Number),
    ]),
    intent: z.enum(PAGE_INTENTS, { message: 'Unknown action.' }),
  })
  .transform(checkedSlug);

export const PageIdSchema = z.object({ id: recordId('That page no longer exists.') });

export const PageRestoreSchema = z.object({
  pageId: recordId('That page no longer exists.'),
  revisionId: recordId('Unknown revision.'),
  baseVersion: z
    .string()
    .regex(/^[0-9]{1,15}$/, 'Reload the page: this form is from an unknown version.')
    .transform(Number),
});

export const FOOTER_MOVES = ['add', 'remove', 'up', 'down'] as const;
export type FooterMove = (typeof FOOTER_MOVES)[number];
export const FooterMoveSchema = z.object({ id: recordId('That page no longer exists.'), move: z.enum(FOOTER_MOVES, { message: 'Unknown action.' }) });
