'use server';

import { revalidatePath, updateTag } from 'next/cache';
import type { z } from 'zod';
import {
  createSection,
  createTag,
  deleteSection,
  deleteTag,
  mergeTags,
  moveSection,
  renameSection,
  renameTag,
  SlugTakenError,
  TaxonomyConflictError,
} from '@/db/queries/taxonomy-admin';
import { can } from '@/lib/auth/permissions';
import { NotAllowedError, requireStaff } from '@/lib/auth/staff-action';
import { cacheTags } from '@/lib/cache-tags';
import { fieldErrorsOf, formValues, type ActionState } from '@/lib/forms';
import { refreshRedirects } from '@/lib/redirects/refresh';
import { revalidateAgainShortly } from '@/lib/revalidate/echo';
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

// The sections and tags desk. Every action: session → can('taxonomy.manage') → safeParse → the work →
// revalidate exactly the reader pages that show what changed.

export type SectionFormState = ActionState<{ id: string; name: string; slug: string; description: string }>;
export type TagFormState = ActionState<{ id: string; name: string; slug: string }>;
export type MergeFormState = ActionState<{ from: string; into: string }>;

async function requireTaxonomyManager() {
  const staff = await requireStaff();
  if (!can(staff, { do: 'taxonomy.manage' })) throw new NotAllowedError();
  return staff;
}

/** Null when allowed; otherwise the error state to return. */
async function refuse<S extends ActionState>(values?: S['values']): Promise<S | null> {
  try {
    await requireTaxonomyManager();
    return null;
  } catch (e) {
    if (e instanceof NotAllowedError) return { status: 'error', message: e.message, values } as S;
    throw e;
  }
}

async function revalidateReaderPages(tags: string[]) {
  // A rename, merge or delete moves or retires an address.
  await refreshRedirects();
  const unique = [...new Set(tags)];
  for (const tag of unique) updateTag(tag);
  revalidateAgainShortly(unique);
  revalidatePath('/admin/sections');
}

function invalid<S extends ActionState>(message: string, error: z.ZodError, values: S['values']): S {
  return { status: 'error', message, fieldErrors: fieldErrorsOf(error), values } as S;
}

// Sections

export async function createSectionAction(_prev: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const values = formValues(formData, SECTION_FIELDS);
  const refused = await refuse<SectionFormState>(values);
  if (refused) return refused;
  const parsed = SectionSchema.safeParse(values);
  if (!parsed.success) return invalid('The section was not created.', parsed.error, values);
  try {
    await createSection(parsed.data);
  } catch (e) {
    if (e instanceof SlugTakenError) return { status: 'error', message: 'The section was not created.', fieldErrors: { slug: e.message }, values };
    throw e;
  }
  await revalidateReaderPages([cacheTags.sections, cacheTags.section(parsed.data.slug)]);
  return { status: 'success', message: `Created the section ${parsed.data.name} (/sections/${parsed.data.slug}).` };
}

export async function updateSectionAction(_prev: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const values = formValues(formData, ['id', ...SECTION_FIELDS] as const);
  const refused = await refuse<SectionFormState>(values);
  if (refused) return refused;
  const parsed = SectionUpdateSchema.safeParse(values);
  if (!parsed.success) return invalid('The section was not saved.', parsed.error, values);
  let saved;
  try {
    saved = await renameSection(parsed.data);
  } catch (e) {
    if (e instanceof SlugTakenError) return { status: 'error', message: 'The section was not saved.', fieldErrors: { slug: e.message }, values };
    throw e;
  }
  if (!saved) return { status: 'error', message: 'That section no longer exists.' };
  await revalidateReaderPages([
    cacheTags.sections,
    cacheTags.home,
    cacheTags.section(saved.oldSlug),
    cacheTags.section(saved.slug),
    ...saved.articleIds.map(cacheTags.article),
  ]);
  return { status: 'success', message: 'Saved.' };
}

export async function deleteSectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const refused = await refuse();
  if (refused) return refused;
  const parsed = DeleteSchema.safeParse({ id: formData.get('id') });
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0].message };
  let deleted;
  try {
    deleted = await deleteSection(parsed.data.id);
  } catch (e) {
    if (e instanceof TaxonomyConflictError) return { status: 'error', message: e.message };
    throw e;
  }
  if (!deleted) return { status: 'error', message: 'That section no longer exists.' };
  // No article is in it, so no article page changes.
  await revalidateReaderPages([cacheTags.sections, cacheTags.home, cacheTags.section(deleted.slug)]);
  return { status: 'success', message: `Deleted the section ${deleted.name}.` };
}

export async function moveSectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const refused = await refuse();
  if (refused) return refused;
  const parsed = MoveSectionSchema.safeParse({ id: formData.get('id'), direction: formData.get('direction') });
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0].message };
  const moved = await moveSection(parsed.data.id, parsed.data.direction);
  if (!moved) return { status: 'error', message: `That section is already at the ${parsed.data.direction === 'up' ? 'top' : 'bottom'}.` };
  // The order shows in the masthead of every reader page.
  await revalidateReaderPages([cacheTags.sections]);
  return { status: 'success', message: `Moved ${parsed.data.direction}.` };
}

// Tags

export async function createTagAction(_prev: TagFormState, formData: FormData): Promise<TagFormState> {
  const values = formValues(formData, TAG_FIELDS);
  const refused = await refuse<TagFormState>(values);
  if (refused) return refused;
  const parsed = TagSchema.safeParse(values);
  if (!parsed.success) return invalid('The tag was not created.', parsed.error, values);
  try {
    await createTag(parsed.data);
  } catch (e) {
    if (e instanceof SlugTakenError) return { status: 'error', message: 'The tag was not created.', fieldErrors: { slug: e.message }, values };
    throw e;
  }
  await revalidateReaderPages([cacheTags.tag(parsed.data.slug)]);
  return { status: 'success', message: `Created the tag ${parsed.data.name}.` };
}

export async function updateTagAction(_prev: TagFormState, formData: FormData): Promise<TagFormState> {
  const values = formValues(formData, ['id', ...TAG_FIELDS] as const);
  const refused = await refuse<TagFormState>(values);
  if (refused) return refused;
  const parsed = TagUpdateSchema.safeParse(values);
  if (!parsed.success) return invalid('The tag was not saved.', parsed.error, values);
  let saved;
  try {
    saved = await renameTag(parsed.data);
  } catch (e) {
    if (e instanceof SlugTakenError) return { status: 'error', message: 'The tag was not saved.', fieldErrors: { slug: e.message }, values };
    throw e;
  }
  if (!saved) return { status: 'error', message: 'That tag no longer exists.' };
  await revalidateReaderPages([cacheTags.tags, cacheTags.tag(saved.oldSlug), cacheTags.tag(saved.slug), ...saved.articleIds.map(cacheTags.article)]);
  return { status: 'success', message: 'Saved.' };
}

export async function mergeTagsAction(_prev: MergeFormState, formData: FormData): Promise<MergeFormState> {
  const values = formValues(formData, MERGE_FIELDS);
  const refused = await refuse<MergeFormState>(values);
  if (refused) return refused;
  const parsed = TagMergeSchema.safeParse(values);
  if (!parsed.success) return invalid('The tags were not merged.', parsed.error, values);
  let merged;
  try {
    merged = await mergeTags(parsed.data.from, parsed.data.into);
  } catch (e) {
    if (e instanceof TaxonomyConflictError) {
      const field = e.cause === 'from' || e.cause === 'into' ? e.cause : 'from';
      return { status: 'error', message: 'The tags were not merged.', fieldErrors: { [field]: e.message }, values };
    }
    throw e;
  }
  await revalidateReaderPages([cacheTags.tags, cacheTags.tag(merged.from.slug), cacheTags.tag(merged.into.slug), ...merged.articleIds.map(cacheTags.article)]);
  const n = merged.articleIds.length;
  return { status: 'success', message: `Merged ${merged.from.name} into ${merged.into.name} (${n} ${n === 1 ? 'article' : 'articles'} moved).` };
}

export async function deleteTagAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const refused = await refuse();
  if (refused) return refused;
  const parsed = DeleteSchema.safeParse({ id: formData.get('id') });
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0].message };
  let deleted;
  try {
    deleted = await deleteTag(parsed.data.id);
  } catch (e) {
    if (e instanceof TaxonomyConflictError) return { status: 'error', message: e.message };
    throw e;
  }
  if (!deleted) return { status: 'error', message: 'That tag no longer exists.' };
  await revalidateReaderPages([cacheTags.tags, cacheTags.tag(deleted.slug)]);
  return { status: 'success', message: `Deleted the tag ${deleted.name}.` };
}
