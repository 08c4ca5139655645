import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { fieldErrors, NEW_PASSWORD_HINT, newPasswordProblem, useSetPassword } from './api.ts';
import { TextField } from './TextField.tsx';
import { FormActions } from '../../ui/FormActions.tsx';

/** The token from an admin's link, `/set-password#token=…` (a fragment never reaches server logs). */
export function tokenFromHash(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? undefined;
}

/** Where a set-password link lands: choose a password, then sign in with it. */
export function SetPasswordPage() {
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const setPassword = useSetPassword();
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<{ newPassword?: string | undefined; confirm?: string | undefined }>({});
  const newRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);

  // The submit button is disabled while the request runs, which drops focus to the page: put it on the
  // field the server refused, or on the message when the link itself (or anything else) is the problem.
  useEffect(() => {
    if (!setPassword.error) return;
    if (fieldErrors(setPassword.error).newPassword) newRef.current?.focus();
    else problemRef.current?.focus();
  }, [setPassword.error]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!token) return;
    const problems = {
      newPassword: newPasswordProblem(newPassword),
      confirm: confirm === newPassword ? undefined : 'The two passwords are not the same',
    };
    setLocal(problems);
    setPassword.reset();
    if (problems.newPassword || problems.confirm) {
      (problems.newPassword ? newRef : confirmRef).current?.focus();
      return;
    }
    setPassword.mutate(
      { token, newPassword },
      // The link is used up: take the token out of the address bar and history.
      { onSuccess: () => window.history.replaceState(null, '', window.location.pathname) },
    );
  }

  const server = fieldErrors(setPassword.error);
  const linkProblem = server.token;
  const general = setPassword.isError && !server.token && !server.newPassword;

  return (
    <div className="narrow-page">
      <section className="narrow-page__panel" aria-labelledby="set-password-title">
        <h2 id="set-password-title" className="narrow-page__title">
          Set your password
        </h2>
        {!token ? (
          <p className="form__error" role="alert">
            This link is incomplete: it has no token. Open the whole link from your message, or ask an admin
            for a new one.
          </p>
        ) : setPassword.isSuccess ? (
          <div role="status">
            <p>Your password is set.</p>
            <p>
              <a className="button" href="/#sign-in">
                Sign in
              </a>
            </p>
          </div>
        ) : (
          <form className="form" onSubmit={submit} noValidate>
            <TextField
              label="New password"
              type="password"
              value={newPassword}
              onChange={setNew}
              autoComplete="new-password"
              hint={NEW_PASSWORD_HINT}
              error={local.newPassword ?? server.newPassword}
              inputRef={newRef}
              autoFocus
            />
            <TextField
              label="Confirm new password"
              type="password"
              value={confirm}
              onChange={setConfirm}
              autoComplete="new-password"
              error={local.confirm}
              inputRef={confirmRef}
            />
            {(linkProblem || general) && (
              <p className="form__error" role="alert" tabIndex={-1} ref={problemRef}>
                {linkProblem ?? errorMessage(setPassword.error)}
              </p>
            )}
            <FormActions submit="Set password" busyLabel="Setting password…" busy={setPassword.isPending} />
          </form>
        )}
      </section>
    </div>
  );
}
