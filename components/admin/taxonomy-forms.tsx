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
import type { ActionState } from '@/lib/forms';

const input = 'rounded-sm border border-current/30 bg-transparent px-2 py-1 aria-[invalid=true]:border-red-700';
const primary = 'rounded-sm bg-[var(--color-ink)] px-4 py-2 font-semibold text-[var(--color-paper)] disabled:opacity-60';
const small = 'rounded-sm border border-current/40 px-2 py-1 font-semibold disabled:opacity-60';
const errorText = 'text-sm text-red-700 dark:text-red-400';

function Message({ state }: { state: ActionState }) {
  return (
    <div role="status" aria-live="polite" className="text-sm font-semibold">
      {state.message && <p className={state.status === 'error' ? 'text-red-700 dark:text-red-400' : 'text-green-800 dark:text-green-300'}>{state.message}</p>}
    </div>
  );
}

/** A labelled field whose refused value is marked invalid and tied to its message. */
function Field(props: {
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
  const described = [props.error ? `${props.id}-error` : null, props.hint ? `${props.id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`flex flex-col gap-1 ${props.wide ? 'sm:col-span-2' : ''}`}>
      <label htmlFor={props.id} className="text-sm font-semibold">
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.name}
        defaultValue={props.value}
        key={`${props.name}-${props.resetKey}`}
        list={props.list}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
        className={input}
      />
      {props.hint && (
        <p id={`${props.id}-hint`} className="text-xs text-current/70">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${props.id}-error`} className={errorText}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** An input inside a table cell, belonging to the row's form through the `form` attribute. */
function CellInput(props: { form: string; id: string; name: string; label: string; value: string; error?: string; resetKey: string; className?: string }) {
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
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        className={`${input} w-full ${props.className ?? ''}`}
      />
      {props.error && (
        <p id={`${props.id}-error`} className={errorText}>
          {props.error}
        </p>
      )}
    </>
  );
}

// Sections

export function NewSectionForm() {
  const [state, action, pending] = useActionState<SectionFormState, FormData>(createSectionAction, { status: 'idle' });
  const e = state.fieldErrors ?? {};
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const resetKey = state.message ?? '';
  return (
    <form action={action} noValidate className="flex flex-col gap-3 rounded-sm border border-current/20 p-4">
      <h3 className="font-serif text-lg font-bold">Add a section</h3>
      <Message state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="new-section-name" name="name" label="Section name" value={v.name} error={e.name} resetKey={resetKey} />
        <Field id="new-section-slug" name="slug" label="Section slug" value={v.slug} error={e.slug} resetKey={resetKey} hint="Leave empty to make it from the name." />
        <Field id="new-section-description" name="description" label="Description" value={v.description} error={e.description} resetKey={resetKey} wide />
      </div>
      <div>
        <button disabled={pending} className={primary}>
          Create section
        </button>
      </div>
    </form>
  );
}

export function SectionRow({
  section,
  first,
  last,
}: {
  section: { id: number; name: string; slug: string; description: string; position: number; articleCount: number };
  first: boolean;
  last: boolean;
}) {
  const [saveState, save, saving] = useActionState<SectionFormState, FormData>(updateSectionAction, { status: 'idle' });
  const [moveState, move, moving] = useActionState<ActionState, FormData>(moveSectionAction, { status: 'idle' });
  const [deleteState, remove, deleting] = useActionState<ActionState, FormData>(deleteSectionAction, { status: 'idle' });
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
          <button name="direction" value="up" disabled={moving || first} className={small} aria-label={`Move section ${section.name} up`}>
            ↑
          </button>
          <button name="direction" value="down" disabled={moving || last} className={small} aria-label={`Move section ${section.name} down`}>
            ↓
          </button>
        </form>
        <Message state={moveState} />
      </td>
      <td className="py-2 pr-2 text-center tabular-nums">{section.articleCount}</td>
      <td className="py-2">
        <div className="flex flex-wrap gap-2">
          <form id={formId} action={save} noValidate>
            <input type="hidden" name="id" value={section.id} />
            <button disabled={saving} className={small} aria-label={`Save section ${section.name}`}>
              Save section
            </button>
          </form>
          <form action={remove}>
            <input type="hidden" name="id" value={section.id} />
            <button disabled={deleting} className={small} aria-label={`Delete section ${section.name}`}>
              Delete section
            </button>
          </form>
        </div>
        <Message state={saveState} />
        <Message state={deleteState} />
      </td>
    </tr>
  );
}

// Tags

export function NewTagForm() {
  const [state, action, pending] = useActionState<TagFormState, FormData>(createTagAction, { status: 'idle' });
  const e = state.fieldErrors ?? {};
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const resetKey = state.message ?? '';
  return (
    <form action={action} noValidate className="flex flex-col gap-3 rounded-sm border border-current/20 p-4">
      <h3 className="font-serif text-lg font-bold">Add a tag</h3>
      <Message state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="new-tag-name" name="name" label="Tag name" value={v.name} error={e.name} resetKey={resetKey} />
        <Field id="new-tag-slug" name="slug" label="Tag slug" value={v.slug} error={e.slug} resetKey={resetKey} hint="Leave empty to make it from the name." />
      </div>
      <div>
        <button disabled={pending} className={primary}>
          Create tag
        </button>
      </div>
    </form>
  );
}

export function MergeTagsForm({ suggestions }: { suggestions: { slug: string; name: string }[] }) {
  const [state, action, pending] = useActionState<MergeFormState, FormData>(mergeTagsAction, { status: 'idle' });
  const e = state.fieldErrors ?? {};
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const resetKey = state.message ?? '';
  return (
    <form action={action} noValidate className="flex flex-col gap-3 rounded-sm border border-current/20 p-4">
      <h3 className="font-serif text-lg font-bold">Merge two tags</h3>
      <p id="merge-help" className="text-sm text-current/80">
        Every article of the first tag gets the second; then the first tag is deleted and its page goes away.
      </p>
      <Message state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="merge-from" name="from" label="Tag to merge" value={v.from} error={e.from} resetKey={resetKey} list="tag-suggestions" hint="The tag's slug or name." />
        <Field id="merge-into" name="into" label="Merge into" value={v.into} error={e.into} resetKey={resetKey} list="tag-suggestions" hint="The tag that stays." />
      </div>
      <datalist id="tag-suggestions">
        {suggestions.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name}
          </option>
        ))}
      </datalist>
      <div>
        <button disabled={pending} className={primary}>
          Merge tag
        </button>
      </div>
    </form>
  );
}

export function TagRow({ tag }: { tag: { id: number; name: string; slug: string; articleCount: number } }) {
  const [saveState, save, saving] = useActionState<TagFormState, FormData>(updateTagAction, { status: 'idle' });
  const [deleteState, remove, deleting] = useActionState<ActionState, FormData>(deleteTagAction, { status: 'idle' });
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
            <button disabled={saving} className={small} aria-label={`Save tag ${tag.name}`}>
              Save tag
            </button>
          </form>
          <form action={remove}>
            <input type="hidden" name="id" value={tag.id} />
            <button disabled={deleting} className={small} aria-label={`Delete tag ${tag.name}`}>
              Delete tag
            </button>
          </form>
        </div>
        <Message state={saveState} />
        <Message state={deleteState} />
      </td>
    </tr>
  );
}
