'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { smallButton, wideInputClass } from '@/components/ui/styles';
import { SubmitButton } from '@/components/ui/submit-button';
import { editReplyAction, staffReplyAction, type DeskReplyState, type EditReplyState } from '@/app/admin/comments/actions';
import { idleState } from '@/lib/forms';

/** The "Reply" and "Edit" buttons of one desk row, each opening its form in place. */
export function ReplyRowTools({ replyId, body, authorName, returnTo }: { replyId: number; body: string; authorName: string; returnTo: string }) {
  const [open, setOpen] = useState<'reply' | 'edit' | null>(null);
  const toggle = (which: 'reply' | 'edit') => setOpen(open === which ? null : which);
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
      {open === 'reply' && <StaffReplyForm parentId={replyId} authorName={authorName} returnTo={returnTo} onDone={() => setOpen(null)} />}
      {open === 'edit' && <EditReplyForm replyId={replyId} body={body} onDone={() => setOpen(null)} />}
    </>
  );
}

const formClass = 'mt-1 flex basis-full flex-col gap-2';

/** A staff answer: on success the action goes back to the desk with its notice. */
function StaffReplyForm({ parentId, authorName, returnTo, onDone }: { parentId: number; authorName: string; returnTo: string; onDone: () => void }) {
  const [state, action] = useActionState<DeskReplyState, FormData>(staffReplyAction, idleState);
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
function EditReplyForm({ replyId, body, onDone }: { replyId: number; body: string; onDone: () => void }) {
  const [state, action] = useActionState<EditReplyState, FormData>(editReplyAction, idleState);
  return (
    <form action={action} className={formClass} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <input type="hidden" name="id" value={replyId} />
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
