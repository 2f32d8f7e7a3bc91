'use server';

import { revalidatePath } from 'next/cache';
import { SlugTakenError } from '@/db/queries/errors';
import {
  createSection,
  createTag,
  deleteSection,
  deleteTag,
  mergeTags,
  moveSection,
  renameSection,
  renameTag,
  TaxonomyConflictError,
} from '@/db/queries/taxonomy-admin';
import { ActionError, staffAction } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import type { ActionState } from '@/lib/forms';
import { expireTags } from '@/lib/revalidate/expire';
import {
  DeleteSchema,
  MERGE_FIELDS,
  MoveSectionSchema,
  SECTION_FIELDS,
  SectionSchema,
  SectionUpdateSchema,
  TAG_FIELDS,
  TagMergeSchema,
  TagSchema,
  TagUpdateSchema,
} from '@/lib/taxonomy/schema';

// The sections and tags desk. Every action: can('taxonomy.manage') through the wrapper, the work, then
// exactly the reader pages that show what changed.

export type SectionFormState = ActionState<{ id: string; name: string; slug: string; description: string }>;
export type TagFormState = ActionState<{ id: string; name: string; slug: string }>;
export type MergeFormState = ActionState<{ from: string; into: string }>;

async function expireReaderPages(tags: string[]) {
  // A new slug, rename, merge or delete moves, frees or retires an address.
  await expireTags(tags, { redirects: true });
  revalidatePath('/admin/sections');
}

/** The same refusal beside the slug field, whatever was being saved. */
async function slugChecked<T>(headline: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof SlugTakenError) throw new ActionError(headline, { slug: e.message });
    throw e;
  }
}

/** A delete or merge that cannot go ahead says why. */
async function conflictChecked<T>(work: () => Promise<T>, refusal: (e: TaxonomyConflictError) => ActionError): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof TaxonomyConflictError) throw refusal(e);
    throw e;
  }
}

/** Plain form posts (no JavaScript) come back to the desk, to the form that was sent (one per row). */
const plain = (form: (id: string) => string) => ({
  form: (values: Record<string, string | undefined>) => form(/^[0-9]{1,12}$/.test(values.id ?? '') ? (values.id as string) : 'unknown'),
  page: '/admin/sections',
});

// Sections

export const createSectionAction = staffAction(
  { allow: 'taxonomy.manage', schema: SectionSchema, fields: SECTION_FIELDS, invalid: 'The section was not created.', plainPost: plain(() => 'section-new') },
  async (input): Promise<SectionFormState> => {
    await slugChecked('The section was not created.', () => createSection(input));
    await expireReaderPages([cacheTags.sections, cacheTags.section(input.slug)]);
    return { status: 'success', message: `Created the section ${input.name} (/sections/${input.slug}).` };
  },
);

export const updateSectionAction = staffAction(
  {
    allow: 'taxonomy.manage',
    schema: SectionUpdateSchema,
    fields: ['id', ...SECTION_FIELDS],
    invalid: 'The section was not saved.',
    plainPost: plain((id) => `section-${id}`),
  },
  async (input): Promise<SectionFormState> => {
    const saved = await slugChecked('The section was not saved.', () => renameSection(input));
    if (!saved) throw new ActionError('That section no longer exists.');
    await expireReaderPages([
      cacheTags.sections,
      cacheTags.home,
      cacheTags.section(saved.oldSlug),
      cacheTags.section(saved.slug),
      ...saved.articleIds.map(cacheTags.article),
    ]);
    return { status: 'success', message: 'Saved.' };
  },
);

export const deleteSectionAction = staffAction(
  // A refusal names the row it was for (`echo`), so the desk shows it there.
  { allow: 'taxonomy.manage', schema: DeleteSchema, fields: ['id'], echo: ['id'], plainPost: plain(() => 'section-delete') },
  async ({ id }): Promise<ActionState> => {
    const deleted = await conflictChecked(
      () => deleteSection(id),
      (e) => new ActionError(e.message),
    );
    if (!deleted) throw new ActionError('That section no longer exists.');
    // No article is in it, so no article page changes.
    await expireReaderPages([cacheTags.sections, cacheTags.home, cacheTags.section(deleted.slug)]);
    return { status: 'success', message: `Deleted the section ${deleted.name}.` };
  },
);

export const moveSectionAction = staffAction(
  { allow: 'taxonomy.manage', schema: MoveSectionSchema, fields: ['id', 'direction'], echo: [], plainPost: plain((id) => `section-move-${id}`) },
  async ({ id, direction }): Promise<ActionState> => {
    const moved = await moveSection(id, direction);
    if (!moved) throw new ActionError(`That section is already at the ${direction === 'up' ? 'top' : 'bottom'}.`);
    // The order shows in the masthead of every reader page.
    await expireReaderPages([cacheTags.sections]);
    return { status: 'success', message: `Moved ${direction}.` };
  },
);

// Tags

export const createTagAction = staffAction(
  { allow: 'taxonomy.manage', schema: TagSchema, fields: TAG_FIELDS, invalid: 'The tag was not created.', plainPost: plain(() => 'tag-new') },
  async (input): Promise<TagFormState> => {
    await slugChecked('The tag was not created.', () => createTag(input));
    await expireReaderPages([cacheTags.tag(input.slug)]);
    return { status: 'success', message: `Created the tag ${input.name}.` };
  },
);

export const updateTagAction = staffAction(
  {
    allow: 'taxonomy.manage',
    schema: TagUpdateSchema,
    fields: ['id', ...TAG_FIELDS],
    invalid: 'The tag was not saved.',
    plainPost: plain((id) => `tag-${id}`),
  },
  async (input): Promise<TagFormState> => {
    const saved = await slugChecked('The tag was not saved.', () => renameTag(input));
    if (!saved) throw new ActionError('That tag no longer exists.');
    await expireReaderPages([cacheTags.tags, cacheTags.tag(saved.oldSlug), cacheTags.tag(saved.slug), ...saved.articleIds.map(cacheTags.article)]);
    return { status: 'success', message: 'Saved.' };
  },
);

export const mergeTagsAction = staffAction(
  { allow: 'taxonomy.manage', schema: TagMergeSchema, fields: MERGE_FIELDS, invalid: 'The tags were not merged.', plainPost: plain(() => 'tag-merge') },
  async ({ from, into }): Promise<MergeFormState> => {
    const merged = await conflictChecked(
      () => mergeTags(from, into),
      (e) => new ActionError('The tags were not merged.', { [e.cause === 'into' ? 'into' : 'from']: e.message }),
    );
    await expireReaderPages([cacheTags.tags, cacheTags.tag(merged.from.slug), cacheTags.tag(merged.into.slug), ...merged.articleIds.map(cacheTags.article)]);
    const n = merged.articleIds.length;
    return { status: 'success', message: `Merged ${merged.from.name} into ${merged.into.name} (${n} ${n === 1 ? 'article' : 'articles'} moved).` };
  },
);

export const deleteTagAction = staffAction(
  { allow: 'taxonomy.manage', schema: DeleteSchema, fields: ['id'], echo: ['id'], plainPost: plain(() => 'tag-delete') },
  async ({ id }): Promise<ActionState> => {
    const deleted = await conflictChecked(
      () => deleteTag(id),
      (e) => new ActionError(e.message),
    );
    if (!deleted) throw new ActionError('That tag no longer exists.');
    await expireReaderPages([cacheTags.tags, cacheTags.tag(deleted.slug)]);
    return { status: 'success', message: `Deleted the tag ${deleted.name}.` };
  },
);
