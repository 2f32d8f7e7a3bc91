'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { smallButton, wideInputClass } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import { editReplyAction, staffReplyAction, type DeskReplyState, type EditReplyState } from '@/app/admin/comments/actions';
import { idleState, type ActionState } from '@/lib/forms';

/** The answer to a form posted without JavaScript, as the page read it back (lib/form-result-server). */
export type PlainAnswer = { form: string; state: ActionState };

type Which = 'reply' | 'edit';

/**
 * The "Reply" and "Edit" buttons of one desk row, each opening its form in place. Without JavaScript
 * the buttons cannot open anything: the forms are offered in a <noscript> disclosure instead, and the
 * form a plain post was refused on comes back open with its answer (`answer`).
 */
export function ReplyRowTools({
  replyId,
  body,
  authorName,
  returnTo,
  answer,
}: {
  replyId: number;
  body: string;
  authorName: string;
  returnTo: string;
  answer?: PlainAnswer;
}) {
  const answered: Partial<Record<Which, ActionState>> = {
    reply: answer?.form === `staff-reply-${replyId}` ? answer.state : undefined,
    edit: answer?.form === `edit-reply-${replyId}` ? answer.state : undefined,
  };
  const [open, setOpen] = useState<Which | null>(answered.reply ? 'reply' : answered.edit ? 'edit' : null);
  const toggle = (which: Which) => setOpen(open === which ? null : which);
  const form = (which: Which, onDone: () => void) =>
    which === 'reply' ? (
      <StaffReplyForm parentId={replyId} authorName={authorName} returnTo={returnTo} initial={answered.reply} onDone={onDone} />
    ) : (
      <EditReplyForm replyId={replyId} body={body} returnTo={returnTo} initial={answered.edit} onDone={onDone} />
    );
  return (
    <>
      <div className="flex gap-2">
        <button type="button" className={smallButton} data-shortcut="r" aria-expanded={open === 'reply'} onClick={() => toggle('reply')}>
          Reply
        </button>
        <button type="button" className={smallButton} aria-expanded={open === 'edit'} onClick={() => toggle('edit')}>
          Edit
        </button>
      </div>
      {open && form(open, () => setOpen(null))}
      {/* Only in the HTML a browser without JavaScript shows; the one open above is not repeated. */}
      <noscript>
        {(['reply', 'edit'] as const)
          .filter((which) => which !== open)
          .map((which) => (
            <details key={which} className={formClass}>
              <summary className="cursor-pointer text-sm font-semibold">{which === 'reply' ? `Write a reply to ${authorName}` : 'Correct the text'}</summary>
              {form(which, () => {})}
            </details>
          ))}
      </noscript>
    </>
  );
}

const formClass = 'mt-1 flex basis-full flex-col gap-2';

/** A staff answer: on success the action goes back to the desk with its notice. */
function StaffReplyForm({
  parentId,
  authorName,
  returnTo,
  initial,
  onDone,
}: {
  parentId: number;
  authorName: string;
  returnTo: string;
  initial?: DeskReplyState;
  onDone: () => void;
}) {
  const [state, action] = useActionState<DeskReplyState, FormData>(staffReplyAction, initial ?? idleState);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form action={action} className={formClass} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <input type="hidden" name="parentId" value={parentId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <Field id={`staff-reply-${parentId}`} label={`Your reply to ${authorName}`} error={state.fieldErrors?.body}>
        <textarea ref={ref} name="body" rows={3} defaultValue={state.status === 'error' ? state.values?.body : ''} key={state.at} className={wideInputClass} />
      </Field>
      <div className="flex items-center gap-3">
        <SubmitButton>Post staff reply</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** Corrects the reply's text in place; the answer shows beside the button. */
function EditReplyForm({
  replyId,
  body,
  returnTo,
  initial,
  onDone,
}: {
  replyId: number;
  body: string;
  returnTo: string;
  initial?: EditReplyState;
  onDone: () => void;
}) {
  const [state, action] = useActionState<EditReplyState, FormData>(editReplyAction, initial ?? idleState);
  return (
    <form action={action} className={formClass} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <input type="hidden" name="id" value={replyId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <Field id={`edit-reply-${replyId}`} label="Reply text" error={state.fieldErrors?.body}>
        <textarea name="body" rows={4} defaultValue={state.status === 'error' ? state.values?.body : body} className={wideInputClass} />
      </Field>
      <div className="flex items-center gap-3">
        <SubmitButton>Save text</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
