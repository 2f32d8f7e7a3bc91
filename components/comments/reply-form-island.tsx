'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { postReplyAction, type ReplyFormState } from '@/app/(site)/articles/[slug]/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { wideInputClass } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';

type Parent = { id: number; name: string } | null;

const initialState: ReplyFormState = { status: 'idle' };
// A label and its short hint share a line ("Email (never shown)"); the control and error wrap below.
const hintBeside = 'flex flex-wrap content-start items-baseline gap-1';

/**
 * The reply form's client part (./reply-form.tsx renders it): what depends on the action's answer or
 * on the reader's clicks. `children` are the form's static parts, rendered on the server.
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
  const startedAt = useRef<HTMLInputElement>(null);
  const comment = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    // Set after hydration: a submission quicker than a person could type is treated as a bot.
    if (startedAt.current) startedAt.current.value = String(Date.now());
    function onClick(event: MouseEvent) {
      const link = (event.target as Element | null)?.closest?.('a[data-reply-to]');
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      setParent({ id: Number(link.getAttribute('data-reply-to')), name: link.getAttribute('data-reply-name') ?? '' });
      document.getElementById('respond')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      comment.current?.focus({ preventScroll: true });
    }
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  const errors = state.fieldErrors ?? {};
  // What was sent comes back as the fields' defaults; React resets the form to them once the answer is in.
  const v = state.values ?? {};

  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="parentId" value={parent?.id ?? ''} />
      <input type="hidden" name="startedAt" ref={startedAt} defaultValue="" />
      {parent && (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          Replying to <strong>{parent.name}</strong>
          <a
            href="#respond"
            onClick={(e) => {
              e.preventDefault();
              setParent(null);
            }}
            className="text-[var(--color-accent)] underline"
          >
            Cancel reply
          </a>
        </p>
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
}
