/**
 * A form's submit button (saying what it is doing while busy) and, in dialogs, Cancel: the row every form
 * ends with, in one place.
 */
export function FormActions(props: {
  /** The submit button's words, e.g. "Create user". */
  submit: string;
  /** Its words while the request runs, e.g. "Creating…"; the button is disabled meanwhile. */
  busyLabel: string;
  busy: boolean;
  /** A destructive action (disable an account): the danger style. */
  danger?: boolean;
  onCancel?: () => void;
  /** A feature's own class beside form__actions (its layout on a phone). */
  className?: string;
}) {
  return (
    <div className={props.className ? `form__actions ${props.className}` : 'form__actions'}>
      <button
        type="submit"
        className={props.danger ? 'button admin-button--danger' : 'button'}
        disabled={props.busy}
      >
        {props.busy ? props.busyLabel : props.submit}
      </button>
      {props.onCancel && (
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
