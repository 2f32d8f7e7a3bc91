'use client';

import { createContext, useActionState, useContext } from 'react';
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
import { dangerButton, errorText, inputClass, smallButton } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState, type ActionState } from '@/lib/forms';

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

// The desk's deletes. They answer above their list, not in their row (a deleted row is gone), and an
// answer older than the newest delete gives way: after a delete the add form no longer says "Created
// the section…".

type DeskDeletes = {
  removeSection: (formData: FormData) => void;
  sectionDeleted: ActionState;
  removeTag: (formData: FormData) => void;
  tagDeleted: ActionState;
  /** When the newest delete was answered (the server's `at`). */
  newestDelete: number;
};

const DeskContext = createContext<DeskDeletes | null>(null);

function useDesk(): DeskDeletes {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('Taxonomy forms belong inside <TaxonomyDesk>.');
  return desk;
}

/** This form's answer, unless a delete answered after it (then idle: the message is out of date). */
function useCurrent(state: ActionState): ActionState {
  const { newestDelete } = useDesk();
  return (state.at ?? 0) >= newestDelete ? state : idleState;
}

/** Holds the deletes of sections and tags for the rows and the notices. `initial`: the answers to deletes posted without JavaScript. */
export function TaxonomyDesk({ initial = {}, children }: { initial?: { sectionDelete?: ActionState; tagDelete?: ActionState }; children: React.ReactNode }) {
  const [sectionDeleted, removeSection] = useActionState<ActionState, FormData>(deleteSectionAction, initial.sectionDelete ?? idleState);
  const [tagDeleted, removeTag] = useActionState<ActionState, FormData>(deleteTagAction, initial.tagDelete ?? idleState);
  const newestDelete = Math.max(sectionDeleted.at ?? 0, tagDeleted.at ?? 0);
  return <DeskContext value={{ removeSection, sectionDeleted, removeTag, tagDeleted, newestDelete }}>{children}</DeskContext>;
}

/** The answer to a delete, above its list, unless it is a refusal that the row in `rowIds` shows itself. */
export function DeleteNotice({ of, rowIds, className }: { of: 'section' | 'tag'; rowIds: number[]; className?: string }) {
  const desk = useDesk();
  const state = useCurrent(of === 'section' ? desk.sectionDeleted : desk.tagDeleted);
  const inRow = state.status === 'error' && rowIds.map(String).includes(state.values?.id ?? '');
  return <FormMessage state={inRow ? idleState : state} className={className} />;
}

/** A refusal of this row's delete (e.g. still in use), shown in the row. */
function useRowDeleteRefusal(state: ActionState, id: number): ActionState {
  const current = useCurrent(state);
  return current.status === 'error' && current.values?.id === String(id) ? current : idleState;
}

/**
 * Delete behind a confirmation that needs no JavaScript: "Delete…" opens the consequence and the real
 * button ("Delete section News"), so one stray click deletes nothing.
 */
function ConfirmDelete({
  what,
  name,
  id,
  consequence,
  action,
}: {
  what: 'section' | 'tag';
  name: string;
  id: number;
  consequence: React.ReactNode;
  action: (formData: FormData) => void;
}) {
  const label = `Delete ${what} ${name}`;
  return (
    // Opens in place (the row grows), so nothing it says covers another row's message.
    <details className="group">
      <summary
        aria-label={`${label}…`}
        className={`${smallButton} inline-block cursor-pointer list-none group-open:bg-current/10 [&::-webkit-details-marker]:hidden`}
      >
        Delete…
      </summary>
      <div className="mt-2 flex max-w-xs flex-col items-start gap-2 rounded-sm border border-red-800/40 p-3 text-sm">
        <p>{consequence}</p>
        <form action={action}>
          <input type="hidden" name="id" value={id} />
          <SubmitButton className={dangerButton} aria-label={label}>
            Delete {what}
          </SubmitButton>
        </form>
      </div>
    </details>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// Sections

/** `initial` (on every form here): the answer to a post made without JavaScript, which the page read back (lib/form-result). */
export function NewSectionForm({ initial }: { initial?: SectionFormState }) {
  const [state, action] = useActionState<SectionFormState, FormData>(createSectionAction, initial ?? { status: 'idle' });
  const shown = useCurrent(state);
  const e = state.fieldErrors ?? {};
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const resetKey = state.message ?? '';
  return (
    <form action={action} noValidate className="flex flex-col gap-3 rounded-sm border border-current/20 p-4">
      <h3 className="font-serif text-lg font-bold">Add a section</h3>
      <FormMessage state={shown} />
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

// The rows read as a table from md up and as one card per row below it (no sideways scrolling on a
// phone); a card names each value with the column's heading (hidden from screen readers, which
// already hear each field's own label).
const rowClass = 'grid grid-cols-2 gap-x-3 gap-y-2 py-4 md:table-row md:py-0';
const halfCellClass = 'min-w-0 md:table-cell md:py-2 md:pr-2 md:align-top';
const cellClass = `col-span-2 ${halfCellClass}`;

function CellLabel({ children }: { children: React.ReactNode }) {
  return (
    <span aria-hidden className="mb-1 block text-xs font-semibold uppercase tracking-widest text-current/70 md:hidden">
      {children}
    </span>
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
  const { removeSection, sectionDeleted } = useDesk();
  const [saveState, save] = useActionState<SectionFormState, FormData>(updateSectionAction, initial.save ?? { status: 'idle' });
  const [moveState, move] = useActionState<ActionState, FormData>(moveSectionAction, initial.move ?? { status: 'idle' });
  const saved = useCurrent(saveState);
  const moved = useCurrent(moveState);
  const refused = useRowDeleteRefusal(sectionDeleted, section.id);
  const formId = `section-${section.id}`;
  const e = saveState.fieldErrors ?? {};
  const v = saveState.status === 'error' ? (saveState.values ?? {}) : {};
  // New props (after a save) or a new message refill the inputs.
  const key = (field: string) => `${field}-${saveState.message ?? ''}-${section.name}-${section.slug}-${section.description}`;
  const cell = (field: 'name' | 'slug' | 'description', label: string) => (
    <CellInput form={formId} id={`${formId}-${field}`} name={field} label={label} value={v[field] ?? section[field]} error={e[field]} resetKey={key(field)} />
  );
  const n = section.articleCount;
  return (
    <tr className={rowClass}>
      <td className={cellClass}>
        <CellLabel>Name</CellLabel>
        {cell('name', `Name of section ${section.name}`)}
      </td>
      <td className={cellClass}>
        <CellLabel>Slug</CellLabel>
        {cell('slug', `Slug of section ${section.name}`)}
      </td>
      <td className={cellClass}>
        <CellLabel>Description</CellLabel>
        {cell('description', `Summary of section ${section.name}`)}
      </td>
      <td className={`${halfCellClass} md:text-center`}>
        <CellLabel>Order</CellLabel>
        <form action={move} className="inline-flex gap-1">
          <input type="hidden" name="id" value={section.id} />
          <SubmitButton name="direction" value="up" disabled={first} className={smallButton} aria-label={`Move section ${section.name} up`}>
            ↑
          </SubmitButton>
          <SubmitButton name="direction" value="down" disabled={last} className={smallButton} aria-label={`Move section ${section.name} down`}>
            ↓
          </SubmitButton>
        </form>
        <FormMessage state={moved} />
      </td>
      <td className={`${halfCellClass} tabular-nums md:text-center`}>
        <CellLabel>Articles</CellLabel>
        {n}
      </td>
      <td className={cellClass}>
        <div className="flex flex-wrap items-start gap-2">
          <form id={formId} action={save} noValidate>
            <input type="hidden" name="id" value={section.id} />
            <SubmitButton className={smallButton} aria-label={`Save section ${section.name}`}>
              Save section
            </SubmitButton>
          </form>
          <ConfirmDelete
            what="section"
            name={section.name}
            id={section.id}
            action={removeSection}
            consequence={
              n > 0 ? (
                <>
                  <strong>{section.name}</strong> still has {plural(n, 'article', 'articles')}: move {n === 1 ? 'it' : 'them'} to another section first. Until
                  then it cannot be deleted.
                </>
              ) : (
                <>
                  Delete <strong>{section.name}</strong>? It leaves the site&rsquo;s menu and its page /sections/{section.slug} goes away. This cannot be
                  undone.
                </>
              )
            }
          />
        </div>
        <FormMessage state={saved} />
        <FormMessage state={refused} />
      </td>
    </tr>
  );
}

// Tags

export function NewTagForm({ initial }: { initial?: TagFormState }) {
  const [state, action] = useActionState<TagFormState, FormData>(createTagAction, initial ?? { status: 'idle' });
  const shown = useCurrent(state);
  const e = state.fieldErrors ?? {};
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const resetKey = state.message ?? '';
  return (
    <form action={action} noValidate className="flex flex-col gap-3 rounded-sm border border-current/20 p-4">
      <h3 className="font-serif text-lg font-bold">Add a tag</h3>
      <FormMessage state={shown} />
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
  const shown = useCurrent(state);
  const e = state.fieldErrors ?? {};
  const v = state.status === 'error' ? (state.values ?? {}) : {};
  const resetKey = state.message ?? '';
  return (
    <form action={action} noValidate className="flex flex-col gap-3 rounded-sm border border-current/20 p-4">
      <h3 className="font-serif text-lg font-bold">Merge two tags</h3>
      <p id="merge-help" className="text-sm text-current/80">
        Every article of the first tag gets the second; then the first tag is deleted and its page goes away.
      </p>
      <FormMessage state={shown} />
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
  const { removeTag, tagDeleted } = useDesk();
  const [saveState, save] = useActionState<TagFormState, FormData>(updateTagAction, initial.save ?? { status: 'idle' });
  const saved = useCurrent(saveState);
  const refused = useRowDeleteRefusal(tagDeleted, tag.id);
  const formId = `tag-${tag.id}`;
  const e = saveState.fieldErrors ?? {};
  const v = saveState.status === 'error' ? (saveState.values ?? {}) : {};
  const key = (field: string) => `${field}-${saveState.message ?? ''}-${tag.name}-${tag.slug}`;
  const cell = (field: 'name' | 'slug', label: string) => (
    <CellInput form={formId} id={`${formId}-${field}`} name={field} label={label} value={v[field] ?? tag[field]} error={e[field]} resetKey={key(field)} />
  );
  const n = tag.articleCount;
  return (
    <tr className={rowClass}>
      <td className={halfCellClass}>
        <CellLabel>Name</CellLabel>
        {cell('name', `Name of tag ${tag.name}`)}
      </td>
      <td className={halfCellClass}>
        <CellLabel>Slug</CellLabel>
        {cell('slug', `Slug of tag ${tag.name}`)}
      </td>
      <td className={`${cellClass} tabular-nums md:text-center`}>
        <span aria-hidden className="text-xs font-semibold uppercase tracking-widest text-current/70 md:hidden">
          Articles:{' '}
        </span>
        {n}
      </td>
      <td className={cellClass}>
        <div className="flex flex-wrap items-start gap-2">
          <form id={formId} action={save} noValidate>
            <input type="hidden" name="id" value={tag.id} />
            <SubmitButton className={smallButton} aria-label={`Save tag ${tag.name}`}>
              Save tag
            </SubmitButton>
          </form>
          <ConfirmDelete
            what="tag"
            name={tag.name}
            id={tag.id}
            action={removeTag}
            consequence={
              n > 0 ? (
                <>
                  <strong>{tag.name}</strong> is still on {plural(n, 'article', 'articles')}, so it cannot be deleted: merge it into another tag instead
                  (above).
                </>
              ) : (
                <>
                  Delete <strong>{tag.name}</strong>? Its page /tags/{tag.slug} goes away. This cannot be undone.
                </>
              )
            }
          />
        </div>
        <FormMessage state={saved} />
        <FormMessage state={refused} />
      </td>
    </tr>
  );
}
