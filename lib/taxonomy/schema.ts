import { z } from 'zod';
import { SLUG_PATTERN, slugify } from '@/lib/slug';

// The sections and tags desk's fields, validated on the server. A blank slug is made from the name.

const SLUG_MESSAGE = 'Use lower-case letters, digits and single hyphens only (like "city-news").';

const slugInput = z
  .string()
  .trim()
  .toLowerCase()
  .max(80, 'The slug must be at most 80 characters.')
  .refine((v) => v === '' || SLUG_PATTERN.test(v), SLUG_MESSAGE);

const id = z.coerce.number({ message: 'Choose an existing item.' }).int('Choose an existing item.').positive('Choose an existing item.');

/** Fills a blank slug from the name; a name with nothing to make a slug from asks for one. */
function withSlug<T extends { name: string; slug: string }>(v: T, ctx: z.RefinementCtx): T {
  if (v.slug !== '') return v;
  const slug = slugify(v.name);
  if (!slug) {
    ctx.addIssue({ code: 'custom', path: ['slug'], message: 'Please enter a slug: the name has no letters or digits to make one from.' });
    return z.NEVER;
  }
  return { ...v, slug };
}

const sectionFields = {
  name: z.string().trim().min(1, 'Please enter a section name.').max(80, 'The section name must be at most 80 characters.'),
  slug: slugInput,
  description: z.string().trim().max(300, 'The description must be at most 300 characters.'),
};

export const SECTION_FIELDS = ['name', 'slug', 'description'] as const;
export const SectionSchema = z.object(sectionFields).transform(withSlug);
export const SectionUpdateSchema = z.object({ id, ...sectionFields }).transform(withSlug);

const tagFields = {
  name: z.string().trim().min(1, 'Please enter a tag name.').max(60, 'The tag name must be at most 60 characters.'),
  slug: slugInput,
};

export const TAG_FIELDS = ['name', 'slug'] as const;
export const TagSchema = z.object(tagFields).transform(withSlug);
export const TagUpdateSchema = z.object({ id, ...tagFields }).transform(withSlug);

/** A tag named by its slug or its name ("Harbour Works" finds harbour-works). */
const tagRef = (missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(80, 'The tag must be at most 80 characters.')
    .transform((v, ctx) => {
      const slug = SLUG_PATTERN.test(v) ? v : slugify(v);
      if (!slug) {
        ctx.addIssue({ code: 'custom', message: 'There is no tag with that name.' });
        return z.NEVER;
      }
      return slug;
    });

export const MERGE_FIELDS = ['from', 'into'] as const;
export const TagMergeSchema = z
  .object({ from: tagRef('Please name the tag to merge.'), into: tagRef('Please name the tag to merge into.') })
  .refine((v) => v.from !== v.into, { path: ['into'], message: 'A tag cannot be merged into itself.' });

export const DeleteSchema = z.object({ id });

/** `?tagPage=N`: a positive page number, anything else is page 1. */
export function parsePage(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 && n <= 100_000 ? n : 1;
}

export const MoveSectionSchema = z.object({ id, direction: z.enum(['up', 'down'], { message: 'Choose up or down.' }) });
