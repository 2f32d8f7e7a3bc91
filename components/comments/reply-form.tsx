'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { postReply, type ReplyFormState } from '@/app/(site)/articles/[slug]/actions';

type Parent = { id: number; name: string } | null;

const initialState: ReplyFormState = { status: 'idle' };

function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm">
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
        {hint && (
          <span id={`${id}-hint`} className="ml-1 text-current/70">
            {hint}
          </span>
        )}
      </p>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

const inputClass =
  'w-full rounded-sm border border-current/30 bg-transparent px-3 py-2 text-base outline-offset-2 focus:outline-2 focus:outline-[var(--color-accent)] aria-[invalid=true]:border-red-700';

/**
 * The reply form: a plain <form> posting to a server action, so it works before and without
 * JavaScript. With JavaScript it keeps its state in place and "Reply" links retarget it.
 */
export function ReplyForm({
  articleId,
  articleSlug,
  initialParent,
  offerNotify,
}: {
  articleId: number;
  articleSlug: string;
  initialParent: Parent;
  /** Only when the site can send mail (SMTP_URL set). */
  offerNotify: boolean;
}) {
  // The permalink ties a no-JavaScript post's answer to this form wherever it is rendered (the cached
  // article, its held-reply variant or a reply-to page), so the errors and typed text come back.
  const [state, formAction, pending] = useActionState(postReply, initialState, `/articles/${articleSlug}`);
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
  const v = state.values ?? {};
  const describedBy = (field: keyof typeof errors, hint = false) =>
    [errors[field] ? `reply-${field}-error` : '', hint ? `reply-${field}-hint` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form action={formAction} noValidate className="flex flex-col gap-4" aria-describedby={state.message ? 'reply-form-message' : undefined}>
      <input type="hidden" name="articleId" value={articleId} />
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
      <div id="reply-form-message" role="status" aria-live="polite">
        {state.message && <p className="rounded-sm border border-red-700/50 bg-red-50 px-3 py-2 text-sm font-semibold text-red-800 dark:bg-red-950/40 dark:text-red-300">{state.message}</p>}
      </div>
      <Field id="reply-comment" label="Comment" error={errors.comment}>
        <textarea
          ref={comment}
          id="reply-comment"
          name="comment"
          rows={6}
          required
          maxLength={5000}
          defaultValue={v.comment}
          key={`comment-${state.values?.comment ?? ''}`}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={describedBy('comment')}
          className={`${inputClass} font-serif`}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="reply-name" label="Name" error={errors.name}>
          <input
            id="reply-name"
            name="name"
            autoComplete="name"
            required
            maxLength={80}
            defaultValue={v.name}
            key={`name-${v.name ?? ''}`}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy('name')}
            className={inputClass}
          />
        </Field>
        <Field id="reply-email" label="Email" hint="(never shown)" error={errors.email}>
          <input
            id="reply-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            defaultValue={v.email}
            key={`email-${v.email ?? ''}`}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy('email', true)}
            className={inputClass}
          />
        </Field>
        <Field id="reply-website" label="Website" hint="(optional)" error={errors.website}>
          <input
            id="reply-website"
            name="website"
            type="url"
            autoComplete="url"
            maxLength={200}
            defaultValue={v.website}
            key={`website-${v.website ?? ''}`}
            aria-invalid={errors.website ? true : undefined}
            aria-describedby={describedBy('website', true)}
            className={inputClass}
          />
        </Field>
      </div>
      {offerNotify && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="notify" value="on" defaultChecked={v.notify === 'on'} key={`notify-${v.notify ?? ''}`} className="size-4" />
          Notify me of replies to my comment
        </label>
      )}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="reply-company">Leave this field empty</label>
        <input id="reply-company" name="company" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-sm bg-[var(--color-ink)] px-5 py-2.5 font-semibold text-[var(--color-paper)] hover:opacity-90 disabled:opacity-60"
        >
          {pending ? 'Posting…' : 'Post Comment'}
        </button>
      </div>
    </form>
  );
}
