'use client';

import { PreviewPanel } from '@/components/admin/editor/preview-panel';
import { useActionState, useEffect, useState } from 'react';
import { previewPageAction, savePageAction, type PageFormState } from '@/app/admin/pages/actions';
import { ConflictAlert } from '@/components/admin/editor/conflict-alert';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { dangerSecondaryButton, secondaryButton, wideInputClass } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import type { BodyFormat } from '@/db/enums';
import type { PageConflict } from '@/lib/pages/editing';

export type EditorPage = {
  id: number | null;
  title: string;
  slug: string;
  body: string;
  bodyFormat: BodyFormat;
  published: boolean;
  /** The version this form saves over (compare-and-set). */
  baseVersion: number;
};

/**
 * The page editor: title, slug, body and a live preview through the reader page's renderer. It posts
 * to savePageAction with or without JavaScript (a plain post comes back with `initial`, and with the
 * conflict the page worked out when someone saved first).
 */
export function PageEditor({
  page,
  initial,
  conflict: pageConflict,
  initialPreview,
}: {
  page: EditorPage;
  initial?: PageFormState;
  conflict?: { conflict: PageConflict; message: string };
  /** The preview as the page rendered it, so it shows before (and without) JavaScript. */
  initialPreview: string;
}) {
  const [state, action] = useActionState<PageFormState, FormData>(savePageAction, initial ?? { status: 'idle' });
  const values = state.values ?? {};
  const text = (name: 'title' | 'slug' | 'body') => values[name] ?? page[name];
  const conflict = state.conflict ? { conflict: state.conflict, message: state.message ?? '' } : state === initial ? pageConflict : undefined;
  // After a refusal the form saves over the version it was shown: merging by hand and saving again works.
  const baseVersion = conflict?.conflict.version ?? (values.baseVersion ? Number(values.baseVersion) : page.baseVersion);
  const errors = state.fieldErrors ?? {};
  const [body, setBody] = useState(text('body'));
  const [preview, setPreview] = useState(initialPreview);
  const [changed, setChanged] = useState(false);

  useEffect(() => {
    if (!changed) return;
    const timer = setTimeout(() => {
      previewPageAction({ body, format: page.bodyFormat }).then(setPreview, () => undefined);
    }, 400);
    return () => clearTimeout(timer);
  }, [body, changed, page.bodyFormat]);

  return (
    <form action={action} noValidate className="grid gap-8 lg:grid-cols-2">
      <input type="hidden" name="id" value={page.id ?? ''} />
      <input type="hidden" name="baseVersion" value={page.id ? baseVersion : ''} />
      <div className="flex min-w-0 flex-col gap-4">
        {conflict ? (
          <ConflictAlert conflict={conflict.conflict} message={conflict.message} sameText="Your title and body are the same as theirs; the slug may differ." />
        ) : (
          <FormMessage state={state} />
        )}
        <Field id="page-title" label="Title" error={errors.title}>
          <input name="title" defaultValue={text('title')} className={`${wideInputClass} font-serif text-xl`} required maxLength={200} />
        </Field>
        <Field
          id="page-slug"
          label="Slug"
          error={errors.slug}
          hint="The page's address at the site root, e.g. about for /about. Made from the title when empty."
        >
          <input name="slug" defaultValue={text('slug')} className={wideInputClass} placeholder="made from the title when empty" />
        </Field>
        <Field
          id="page-body"
          label="Body"
          error={errors.body}
          hint={page.bodyFormat === 'html' ? 'This page was imported as HTML: edit the HTML itself (it is sanitized like every page).' : 'Markdown.'}
        >
          <textarea
            name="body"
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              setChanged(true);
            }}
            rows={20}
            className={`${wideInputClass} font-mono text-sm`}
          />
        </Field>
        <fieldset className="flex flex-wrap items-end gap-3 border-t border-current/15 pt-4">
          <legend className="sr-only">Save</legend>
          {!page.published && (
            <SubmitButton name="intent" value="save" className={secondaryButton}>
              Save draft
            </SubmitButton>
          )}
          <SubmitButton name="intent" value="publish">
            Publish
          </SubmitButton>
          {page.published && (
            <SubmitButton name="intent" value="unpublish" className={dangerSecondaryButton}>
              Unpublish
            </SubmitButton>
          )}
        </fieldset>
        {page.published && <p className="text-xs text-current/70">Publish saves your changes and readers see them at once; Unpublish takes the page down.</p>}
      </div>
      <PreviewPanel html={preview} headingId="preview-heading" />
    </form>
  );
}
