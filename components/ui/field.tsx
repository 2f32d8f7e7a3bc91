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
  hintBeside = false,
  suffix,
  children,
}: {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  labelClassName?: string;
  /** Show a short hint (“(optional)”) on the label's line rather than under it. */
  hintBeside?: boolean;
  /** Shown beside the control, e.g. its unit (“seconds”); not part of its name or description. */
  suffix?: React.ReactNode;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}) {
  const describedBy = [hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean).join(' ') || undefined;
  const labelElement = (
    <label htmlFor={id} className={labelClassName}>
      {label}
    </label>
  );
  const control = cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy });
  return (
    <div className={className}>
      {hint && hintBeside ? (
        <p className="text-sm">
          {labelElement}{' '}
          <span id={hintId(id)} className="opacity-75">
            {hint}
          </span>
        </p>
      ) : (
        <>
          {labelElement}
          {hint && (
            <p id={hintId(id)} className="text-sm opacity-75">
              {hint}
            </p>
          )}
        </>
      )}
      {suffix ? (
        <div className="flex items-center gap-2">
          {control}
          {suffix}
        </div>
      ) : (
        control
      )}
      {error && (
        <p id={errorId(id)} className={errorText}>
          {error}
        </p>
      )}
    </div>
  );
}
