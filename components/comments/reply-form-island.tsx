'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { postReplyAction, type ReplyFormState } from '@/app/(site)/articles/[slug]/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { wideInputClass } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import { replyQuote } from '@/lib/replies/quote';

type Parent = { id: number; name: string; quote?: string } | null;
type Draft = Partial<Record<'comment' | 'name' | 'email' | 'website' | 'notify', string>>;

const initialState: ReplyFormState = { status: 'idle' };
// A label and its short hint share a line ("Email (never shown)"); the control and error wrap below.
const hintBeside = 'flex flex-wrap content-start items-baseline gap-1';

/**
 * The reply form's client part (./reply-form.tsx renders it): what depends on the action's answer or
 * on the reader's clicks. `children` are the form's static parts, rendered on the server.
 *
 * "Reply" under a comment opens the form right there, under that comment (in the empty slot
 * comment-thread.tsx leaves after each one), quoting what is being answered; "Cancel reply" brings it
 * back to the end of the discussion. Moving it remounts the fields, so what was typed goes with it.
 */
export function ReplyFormIsland({
  articleSlug,
  initialParent,
  offerNotify,
  children,
}: {
  articleSlug: string;
  initialParent: Parent;
  offerNotify: boolean;
  children: React.ReactNode;
}) {
  // The permalink ties a no-JavaScript post's answer to this form wherever it is rendered (the cached
  // article, its held-reply variant or a reply-to page), so the errors and typed text come back.
  const [state, formAction] = useActionState(postReplyAction, initialState, `/articles/${articleSlug}`);
  const [parent, setParent] = useState<Parent>(initialParent);
  /** The slot under the comment being answered, once "Reply" was pressed (null: at the end, as rendered). */
  const [slot, setSlot] = useState<Element | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  /** When the form hydrated; written into the hidden field, again each time the form moves. */
  const startedAt = useRef('');
  const startedAtField = useRef<HTMLInputElement | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const comment = useRef<HTMLTextAreaElement>(null);
  /** The "Reply" link that opened the form in place: Cancel gives it focus back. */
  const opener = useRef<HTMLElement | null>(null);
  const focusComment = useRef(false);

  useEffect(() => {
    // Set after hydration: a submission quicker than a person could type is treated as a bot.
    startedAt.current = String(Date.now());
    if (startedAtField.current) startedAtField.current.value = startedAt.current;
    function onClick(event: MouseEvent) {
      const link = (event.target as Element | null)?.closest?.('a[data-reply-to]');
      if (!(link instanceof HTMLElement) || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      const id = Number(link.getAttribute('data-reply-to'));
      const said = document.querySelector(`#comment-${id} [data-comment-body]`)?.textContent ?? '';
      const target = document.querySelector(`[data-reply-slot="${id}"]`);
      setDraft(readDraft(form.current));
      setParent({ id, name: link.getAttribute('data-reply-name') ?? '', quote: said ? replyQuote(said) : undefined });
      setSlot(target);
      opener.current = link;
      focusComment.current = true;
      // No slot (an older page in the browser's cache): the form stays at the end, as it always did.
      if (!target) document.getElementById('respond')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  useEffect(() => {
    if (!focusComment.current) return;
    focusComment.current = false;
    // In place, the browser scrolls just enough to show it; at the end, the smooth scroll is under way.
    comment.current?.focus({ preventScroll: !slot });
  }, [parent, slot]);

  /** Back to a new comment at the end; focus returns to the "Reply" link, or goes to the form there. */
  function cancel(toForm = false) {
    setDraft(readDraft(form.current));
    setParent(null);
    setSlot(null);
    const back = slot && !toForm ? opener.current : null;
    opener.current = null;
    if (back) back.focus();
    else if (toForm) focusComment.current = true;
  }

  const errors = state.fieldErrors ?? {};
  // What was sent comes back as the fields' defaults; React resets the form to them once the answer is in.
  // A draft (what was typed before the form moved) comes first until the next post.
  const v: Draft = { ...state.values, ...draft };

  const theForm = (
    <form ref={form} action={formAction} onSubmit={() => setDraft(null)} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="parentId" value={parent?.id ?? ''} />
      <input
        type="hidden"
        name="startedAt"
        defaultValue=""
        ref={(el) => {
          startedAtField.current = el;
          if (el && startedAt.current) el.value = startedAt.current;
        }}
      />
      {parent && (
        <div className="flex flex-col gap-2">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            Replying to <strong>{parent.name}</strong>
            <a
              href="#respond"
              onClick={(e) => {
                e.preventDefault();
                cancel();
              }}
              className="text-[var(--color-accent)] underline"
            >
              Cancel reply
            </a>
          </p>
          {parent.quote && (
            <figure className="border-l-4 border-current/20 pl-3 text-sm">
              <blockquote className="font-serif italic text-current/80">{parent.quote}</blockquote>
              <figcaption className="mt-1 text-current/70">— {parent.name}</figcaption>
            </figure>
          )}
        </div>
      )}
      <FormMessage state={state} />
      <Field id="reply-comment" label="Comment" error={errors.comment}>
        <textarea ref={comment} name="comment" rows={6} required maxLength={5000} defaultValue={v.comment} className={`${wideInputClass} font-serif`} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="reply-name" label="Name" error={errors.name}>
          <input name="name" autoComplete="name" required maxLength={80} defaultValue={v.name} className={wideInputClass} />
        </Field>
        <Field className={hintBeside} id="reply-email" label="Email" hint="(never shown)" error={errors.email}>
          <input name="email" type="email" autoComplete="email" required maxLength={254} defaultValue={v.email} className={wideInputClass} />
        </Field>
        <Field className={hintBeside} id="reply-website" label="Website" hint="(optional)" error={errors.website}>
          <input name="website" type="url" autoComplete="url" maxLength={200} defaultValue={v.website} className={wideInputClass} />
        </Field>
      </div>
      {offerNotify && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="notify" value="on" defaultChecked={v.notify === 'on'} className="size-4" />
          Notify me of replies to my comment
        </label>
      )}
      {children}
      <div>
        <SubmitButton pendingText="Posting…">Post Comment</SubmitButton>
      </div>
    </form>
  );

  if (!slot || !parent) return theForm;
  return (
    <>
      <p className="text-sm text-current/80">
        The form is open under <strong>{parent.name}</strong>’s comment, above.{' '}
        <button type="button" onClick={() => cancel(true)} className="font-semibold text-[var(--color-accent)] underline">
          Write a new comment instead
        </button>
      </p>
      {createPortal(<div className="my-3 rounded-sm border border-current/20 bg-current/[0.02] p-3 sm:p-4">{theForm}</div>, slot)}
    </>
  );
}

/** What is typed in the form now, to carry across a move. */
function readDraft(form: HTMLFormElement | null): Draft | null {
  if (!form) return null;
  const data = new FormData(form);
  const text = (name: string) => (typeof data.get(name) === 'string' ? (data.get(name) as string) : '');
  return { comment: text('comment'), name: text('name'), email: text('email'), website: text('website'), notify: text('notify') };
}
