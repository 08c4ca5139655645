import { useState, type FormEvent, type RefObject } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { fieldErrors, NEW_PASSWORD_HINT, newPasswordProblem, useChangePassword } from './api.ts';
import { Modal } from '../../ui/Modal.tsx';
import { TextField } from './TextField.tsx';

export function ChangePasswordDialog(props: {
  onClose: () => void;
  returnFocus?: RefObject<HTMLElement | null>;
}) {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [local, setLocal] = useState<Record<string, string | undefined>>({});

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = {
      currentPassword: currentPassword ? undefined : 'Enter your current password',
      newPassword: newPasswordProblem(newPassword),
    };
    setLocal(problems);
    change.reset();
    if (problems.currentPassword || problems.newPassword) return;
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
          />
          {general && (
            <p className="form__error" role="alert">
              {errorMessage(change.error)}
            </p>
          )}
          <div className="form__actions">
            <button type="submit" className="button" disabled={change.isPending}>
              {change.isPending ? 'Changing…' : 'Change password'}
            </button>
            <button type="button" className="button button--secondary" onClick={props.onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
