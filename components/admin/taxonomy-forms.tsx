'use client';

import { useActionState } from 'react';
import {
  createSectionAction,
  createTagAction,
  deleteSectionAction,
  deleteTagAction,
  mergeTagsAction,
  moveSectionAction,
  updateSectionAction,
  updateTagAction,
  type MergeFormState,
  type SectionFormState,
  type TagFormState,
} from '@/app/admin/sections/actions';
import { errorId, Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { errorText, inputClass, smallButton } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/forms';

/** A labelled text field of the add and merge forms; `resetKey` refills it after an answer. */
function TextField(props: {
  id: string;
  name: string;
  label: string;
  value?: string;
  error?: string;
  resetKey: string;
  hint?: string;
  list?: string;
  wide?: boolean;
}) {
  return (
    // The error is named first: it is what a refused field has to say.
    <Field
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      errorFirst
      className={`flex flex-col gap-1 ${props.wide ? 'sm:col-span-2' : ''}`}
    >
      <input name={props.name} defaultValue={props.value} key={`${props.name}-${props.resetKey}`} list={props.list} className={inputClass} />
    </Field>
  );
}

/** An input inside a table cell, belonging to the row's form through the `form` attribute (its column heading is its visible label). */
function CellInput(props: { form: string; id: string; name: string; label: string; value: string; error?: string; resetKey: string }) {
  return (
    <>
      <input
        form={props.form}
        id={props.id}
        name={props.name}
        defaultValue={props.value}
        key={props.resetKey}
        aria-label={props.label}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId(props.id) : undefined}
        className={`${inputClass} w-full`}
      />
      {props.error && (
        <p id={errorId(props.id)} className={errorText}>
          {props.error}
        </p>
      )}
    </>
  );
}

// Sections

/** `initial` (on every form here): the answer to a post made without JavaScript, which the page read back (lib/form-result). */
export function NewSectionForm({ initial }: { initial?: SectionFormState }) {
  const [state, action] = useActionState<SectionFormState, FormData>(createSectionAction, initial ?? { status: 'idle' });
  const e = state.fieldErrors ?? {};
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const resetKey = state.message ?? '';
  return (
    <form action={action} noValidate className="flex flex-col gap-3 rounded-sm border border-current/20 p-4">
      <h3 className="font-serif text-lg font-bold">Add a section</h3>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="new-section-name" name="name" label="Section name" value={v.name} error={e.name} resetKey={resetKey} />
        <TextField
          id="new-section-slug"
          name="slug"
          label="Section slug"
          value={v.slug}
          error={e.slug}
          resetKey={resetKey}
          hint="Leave empty to make it from the name."
        />
        <TextField id="new-section-description" name="description" label="Description" value={v.description} error={e.description} resetKey={resetKey} wide />
      </div>
      <div>
        <SubmitButton>Create section</SubmitButton>
      </div>
    </form>
  );
}

export function SectionRow({
  section,
  first,
  last,
  initial = {},
}: {
  section: { id: number; name: string; slug: string; description: string; position: number; articleCount: number };
  first: boolean;
  last: boolean;
  initial?: { save?: SectionFormState; move?: ActionState };
}) {
  const [saveState, save] = useActionState<SectionFormState, FormData>(updateSectionAction, initial.save ?? { status: 'idle' });
  const [moveState, move] = useActionState<ActionState, FormData>(moveSectionAction, initial.move ?? { status: 'idle' });
  const [deleteState, remove] = useActionState<ActionState, FormData>(deleteSectionAction, { status: 'idle' });
  const formId = `section-${section.id}`;
  const e = saveState.fieldErrors ?? {};
  const v = saveState.status === 'error' ? (saveState.values ?? {}) : {};
  // New props (after a save) or a new message refill the inputs.
  const key = (field: string) => `${field}-${saveState.message ?? ''}-${section.name}-${section.slug}-${section.description}`;
  const cell = (field: 'name' | 'slug' | 'description', label: string) => (
    <CellInput form={formId} id={`${formId}-${field}`} name={field} label={label} value={v[field] ?? section[field]} error={e[field]} resetKey={key(field)} />
  );
  return (
    <tr className="align-top">
      <td className="py-2 pr-2">{cell('name', `Name of section ${section.name}`)}</td>
      <td className="py-2 pr-2">{cell('slug', `Slug of section ${section.name}`)}</td>
      <td className="py-2 pr-2">{cell('description', `Summary of section ${section.name}`)}</td>
      <td className="py-2 pr-2 text-center">
        <form action={move} className="inline-flex gap-1">
          <input type="hidden" name="id" value={section.id} />
          <SubmitButton name="direction" value="up" disabled={first} className={smallButton} aria-label={`Move section ${section.name} up`}>
            ↑
          </SubmitButton>
          <SubmitButton name="direction" value="down" disabled={last} className={smallButton} aria-label={`Move section ${section.name} down`}>
            ↓
          </SubmitButton>
        </form>
        <FormMessage state={moveState} />
      </td>
      <td className="py-2 pr-2 text-center tabular-nums">{section.articleCount}</td>
      <td className="py-2">
        <div className="flex flex-wrap gap-2">
          <form id={formId} action={save} noValidate>
            <input type="hidden" name="id" value={section.id} />
            <SubmitButton className={smallButton} aria-label={`Save section ${section.name}`}>
              Save section
            </SubmitButton>
          </form>
          <form action={remove}>
            <input type="hidden" name="id" value={section.id} />
            <SubmitButton className={smallButton} aria-label={`Delete section ${section.name}`}>
              Delete section
            </SubmitButton>
          </form>
        </div>
        <FormMessage state={saveState} />
        <FormMessage state={deleteState} />
      </td>
    </tr>
  );
}

// Tags

export function NewTagForm({ initial }: { initial?: TagFormState }) {
  const [state, action] = useActionState<TagFormState, FormData>(createTagAction, initial ?? { status: 'idle' });
  const e = state.fieldErrors ?? {};
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const resetKey = state.message ?? '';
  return (
    <form action={action} noValidate className="flex flex-col gap-3 rounded-sm border border-current/20 p-4">
      <h3 className="font-serif text-lg font-bold">Add a tag</h3>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="new-tag-name" name="name" label="Tag name" value={v.name} error={e.name} resetKey={resetKey} />
        <TextField
          id="new-tag-slug"
          name="slug"
          label="Tag slug"
          value={v.slug}
          error={e.slug}
          resetKey={resetKey}
          hint="Leave empty to make it from the name."
        />
      </div>
      <div>
        <SubmitButton>Create tag</SubmitButton>
      </div>
    </form>
  );
}

export function MergeTagsForm({ suggestions, initial }: { suggestions: { slug: string; name: string }[]; initial?: MergeFormState }) {
  const [state, action] = useActionState<MergeFormState, FormData>(mergeTagsAction, initial ?? { status: 'idle' });
  const e = state.fieldErrors ?? {};
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const resetKey = state.message ?? '';
  return (
    <form action={action} noValidate className="flex flex-col gap-3 rounded-sm border border-current/20 p-4">
      <h3 className="font-serif text-lg font-bold">Merge two tags</h3>
      <p id="merge-help" className="text-sm text-current/80">
        Every article of the first tag gets the second; then the first tag is deleted and its page goes away.
      </p>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          id="merge-from"
          name="from"
          label="Tag to merge"
          value={v.from}
          error={e.from}
          resetKey={resetKey}
          list="tag-suggestions"
          hint="The tag's slug or name."
        />
        <TextField
          id="merge-into"
          name="into"
          label="Merge into"
          value={v.into}
          error={e.into}
          resetKey={resetKey}
          list="tag-suggestions"
          hint="The tag that stays."
        />
      </div>
      <datalist id="tag-suggestions">
        {suggestions.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name}
          </option>
        ))}
      </datalist>
      <div>
        <SubmitButton>Merge tag</SubmitButton>
      </div>
    </form>
  );
}

export function TagRow({ tag, initial = {} }: { tag: { id: number; name: string; slug: string; articleCount: number }; initial?: { save?: TagFormState } }) {
  const [saveState, save] = useActionState<TagFormState, FormData>(updateTagAction, initial.save ?? { status: 'idle' });
  const [deleteState, remove] = useActionState<ActionState, FormData>(deleteTagAction, { status: 'idle' });
  const formId = `tag-${tag.id}`;
  const e = saveState.fieldErrors ?? {};
  const v = saveState.status === 'error' ? (saveState.values ?? {}) : {};
  const key = (field: string) => `${field}-${saveState.message ?? ''}-${tag.name}-${tag.slug}`;
  const cell = (field: 'name' | 'slug', label: string) => (
    <CellInput form={formId} id={`${formId}-${field}`} name={field} label={label} value={v[field] ?? tag[field]} error={e[field]} resetKey={key(field)} />
  );
  return (
    <tr className="align-top">
      <td className="py-2 pr-2">{cell('name', `Name of tag ${tag.name}`)}</td>
      <td className="py-2 pr-2">{cell('slug', `Slug of tag ${tag.name}`)}</td>
      <td className="py-2 pr-2 text-center tabular-nums">{tag.articleCount}</td>
      <td className="py-2">
        <div className="flex flex-wrap gap-2">
          <form id={formId} action={save} noValidate>
            <input type="hidden" name="id" value={tag.id} />
            <SubmitButton className={smallButton} aria-label={`Save tag ${tag.name}`}>
              Save tag
            </SubmitButton>
          </form>
          <form action={remove}>
            <input type="hidden" name="id" value={tag.id} />
            <SubmitButton className={smallButton} aria-label={`Delete tag ${tag.name}`}>
              Delete tag
            </SubmitButton>
          </form>
        </div>
        <FormMessage state={saveState} />
        <FormMessage state={deleteState} />
      </td>
    </tr>
  );
}
