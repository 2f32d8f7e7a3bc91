'use client';

import { useFormStatus } from 'react-dom';
import { primaryButton } from './styles';

/**
 * A submit button that is disabled while its form is being sent (so nobody sends twice). Without
 * JavaScript it is a plain submit button. `name`/`value` say which of several buttons was pressed.
 */
export function SubmitButton({
  children,
  pendingText,
  className = primaryButton,
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { pendingText?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" {...rest} disabled={pending || rest.disabled} aria-disabled={pending || undefined} className={className}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
