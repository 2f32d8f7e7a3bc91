'use client';

import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { uploadInlineImageAction } from '@/app/admin/articles/actions';
import { Field } from '@/components/ui/field';
import { errorText, smallButton, successText, wideInputClass } from '@/components/ui/styles';

/**
 * Uploads an image for the article body with its alt text, caption and credit, and hands the Markdown
 * (`![alt](/media/… "Caption — Credit")`) to `onInsert`, which puts it where the cursor is.
 * It sits inside the editor's form, so its controls have no names: saving the article never sends them.
 */
export function InlineImageForm({ onInsert }: { onInsert: (markdown: string) => void }) {
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [credit, setCredit] = useState('');
  const [uploading, setUploading] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);

  async function insert() {
    if (uploading) return;
    const data = new FormData();
    const chosen = file.current?.files?.[0];
    if (chosen) data.set('image', chosen);
    data.set('alt', alt);
    data.set('caption', caption);
    data.set('credit', credit);
    setUploading(true);
    setAnswer(null);
    const result = await uploadInlineImageAction(data).catch(() => ({ error: 'The upload failed.', markdown: undefined }));
    setUploading(false);
    if (result.markdown) {
      onInsert(result.markdown);
      setAnswer({ ok: true, text: 'Image inserted into the body.' });
      setAlt('');
      setCaption('');
      setCredit('');
      if (file.current) file.current.value = '';
    } else setAnswer({ ok: false, text: result.error ?? 'The upload failed.' });
  }

  // Enter in one of these fields inserts the image; it would otherwise submit the whole article.
  const insertOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void insert();
  };

  return (
    <fieldset className="flex min-w-0 flex-col gap-2 rounded-sm border border-current/20 p-3">
      <legend className="px-1 text-sm font-semibold">Insert an image into the body</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        <Field id={`${id}-file`} label="Image file" labelClassName="text-sm">
          <input ref={file} type="file" accept="image/*" className="min-w-0 text-sm" />
        </Field>
        <Field id={`${id}-alt`} label="Image alt text" labelClassName="text-sm">
          <input value={alt} onChange={(e) => setAlt(e.target.value)} onKeyDown={insertOnEnter} className={wideInputClass} />
        </Field>
        <Field id={`${id}-caption`} label="Caption" labelClassName="text-sm">
          <input value={caption} onChange={(e) => setCaption(e.target.value)} onKeyDown={insertOnEnter} className={wideInputClass} maxLength={500} />
        </Field>
        <Field id={`${id}-credit`} label="Credit" labelClassName="text-sm">
          <input
            value={credit}
            onChange={(e) => setCredit(e.target.value)}
            onKeyDown={insertOnEnter}
            className={wideInputClass}
            maxLength={200}
            placeholder="e.g. Jane Doe/Reuters"
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" disabled={uploading} onClick={() => void insert()} className={smallButton}>
          {uploading ? 'Uploading…' : 'Insert image'}
        </button>
        <p role="status" aria-live="polite" className={answer?.ok === false ? errorText : successText}>
          {answer?.text}
        </p>
      </div>
    </fieldset>
  );
}
