'use client';

import { useActionState, useEffect, useState } from 'react';
import { previewMarkdownAction, saveArticleAction, uploadInlineImageAction, type ArticleFormState } from '@/app/admin/articles/actions';

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
};

type Buttons = { saveDraft: boolean; submit: boolean; publish: boolean; schedule: boolean; unpublish: boolean };

const input =
  'w-full rounded-sm border border-current/30 bg-transparent px-3 py-2 outline-offset-2 focus:outline-2 focus:outline-[var(--color-accent)] aria-[invalid=true]:border-red-700';

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

export function ArticleEditor({
  article,
  sections,
  buttons,
}: {
  article: EditorArticle;
  sections: { id: number; name: string }[];
  buttons: Buttons;
}) {
  const [state, action, pending] = useActionState<ArticleFormState, FormData>(saveArticleAction, { status: 'idle' });
  const v = { ...article, ...(state.values ?? {}) } as Record<string, unknown>;
  const errors = state.fieldErrors ?? {};
  const [body, setBody] = useState(String(v.body ?? ''));
  const [preview, setPreview] = useState<string | null>(null);
  const [inlineMessage, setInlineMessage] = useState('');
  const [uploading, setUploading] = useState(false);

  async function insertImage(form: HTMLElement) {
    const file = form.querySelector<HTMLInputElement>('#inline-image')?.files?.[0];
    const alt = form.querySelector<HTMLInputElement>('#inline-alt')?.value ?? '';
    const data = new FormData();
    if (file) data.set('image', file);
    data.set('alt', alt);
    setUploading(true);
    const result = await uploadInlineImageAction(data).catch(() => ({ error: 'The upload failed.', markdown: undefined }));
    setUploading(false);
    if (result.markdown) {
      setBody((b) => `${b.trimEnd()}\n\n${result.markdown}\n`);
      setInlineMessage('Image inserted at the end of the body.');
    } else setInlineMessage(result.error ?? 'The upload failed.');
  }

  useEffect(() => {
    const timer = setTimeout(() => {
      previewMarkdownAction(body).then(setPreview, () => setPreview(null));
    }, 400);
    return () => clearTimeout(timer);
  }, [body]);

  const attrs = (name: string) => ({
    id: `article-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `article-${name}-error` : undefined,
  });

  return (
    <form action={action} noValidate className="grid gap-8 lg:grid-cols-2">
      <input type="hidden" name="id" value={article.id ?? ''} />
      <div className="flex flex-col gap-4">
        <div role="status" aria-live="polite">
          {state.message && (
            <p className="rounded-sm border border-red-700/50 bg-red-50 px-3 py-2 text-sm font-semibold text-red-800 dark:bg-red-950/40 dark:text-red-300">
              {state.message}
            </p>
          )}
        </div>
        <Field id="article-title" label="Title" error={errors.title}>
          <input {...attrs('title')} defaultValue={String(v.title ?? '')} className={`${input} font-serif text-xl`} required />
        </Field>
        <Field id="article-slug" label="Slug" error={errors.slug}>
          <input {...attrs('slug')} defaultValue={String(v.slug ?? '')} className={input} placeholder="made from the title when empty" />
        </Field>
        <Field id="article-standfirst" label="Standfirst" error={errors.standfirst}>
          <textarea {...attrs('standfirst')} defaultValue={String(v.standfirst ?? '')} rows={2} className={`${input} font-serif`} />
        </Field>
        <Field id="article-body" label="Body" error={errors.body}>
          <textarea {...attrs('body')} value={body} onChange={(e) => setBody(e.target.value)} rows={18} className={`${input} font-mono text-sm`} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="article-sectionId" label="Section" error={errors.sectionId}>
            <select {...attrs('sectionId')} defaultValue={String(v.sectionId ?? '')} className={input}>
              <option value="">No section</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="article-tags" label="Tags" error={errors.tags}>
            <input {...attrs('tags')} defaultValue={String(v.tags ?? '')} className={input} placeholder="Comma-separated" />
          </Field>
        </div>
        <fieldset className="flex flex-col gap-2 rounded-sm border border-current/20 p-3">
          <legend className="px-1 text-sm font-semibold">Insert an image into the body</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            <div className="flex flex-col gap-1">
              <label htmlFor="inline-image" className="text-sm">
                Image file
              </label>
              <input id="inline-image" type="file" accept="image/*" className="text-sm" />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="inline-alt" className="text-sm">
                Image alt text
              </label>
              <input id="inline-alt" className={input} />
            </div>
          </div>
          <div className="flex items-center gap-3">
            <button
              type="button"
              disabled={uploading}
              onClick={(e) => insertImage(e.currentTarget.closest('fieldset')!)}
              className="rounded-sm border border-current/40 px-3 py-1 text-sm font-semibold"
            >
              {uploading ? 'Uploading…' : 'Insert image'}
            </button>
            <p role="status" className="text-sm">
              {inlineMessage}
            </p>
          </div>
        </fieldset>
        <details className="rounded-sm border border-current/20 p-3" open={Boolean(errors.cover || errors.coverAlt)}>
          <summary className="cursor-pointer text-sm font-semibold">Cover, search engines, comments and corrections</summary>
          <div className="mt-3 flex flex-col gap-4">
            {article.coverUrl && (
              // eslint-disable-next-line @next/next/no-img-element -- a small admin preview of an uploaded file
              <img src={article.coverUrl} alt="" className="max-h-40 w-auto self-start rounded-sm" />
            )}
            <Field id="article-cover" label="Cover image" error={errors.cover}>
              <input {...attrs('cover')} type="file" accept="image/*" className="text-sm" />
            </Field>
            <Field id="article-coverAlt" label="Cover alt text" error={errors.coverAlt}>
              <input {...attrs('coverAlt')} defaultValue={String(v.coverAlt ?? '')} className={input} />
            </Field>
            <Field id="article-coverCaption" label="Cover caption" error={errors.coverCaption}>
              <input {...attrs('coverCaption')} defaultValue={String(v.coverCaption ?? '')} className={input} />
            </Field>
            <Field id="article-seoTitle" label="Search engine headline" error={errors.seoTitle}>
              <input {...attrs('seoTitle')} defaultValue={String(v.seoTitle ?? '')} className={input} />
            </Field>
            <Field id="article-seoDescription" label="Search engine summary" error={errors.seoDescription}>
              <textarea {...attrs('seoDescription')} defaultValue={String(v.seoDescription ?? '')} rows={2} className={input} />
            </Field>
            <label className="flex items-center gap-2 text-sm font-semibold">
              <input type="checkbox" name="commentsOpen" defaultChecked={Boolean(v.commentsOpen)} /> Comments open
            </label>
            <Field id="article-correction" label="Add a correction (published with today's date)" error={errors.correction}>
              <textarea {...attrs('correction')} rows={2} className={input} />
            </Field>
          </div>
        </details>
        <div className="flex flex-wrap items-end gap-3 border-t border-current/15 pt-4">
          {buttons.saveDraft && (
            <button name="intent" value="save" disabled={pending} className="rounded-sm border border-current/40 px-4 py-2 font-semibold">
              Save draft
            </button>
          )}
          {buttons.submit && (
            <button name="intent" value="submit" disabled={pending} className="rounded-sm border border-current/40 px-4 py-2 font-semibold">
              Submit for review
            </button>
          )}
          {buttons.publish && (
            <button name="intent" value="publish" disabled={pending} className="rounded-sm bg-[var(--color-ink)] px-4 py-2 font-semibold text-[var(--color-paper)]">
              Publish
            </button>
          )}
          {buttons.schedule && (
            <span className="flex items-end gap-2">
              <Field id="article-scheduledFor" label="Publish at (UTC)" error={errors.scheduledFor}>
                <input {...attrs('scheduledFor')} type="datetime-local" defaultValue={String(v.scheduledFor ?? '')} className={input} />
              </Field>
              <button name="intent" value="schedule" disabled={pending} className="rounded-sm border border-current/40 px-4 py-2 font-semibold">
                Schedule
              </button>
            </span>
          )}
          {buttons.unpublish && (
            <button name="intent" value="unpublish" disabled={pending} className="rounded-sm border border-red-700/60 px-4 py-2 font-semibold text-red-800 dark:text-red-300">
              Unpublish
            </button>
          )}
        </div>
      </div>
      <section aria-labelledby="preview-heading" className="rounded-sm border border-current/15 p-4">
        <h2 id="preview-heading" className="mb-3 text-xs font-bold uppercase tracking-widest text-current/70">
          Preview
        </h2>
        {preview === null ? (
          <p className="text-sm text-current/70">The preview appears as you type.</p>
        ) : (
          <div className="prose prose-neutral max-w-none font-serif dark:prose-invert" dangerouslySetInnerHTML={{ __html: preview }} />
        )}
      </section>
    </form>
  );
}
