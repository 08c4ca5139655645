import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { Field } from '../../ui/Field.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { fieldErrors } from '../auth/api.ts';
import { changedMeanwhile, useSetDisabled, type AdminUser } from './api.ts';
import { fmtDateTime, withLabel } from './format.ts';
import { FormActions } from '../../ui/FormActions.tsx';

const REASON_LABEL = 'Why are you disabling this account?';
const REASON_MAX = 500;

/**
 * Whether the account may sign in, and the button that changes it: Disable (asks why, then confirms) or
 * Enable. Errors from the server are shown in place: beside the button, or in the dialog. When someone
 * else changed the account first (409), the panel shows it as it is now and says so.
 */
export function AccountStatus(props: { user: AdminUser; isSelf: boolean }) {
  const { user } = props;
  const [asking, setAsking] = useState(false);
  // The version the server sent back with a 409: the note stands while the panel shows that version.
  const [conflict, setConflict] = useState<number | null>(null);
  const onChangedMeanwhile = (current: AdminUser) => {
    setConflict(current.version);
    setAsking(false);
  };
  const enable = useSetDisabled(user.id, onChangedMeanwhile);
  // Once the account is disabled (here, or by someone else meanwhile) the dialog has done its job.
  if (asking && user.disabled) setAsking(false);
  const box = useRef<HTMLDivElement>(null);
  const disableButton = useRef<HTMLButtonElement>(null);
  const enableButton = useRef<HTMLButtonElement>(null);
  const mounted = useRef(false);

  // An error beside the button is about the account as it was: once its state changes, it goes.
  const { reset: resetEnable } = enable;
  useEffect(() => {
    resetEnable();
  }, [user.version, resetEnable]);

  // The button pressed (or the dialog) is gone once the state flips: keyboard focus goes to the button that
  // undoes it, unless the person is already somewhere else on the page.
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body || box.current?.contains(active)) {
      (user.disabled ? enableButton : disableButton).current?.focus();
    }
  }, [user.disabled]);

  return (
    <div className="admin-account" ref={box}>
      {!user.disabled ? (
        props.isSelf ? (
          <p className="field__hint">This is your account: only another admin can disable it.</p>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            ref={disableButton}
            onClick={() => {
              setConflict(null);
              setAsking(true);
            }}
          >
            Disable account
          </button>
        )
      ) : (
        <>
          <p className="admin-note">
            Disabled{user.disabledAt ? ` on ${fmtDateTime(user.disabledAt)}` : ''}: {user.name} cannot sign
            in. Their roles are kept and apply again once the account is enabled.
          </p>
          <button
            type="button"
            className="button button--secondary"
            ref={enableButton}
            disabled={enable.isPending}
            onClick={() => {
              setConflict(null);
              enable.mutate({ disable: false, version: user.version });
            }}
          >
            {enable.isPending ? 'Enabling…' : 'Enable account'}
          </button>
          {enable.isError && !changedMeanwhile(enable.error) && (
            <p className="form__error" role="alert">
              {errorMessage(enable.error)}
            </p>
          )}
        </>
      )}
      {conflict === user.version && (
        <p className="admin-note admin-note--conflict" role="alert">
          Someone else changed this account just now; here is what it is now:{' '}
          {user.disabled
            ? `disabled${user.disabledAt ? ` since ${fmtDateTime(user.disabledAt)}` : ''}`
            : 'active, able to sign in'}
          . Try again if it still needs changing.
        </p>
      )}
      {asking && !user.disabled && (
        <DisableDialog
          user={user}
          onClose={() => setAsking(false)}
          onChangedMeanwhile={onChangedMeanwhile}
          returnFocus={disableButton}
        />
      )}
    </div>
  );
}

function DisableDialog(props: {
  user: AdminUser;
  onClose: () => void;
  /** A 409: someone else changed the account first (the caller says so and closes the dialog). */
  onChangedMeanwhile: (current: AdminUser) => void;
  returnFocus: RefObject<HTMLElement | null>;
}) {
  const change = useSetDisabled(props.user.id, props.onChangedMeanwhile);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const countId = useId();
  const server = fieldErrors(change.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    change.reset();
    const problem = reason.trim() ? undefined : 'Say why the account is disabled';
    setLocal(problem);
    if (problem) return;
    // Once the account shows as disabled, AccountStatus closes the dialog.
    change.mutate({ disable: true, reason: reason.trim(), version: props.user.version });
  }

  function type(value: string) {
    setReason(value);
    // A reason typed answers "Say why…" (or the server's word on the reason) at once, not at the next submit.
    if (value.trim()) {
      setLocal(undefined);
      if (server.reason) change.reset();
    }
  }

  const reasonError = local ?? withLabel('The reason', server.reason);
  return (
    <Modal title="Disable account?" onClose={props.onClose} returnFocus={props.returnFocus}>
      <form className="form" onSubmit={submit} noValidate>
        <p>
          <strong>{props.user.name}</strong> is signed out everywhere at once and cannot sign in until an
          admin enables the account again. Set-password links already given out stop working. Their roles are
          kept.
        </p>
        <Field
          label={REASON_LABEL}
          hint={`Kept in the account’s history. Up to ${REASON_MAX} characters.`}
          error={reasonError}
        >
          {(a) => (
            <>
              <textarea
                {...a}
                aria-describedby={[a['aria-describedby'], countId].filter(Boolean).join(' ')}
                rows={2}
                maxLength={REASON_MAX}
                value={reason}
                onChange={(e) => type(e.target.value)}
              />
              <p id={countId} className="field__hint admin-count-chars">
                {reason.length >= REASON_MAX
                  ? `${REASON_MAX} of ${REASON_MAX} characters: that is the limit.`
                  : `${reason.length} of ${REASON_MAX} characters`}
              </p>
            </>
          )}
        </Field>
        {change.isError && !server.reason && (
          <p className="form__error" role="alert">
            {errorMessage(change.error)}
          </p>
        )}
        <FormActions
          submit="Disable account"
          busyLabel="Disabling…"
          busy={change.isPending}
          onCancel={props.onClose}
          danger
        />
      </form>
    </Modal>
  );
}
