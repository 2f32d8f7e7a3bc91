import type { ActionState } from '@/lib/forms';
import { errorText, successText } from './styles';

/**
 * The form's answer, announced politely. Rendered (empty) before any answer so that screen readers
 * already watch the region when the message arrives.
 */
export function FormMessage({ state, className = '' }: { state: Pick<ActionState, 'status' | 'message'>; className?: string }) {
  return (
    <div role="status" aria-live="polite" className={className}>
      {state.message && <p className={state.status === 'error' ? errorText : successText}>{state.message}</p>}
    </div>
  );
}
