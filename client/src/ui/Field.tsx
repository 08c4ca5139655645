import { useId, type ReactNode } from 'react';

/**
 * A labelled control with an optional hint and an error announced when it appears. `children` gets the
 * ids and ARIA attributes to put on the control, so any input, select or textarea can use it.
 */
export function Field(props: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  className?: string;
  children: (a: {
    id: string;
    'aria-describedby': string | undefined;
    'aria-invalid': true | undefined;
  }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={`field ${props.className ?? ''}`.trim()}>
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      {props.hint && (
        <p className="field__hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': props.error ? true : undefined,
      })}
      {props.error && (
        <p className="field__error" id={errorId} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
