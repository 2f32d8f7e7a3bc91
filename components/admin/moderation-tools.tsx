'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { editReplyAction, staffReplyAction, type DeskReplyState, type EditReplyState } from '@/app/admin/comments/actions';

const small = 'rounded-sm border border-current/40 px-2 py-1 text-sm font-semibold hover:bg-current/5 disabled:opacity-60';
const primary = 'rounded-sm bg-[var(--color-ink)] px-3 py-1.5 text-sm font-semibold text-[var(--color-paper)] disabled:opacity-60';

/** The "Reply" and "Edit" buttons of one desk row, each opening its form in place. */
export function ReplyRowTools({ replyId, body, authorName, returnTo }: { replyId: number; body: string; authorName: string; returnTo: string }) {
  const [open, setOpen] = useState<'reply' | 'edit' | null>(null);
  return (
    <>
      <div className="flex gap-2">
        <button type="button" className={small} data-shortcut="r" aria-expanded={open === 'reply'} onClick={() => setOpen(open === 'reply' ? null : 'reply')}>
          Reply
        </button>
        <button type="button" className={small} aria-expanded={open === 'edit'} onClick={() => setOpen(open === 'edit' ? null : 'edit')}>
          Edit
        </button>
      </div>
      {open === 'reply' && <StaffReplyForm parentId={replyId} authorName={authorName} returnTo={returnTo} onDone={() => setOpen(null)} />}
      {open === 'edit' && <EditReplyForm replyId={replyId} body={body} onDone={() => setOpen(null)} />}
    </>
  );
}

function StaffReplyForm({ parentId, authorName, returnTo, onDone }: { parentId: number; authorName: string; returnTo: string; onDone: () => void }) {
  const [state, action, pending] = useActionState<DeskReplyState, FormData>(staffReplyAction, { status: 'idle' });
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const error = state.fieldErrors?.body;
  return (
    <form action={action} className="mt-1 flex basis-full flex-col gap-2" onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <input type="hidden" name="parentId" value={parentId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <label htmlFor={`${id}-body`} className="text-sm font-semibold">
        Your reply to {authorName}
      </label>
      <textarea
        ref={ref}
        id={`${id}-body`}
        name="body"
        rows={3}
        defaultValue={state.status === 'error' ? state.values?.body : ''}
        key={state.message}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded-sm border border-current/30 bg-transparent p-2 aria-[invalid=true]:border-red-700"
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button disabled={pending} className={primary}>
          Post staff reply
        </button>
        <p role="status" className="text-sm font-semibold">
          {state.message}
        </p>
      </div>
    </form>
  );
}

function EditReplyForm({ replyId, body, onDone }: { replyId: number; body: string; onDone: () => void }) {
  const [state, action, pending] = useActionState<EditReplyState, FormData>(editReplyAction, { status: 'idle' });
  const id = useId();
  const error = state.fieldErrors?.body;
  return (
    <form action={action} className="mt-1 flex basis-full flex-col gap-2" onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <input type="hidden" name="id" value={replyId} />
      <label htmlFor={`${id}-body`} className="text-sm font-semibold">
        Reply text
      </label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={4}
        defaultValue={state.status === 'error' ? state.values?.body : body}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded-sm border border-current/30 bg-transparent p-2 aria-[invalid=true]:border-red-700"
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button disabled={pending} className={primary}>
          Save text
        </button>
        <p role="status" className="text-sm font-semibold">
          {state.message}
        </p>
      </div>
    </form>
  );
}

const TYPING = 'input, textarea, select, [contenteditable="true"]';

/**
 * Keyboard shortcuts for the desk: j/k move between replies, x selects, a/u/s/t decide, r replies.
 * They press the same buttons a mouse would, so the server action does the checking.
 */
export function ModerationShortcuts() {
  useEffect(() => {
    const rows = () => Array.from(document.querySelectorAll<HTMLElement>('[data-reply-row]'));
    const current = () => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-reply-row]') ?? null;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if ((e.target as HTMLElement | null)?.closest(TYPING)) return;
      const list = rows();
      if (list.length === 0) return;
      const row = current();
      const key = e.key.toLowerCase();
      if (key === 'j' || key === 'k') {
        e.preventDefault();
        const at = row ? list.indexOf(row) : -1;
        const next = key === 'j' ? Math.min(at + 1, list.length - 1) : Math.max(at - 1, 0);
        list[next].focus();
        list[next].scrollIntoView({ block: 'nearest' });
        return;
      }
      if (!row) return;
      if (key === 'x') {
        e.preventDefault();
        row.querySelector<HTMLInputElement>('input[type="checkbox"][name="ids"]')?.click();
        return;
      }
      if (['a', 'u', 's', 't', 'r'].includes(key)) {
        const button = row.querySelector<HTMLButtonElement>(`[data-shortcut="${key}"]`);
        if (!button || button.disabled) return;
        e.preventDefault();
        // The next row keeps the keyboard's place once this one leaves the queue.
        const at = list.indexOf(row);
        sessionStorage.setItem('desk-focus', String(at));
        button.click();
      }
    };
    document.addEventListener('keydown', onKey);
    // Tests (and curious users) can tell the shortcuts are live.
    document.documentElement.dataset.deskShortcuts = 'on';
    // After a decision the page comes back; put focus where the moderator was.
    const saved = sessionStorage.getItem('desk-focus');
    if (saved !== null) {
      sessionStorage.removeItem('desk-focus');
      const list = rows();
      list[Math.min(Number(saved), list.length - 1)]?.focus();
    }
    return () => {
      document.removeEventListener('keydown', onKey);
      delete document.documentElement.dataset.deskShortcuts;
    };
  }, []);
  return null;
}

/** "Select all on this page" for the bulk bar. */
export function SelectAllReplies() {
  return (
    <label className="inline-flex items-center gap-2 text-sm font-semibold">
      <input
        type="checkbox"
        onChange={(e) => {
          for (const box of document.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="ids"]')) box.checked = e.currentTarget.checked;
        }}
      />
      Select all on this page
    </label>
  );
}
