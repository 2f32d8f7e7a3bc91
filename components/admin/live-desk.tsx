'use client';

import { PreviewPanel } from '@/components/admin/editor/preview-panel';
import { useActionState, useEffect, useRef, useState } from 'react';
import { previewMarkdownAction } from '@/app/admin/articles/actions';
import {
  correctLiveUpdateAction,
  editLiveUpdateAction,
  endLiveCoverageAction,
  postLiveUpdateAction,
  saveReplyModeAction,
  type LiveFormState,
} from '@/app/admin/articles/[id]/live/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { dangerSecondaryButton, inputClass, secondaryButton, smallButton, wideInputClass } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ReplyMode } from '@/db/enums';
import { ALT_MAX, CORRECTION_MAX, SLOW_MAX, SLOW_MIN, SUMMARY_MAX, UPDATE_MAX } from '@/lib/live/schema';

// The live desk's forms: every one posts without JavaScript too (the action answers a plain post by
// coming back to its page with the answer, which the page hands over as `initial`).

const idle: LiveFormState = { status: 'idle' };

/** What to refill a field with: the typed text after a refusal, else the saved value. */
const refill = (state: LiveFormState, name: string, saved = '') => (state.status === 'error' ? (state.values?.[name] ?? saved) : saved);

/** The preview of what the update will look like, through the public page's renderer (as the article editor's). */
function usePreview(body: string): string | null {
  const [preview, setPreview] = useState<{ of: string; html: string | null }>({ of: '', html: null });
  useEffect(() => {
    if (!body.trim()) return;
    const timer = setTimeout(
      () =>
        previewMarkdownAction(body).then(
          (html) => setPreview({ of: body, html }),
          () => setPreview({ of: body, html: null }),
        ),
      300,
    );
    return () => clearTimeout(timer);
  }, [body]);
  // An empty field previews nothing; while typing, the last preview stays until the next one.
  return body.trim() ? preview.html : null;
}

/** The composer: "Update", an optional image, "Key event", "Post update". After posting it is empty and focused again. */
export function LiveComposer({ articleId, initial }: { articleId: number; initial?: LiveFormState }) {
  const [state, action] = useActionState(postLiveUpdateAction, initial ?? idle);
  const [body, setBody] = useState(refill(state, 'body'));
  const preview = usePreview(body);
  const area = useRef<HTMLTextAreaElement>(null);
  const e = state.fieldErrors ?? {};
  // What was sent: typing the next update while it is on its way must not lose the new text.
  const [sent, setSent] = useState<string | null>(null);
  // A new answer: after a post the field empties (the preview with it) unless the editor has already
  // typed on; after a refusal it keeps what was typed.
  const [seenAt, setSeenAt] = useState(state.at);
  if (state.at !== seenAt) {
    setSeenAt(state.at);
    if (state.status === 'success') setBody(body === sent ? '' : body);
    else setBody(state.values?.body ?? body);
  }
  useEffect(() => {
    // Ready for the next update at once.
    if (state.status === 'success') area.current?.focus();
  }, [state]);
  return (
    <form action={action} onSubmit={() => setSent(body)} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="articleId" value={articleId} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Field id="live-body" label="Update" hint="Markdown. Newest updates show first." error={e.body} errorFirst>
          <textarea
            ref={area}
            name="body"
            value={body}
            onChange={(ev) => setBody(ev.target.value)}
            rows={8}
            maxLength={UPDATE_MAX}
            required
            autoFocus
            className={`${wideInputClass} font-serif text-lg`}
          />
        </Field>
        <PreviewPanel html={preview} headingId="live-preview-heading" headingLevel={3} compact />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="live-image" label="Image (optional)" error={e.image} errorFirst>
          <input type="file" name="image" accept="image/*" className="min-w-0 text-sm" />
        </Field>
        <Field id="live-image-alt" label="Image alt text" hint="Required with an image." error={e.imageAlt} errorFirst>
          <input name="imageAlt" defaultValue={refill(state, 'imageAlt')} key={`alt-${state.at ?? 0}`} maxLength={ALT_MAX} className={wideInputClass} />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 font-semibold">
          <input type="checkbox" name="keyEvent" defaultChecked={refill(state, 'keyEvent') === 'on'} key={`key-${state.at ?? 0}`} className="size-4" />
          Key event
        </label>
        <SubmitButton pendingText="Posting…">Post update</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** Edit one update's text (its number stays; readers see "Updated …"). */
export function EditUpdateForm({
  articleId,
  number,
  body,
  keyEvent,
  initial,
}: {
  articleId: number;
  number: number;
  body: string;
  keyEvent: boolean;
  initial?: LiveFormState;
}) {
  const [state, action] = useActionState(editLiveUpdateAction, initial ?? idle);
  const e = state.fieldErrors ?? {};
  const id = `edit-${number}`;
  return (
    <form action={action} noValidate className="mt-2 flex flex-col gap-2">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="number" value={number} />
      <Field id={`${id}-body`} label="Update" hint="Markdown. Its number and time stay; readers see when it was updated." error={e.body} errorFirst>
        <textarea
          name="body"
          defaultValue={refill(state, 'body', body)}
          key={`b-${state.at ?? 0}`}
          rows={6}
          maxLength={UPDATE_MAX}
          className={`${wideInputClass} font-serif text-lg`}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 font-semibold">
          <input
            type="checkbox"
            name="keyEvent"
            defaultChecked={state.status === 'error' ? state.values?.keyEvent === 'on' : keyEvent}
            key={`k-${state.at ?? 0}`}
            className="size-4"
          />
          Key event
        </label>
        <SubmitButton>Save update</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** A correction shown under the update, labelled "Correction". */
export function CorrectionForm({ articleId, number, correction, initial }: { articleId: number; number: number; correction: string; initial?: LiveFormState }) {
  const [state, action] = useActionState(correctLiveUpdateAction, initial ?? idle);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="mt-2 flex flex-col gap-2">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="number" value={number} />
      <Field
        id={`correct-${number}`}
        label="Correction"
        hint="Shown under the update, labelled Correction. A new one replaces it."
        error={e.correction}
        errorFirst
      >
        <textarea
          name="correction"
          defaultValue={refill(state, 'correction', correction)}
          key={`c-${state.at ?? 0}`}
          rows={2}
          maxLength={CORRECTION_MAX}
          className={wideInputClass}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton className={secondaryButton}>Add correction</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** "Replies": as usual, held, or slow mode with its seconds. Only stored here; the reply form enforces it. */
export function ReplyModeForm({ articleId, mode, seconds, initial }: { articleId: number; mode: ReplyMode; seconds: number; initial?: LiveFormState }) {
  const [state, action] = useActionState(saveReplyModeAction, initial ?? idle);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="articleId" value={articleId} />
      <div className="flex flex-wrap items-end gap-4">
        <Field id="reply-mode" label="Replies" error={e.replyMode} errorFirst>
          <select name="replyMode" defaultValue={refill(state, 'replyMode', mode)} key={`m-${state.at ?? 0}`} className={`${inputClass} py-2`}>
            <option value="normal">Open as usual</option>
            <option value="hold">Hold every reply</option>
            <option value="slow">Slow mode</option>
          </select>
        </Field>
        <Field id="reply-slow-seconds" label="Seconds between replies" error={e.replySlowSeconds} errorFirst>
          <input
            type="number"
            name="replySlowSeconds"
            min={SLOW_MIN}
            max={SLOW_MAX}
            defaultValue={refill(state, 'replySlowSeconds', String(seconds))}
            key={`s-${state.at ?? 0}`}
            className={`${inputClass} w-32 py-2`}
          />
        </Field>
        <SubmitButton className={smallButton}>Save reply mode</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** "End live coverage", with the summary that then leads the page. */
export function EndLiveForm({
  articleId,
  summary,
  initial,
  id = 'live-summary',
}: {
  articleId: number;
  summary: string;
  initial?: LiveFormState;
  id?: string;
}) {
  const [state, action] = useActionState(endLiveCoverageAction, initial ?? idle);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="articleId" value={articleId} />
      <Field id={id} label="Summary" hint="Leads the page once coverage has ended (Markdown; optional)." error={e.summary} errorFirst>
        <textarea
          name="summary"
          defaultValue={refill(state, 'summary', summary)}
          key={`s-${state.at ?? 0}`}
          rows={3}
          maxLength={SUMMARY_MAX}
          className={wideInputClass}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton className={dangerSecondaryButton}>End live coverage</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
