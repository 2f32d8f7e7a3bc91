'use client';

import { PreviewPanel } from '@/components/admin/editor/preview-panel';
import { useActionState, useEffect, useRef, useState } from 'react';
import { previewMarkdownAction, saveArticleAction, type ArticleFormState, type SaveConflict } from '@/app/admin/articles/actions';
import { InlineImageForm } from '@/components/admin/inline-image-form';
import { insertAtCursor } from '@/lib/text/insert-at-cursor';
import { ConflictAlert } from '@/components/admin/editor/conflict-alert';
import { EditingPresence, type Editors } from '@/components/admin/editor/presence';
import { useAutosave } from '@/components/admin/editor/use-autosave';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { dangerSecondaryButton, secondaryButton, wideInputClass } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import type { BodyFormat } from '@/db/enums';

export type EditorArticle = {
  id: number | null;
  title: string;
  slug: string;
  standfirst: string;
  body: string;
  sectionId: number | null;
  tags: string;
  coverAlt: string;
  coverCaption: string;
  seoTitle: string;
  seoDescription: string;
  commentsOpen: boolean;
  status: string;
  scheduledFor: string;
  coverUrl: string | null;
  /** A correction saved with pending changes, published with them. */
  correction: string;
  /** The version this form saves over (compare-and-set). */
  baseVersion: number;
  /** 'html' for a body imported as HTML: it is previewed (and stays) HTML. Markdown when absent. */
  bodyFormat?: BodyFormat;
};

type Buttons = { saveDraft: boolean; submit: boolean; publish: boolean; schedule: boolean; unpublish: boolean };

export function ArticleEditor({
  article,
  sections,
  buttons,
  editors,
  conflict: pageConflict,
  timeZone,
}: {
  article: EditorArticle;
  sections: { id: number; name: string }[];
  buttons: Buttons;
  /** Who else has the article open, as the page loaded (null for a new article). */
  editors: Editors | null;
  /** A conflict the page found (a refused save without JavaScript, or restored text typed over an older version). */
  conflict?: { conflict: SaveConflict; message: string };
  /** The site's time zone: the schedule is typed and shown in it. */
  timeZone: string;
}) {
  const [state, action] = useActionState<ArticleFormState, FormData>(saveArticleAction, { status: 'idle' });
  const v = { ...article, ...(state.values ?? {}) } as Record<string, unknown>;
  const conflict = state.conflict ? { conflict: state.conflict, message: state.message ?? '' } : state.status === 'idle' ? pageConflict : undefined;
  // After a refusal the form saves over the version it was shown: merging by hand and saving again works.
  const baseVersion = conflict?.conflict.version ?? article.baseVersion;
  const formRef = useRef<HTMLFormElement>(null);
  const autosave = useAutosave(formRef, article.id, baseVersion);
  const [takenOver, setTakenOver] = useState(false);
  const { saveRefused } = autosave;
  useEffect(() => {
    if (state.status === 'error') saveRefused();
  }, [state, saveRefused]);
  // saveRefused is a fresh function each render but only flips a ref: depending on `state` is what matters.
  const text = (name: string) => String(v[name] ?? '');
  const errors = state.fieldErrors ?? {};
  const [body, setBody] = useState(text('body'));
  const [preview, setPreview] = useState<string | null>(null);
  const isHtml = article.bodyFormat === 'html';
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  /** Puts an uploaded image's Markdown where the cursor is (read from the textarea itself, so typing during the upload is kept). */
  function insertImage(markdown: string) {
    const area = bodyRef.current;
    const current = area?.value ?? body;
    const next = insertAtCursor(current, area?.selectionStart ?? current.length, area?.selectionEnd ?? current.length, markdown);
    setBody(next.text);
    autosave.changed();
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(next.cursor, next.cursor);
    });
  }

  useEffect(() => {
    const timer = setTimeout(() => {
      previewMarkdownAction(isHtml ? { body, format: 'html' } : body).then(setPreview, () => setPreview(null));
    }, 400);
    return () => clearTimeout(timer);
  }, [body, isHtml]);

  return (
    <>
      {article.id && editors && (
        <EditingPresence
          articleId={article.id}
          initial={editors}
          timeZone={timeZone}
          onTakenOver={() => {
            setTakenOver(true);
            void autosave.flush();
          }}
        />
      )}
      <form ref={formRef} action={action} noValidate className="grid gap-8 lg:grid-cols-2">
        <input type="hidden" name="id" value={article.id ?? ''} />
        <input type="hidden" name="baseVersion" value={article.id ? baseVersion : ''} />
        <div className="flex min-w-0 flex-col gap-4">
          {conflict ? <ConflictAlert conflict={conflict.conflict} message={conflict.message} /> : <FormMessage state={state} />}
          <Field id="article-title" label="Title" error={errors.title}>
            <input name="title" defaultValue={text('title')} className={`${wideInputClass} font-serif text-xl`} required />
          </Field>
          <Field id="article-slug" label="Slug" error={errors.slug}>
            <input name="slug" defaultValue={text('slug')} className={wideInputClass} placeholder="made from the title when empty" />
          </Field>
          <Field id="article-standfirst" label="Standfirst" error={errors.standfirst}>
            <textarea name="standfirst" defaultValue={text('standfirst')} rows={2} className={`${wideInputClass} font-serif`} />
          </Field>
          <Field id="article-body" label="Body" error={errors.body} hint={isHtml ? 'Imported as HTML: write HTML here, not Markdown.' : undefined}>
            <textarea
              ref={bodyRef}
              name="body"
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={18}
              className={`${wideInputClass} font-mono text-sm`}
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="article-sectionId" label="Section" error={errors.sectionId}>
              <select name="sectionId" defaultValue={text('sectionId')} className={wideInputClass}>
                <option value="">No section</option>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="article-tags" label="Tags" error={errors.tags}>
              <input name="tags" defaultValue={text('tags')} className={wideInputClass} placeholder="Comma-separated" />
            </Field>
          </div>
          <InlineImageForm onInsert={insertImage} />
          <details className="rounded-sm border border-current/20 p-3" open={Boolean(errors.cover || errors.coverAlt)}>
            <summary className="cursor-pointer text-sm font-semibold">Cover, search engines, comments and corrections</summary>
            <div className="mt-3 flex flex-col gap-4">
              {article.coverUrl && (
                // eslint-disable-next-line @next/next/no-img-element -- a small admin preview of an uploaded file
                <img src={article.coverUrl} alt="" className="max-h-40 w-auto self-start rounded-sm" />
              )}
              <Field id="article-cover" label="Cover image" error={errors.cover}>
                <input name="cover" type="file" accept="image/*" className="text-sm" />
              </Field>
              <Field id="article-coverAlt" label="Cover alt text" error={errors.coverAlt}>
                <input name="coverAlt" defaultValue={text('coverAlt')} className={wideInputClass} />
              </Field>
              <Field id="article-coverCaption" label="Cover caption" error={errors.coverCaption}>
                <input name="coverCaption" defaultValue={text('coverCaption')} className={wideInputClass} />
              </Field>
              <Field id="article-seoTitle" label="Search engine headline" error={errors.seoTitle}>
                <input name="seoTitle" defaultValue={text('seoTitle')} className={wideInputClass} />
              </Field>
              <Field id="article-seoDescription" label="Search engine summary" error={errors.seoDescription}>
                <textarea name="seoDescription" defaultValue={text('seoDescription')} rows={2} className={wideInputClass} />
              </Field>
              <label className="flex items-center gap-2 text-sm font-semibold">
                <input type="checkbox" name="commentsOpen" defaultChecked={Boolean(v.commentsOpen)} /> Comments open
              </label>
              <Field id="article-correction" label="Add a correction (published with today's date)" error={errors.correction}>
                <textarea name="correction" rows={2} defaultValue={text('correction')} className={wideInputClass} />
              </Field>
            </div>
          </details>
          <fieldset disabled={takenOver} className="flex flex-wrap items-end gap-3 border-t border-current/15 pt-4">
            <legend className="sr-only">Save</legend>
            {buttons.saveDraft && (
              <SubmitButton name="intent" value="save" className={secondaryButton}>
                Save draft
              </SubmitButton>
            )}
            {buttons.submit && (
              <SubmitButton name="intent" value="submit" className={secondaryButton}>
                Submit for review
              </SubmitButton>
            )}
            {buttons.publish && (
              <SubmitButton name="intent" value="publish">
                Publish
              </SubmitButton>
            )}
            {buttons.schedule && (
              <span className="flex items-end gap-2">
                <Field id="article-scheduledFor" label={`Publish at (${timeZone})`} error={errors.scheduledFor}>
                  <input name="scheduledFor" type="datetime-local" defaultValue={text('scheduledFor')} className={wideInputClass} />
                </Field>
                <SubmitButton name="intent" value="schedule" className={secondaryButton}>
                  Schedule
                </SubmitButton>
              </span>
            )}
            {buttons.unpublish && (
              <SubmitButton name="intent" value="unpublish" className={dangerSecondaryButton}>
                Unpublish
              </SubmitButton>
            )}
          </fieldset>
          <p className="text-xs text-current/70" aria-live="off">
            {autosave.failed ??
              (autosave.savedAt
                ? `Unsaved changes kept privately at ${new Date(autosave.savedAt).toLocaleTimeString('en-GB')}; they stay unsaved until you save.`
                : 'What you type is kept privately every few seconds until you save.')}
          </p>
        </div>
        <PreviewPanel html={preview} headingId="preview-heading" />
      </form>
    </>
  );
}
