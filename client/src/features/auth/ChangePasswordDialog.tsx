import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { fieldErrors, NEW_PASSWORD_HINT, newPasswordProblem, useChangePassword } from './api.ts';
import { Modal } from '../../ui/Modal.tsx';
import { TextField } from './TextField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';

export function ChangePasswordDialog(props: {
  onClose: () => void;
  returnFocus?: RefObject<HTMLElement | null>;
}) {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const currentRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<HTMLInputElement>(null);
  const generalRef = useRef<HTMLParagraphElement>(null);

  // The submit button is disabled while the request runs, which drops focus to the page: put it where the
  // problem is, as the sign-in dialog does (a wrong current password is selected, to type again).
  useEffect(() => {
    if (!change.error) return;
    const server = fieldErrors(change.error);
    if (server.currentPassword) currentRef.current?.select();
    else if (server.newPassword) newRef.current?.focus();
    else generalRef.current?.focus();
  }, [change.error]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = {
      currentPassword: currentPassword ? undefined : 'Enter your current password',
      newPassword: newPasswordProblem(newPassword),
    };
    setLocal(problems);
    change.reset();
    if (problems.currentPassword || problems.newPassword) {
      (problems.currentPassword ? currentRef : newRef).current?.focus();
      return;
    }
    change.mutate({ currentPassword, newPassword });
  }

  const server = fieldErrors(change.error);
  const errors = {
    currentPassword: local.currentPassword ?? server.currentPassword,
    newPassword: local.newPassword ?? server.newPassword,
  };
  // Anything not tied to a field (rate limit, network) is shown above the buttons.
  const general = change.isError && !server.currentPassword && !server.newPassword;

  return (
    <Modal title="Change password" onClose={props.onClose} returnFocus={props.returnFocus}>
      {change.isSuccess ? (
        <div className="form">
          <p role="status">
            Your password has been changed. Any other devices you used have been signed out.
          </p>
          <div className="form__actions">
            <button type="button" className="button" onClick={props.onClose} autoFocus>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <TextField
            label="Current password"
            type="password"
            value={currentPassword}
            onChange={setCurrent}
            autoComplete="current-password"
            error={errors.currentPassword}
            inputRef={currentRef}
            autoFocus
          />
          <TextField
            label="New password"
            type="password"
            value={newPassword}
            onChange={setNew}
            autoComplete="new-password"
            hint={NEW_PASSWORD_HINT}
            error={errors.newPassword}
            inputRef={newRef}
          />
          {general && (
            <p className="form__error" role="alert" tabIndex={-1} ref={generalRef}>
              {errorMessage(change.error)}
            </p>
          )}
          <FormActions
            submit="Change password"
            busyLabel="Changing…"
            busy={change.isPending}
            onCancel={props.onClose}
          />
        </form>
      )}
    </Modal>
  );
}
