import type { ReactElement } from 'react';
import { cloneElement } from 'react';
import { errorText } from './styles';

/** The id of a field's error message, for aria-describedby. */
export const errorId = (id: string) => `${id}-error`;
export const hintId = (id: string) => `${id}-hint`;

/**
 * A labelled form control with an optional hint and error. The control (one element) gets its id,
 * aria-invalid and aria-describedby here, so a refused value is announced with its message.
 */
export function Field({
  id,
  label,
  hint,
  error,
  className = 'flex flex-col gap-1',
  labelClassName = 'text-sm font-semibold',
  children,
}: {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  labelClassName?: string;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}) {
  const describedBy = [hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {hint && (
        <p id={hintId(id)} className="text-sm opacity-75">
          {hint}
        </p>
      )}
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <p id={errorId(id)} className={errorText}>
          {error}
        </p>
      )}
    </div>
  );
}
