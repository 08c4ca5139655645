import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { useRegions } from '../reference/api.ts';
import { useEndedSession, useSession, useSignOut, type AuthState } from './api.ts';
import { ChangePasswordDialog } from './ChangePasswordDialog.tsx';
import { describeGrants } from './roles.ts';
import { SignInDialog } from './SignInDialog.tsx';
import { useDismiss } from '../../ui/useDismiss.ts';

/** "/#sign-in" (the link after setting a password) opens the sign-in dialog on arrival. */
const SIGN_IN_ON_ARRIVAL = window.location.hash === '#sign-in';

/** The header's right-hand end: a Sign in button, or who is signed in with their account menu. */
export function AccountControls() {
  const session = useSession();
  const [dialog, setDialog] = useState<'sign-in' | 'password' | null>(SIGN_IN_ON_ARRIVAL ? 'sign-in' : null);
  // One ref for whichever header button is showing, so focus lands there when a dialog closes.
  const buttonRef = useRef<HTMLButtonElement>(null);
  const auth = session.data ?? null;
  const ended = useEndedSession();
  // Signed in again: the notice about the session that ended has done its job.
  if (auth && ended.ended) ended.dismiss();

  useEffect(() => {
    if (SIGN_IN_ON_ARRIVAL && window.location.hash === '#sign-in') {
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
    }
  }, []);

  // Signing out removes the menu that had focus; put it on the Sign in button that replaces it.
  const wasSignedIn = useRef(false);
  useEffect(() => {
    if (wasSignedIn.current && !auth && document.activeElement === document.body) buttonRef.current?.focus();
    wasSignedIn.current = auth !== null;
  }, [auth]);

  if (session.isPending) return <div className="account" aria-busy="true" />;
  return (
    <div className="account">
      {auth ? (
        <AccountMenu auth={auth} toggleRef={buttonRef} onChangePassword={() => setDialog('password')} />
      ) : (
        <button
          ref={buttonRef}
          type="button"
          className="button button--header"
          onClick={() => {
            ended.dismiss();
            setDialog('sign-in');
          }}
        >
          Sign in
        </button>
      )}
      {!auth && ended.ended && (
        <p className="account__notice" role="alert">
          You have been signed out. Sign in again to go on.
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={ended.dismiss}>
            ×
          </button>
        </p>
      )}
      {dialog === 'sign-in' && !auth && (
        <SignInDialog onClose={() => setDialog(null)} returnFocus={buttonRef} />
      )}
      {dialog === 'password' && auth && (
        <ChangePasswordDialog onClose={() => setDialog(null)} returnFocus={buttonRef} />
      )}
    </div>
  );
}

function AccountMenu(props: {
  auth: AuthState;
  toggleRef: RefObject<HTMLButtonElement | null>;
  onChangePassword: () => void;
}) {
  const { auth, toggleRef } = props;
  const regions = useRegions();
  const signOut = useSignOut();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  const regionNames = new Map((regions.data ?? []).map((r) => [r.code, r.name]));
  const roles = describeGrants(auth.grants, (code) => regionNames.get(code));

  // Clicking or tabbing anywhere else closes the menu.
  const closeMenu = useCallback(() => setOpen(false), []);
  useDismiss(rootRef, open, closeMenu);

  return (
    <div
      className="account__menu-root"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault(); // the menu had the key: the seat card (if open) stays
          setOpen(false);
          toggleRef.current?.focus();
        }
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="account__toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="account__name">{auth.user.name}</span>
        <span className="account__roles">{roles.length ? roles.join('; ') : 'No roles yet'}</span>
      </button>
      <ul id={menuId} className="account__menu" hidden={!open} aria-label="Account">
        <li>
          <button
            type="button"
            className="account__item"
            onClick={() => {
              setOpen(false);
              props.onChangePassword();
            }}
          >
            Change password
          </button>
        </li>
        <li>
          <button
            type="button"
            className="account__item"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate(undefined, { onSuccess: () => setOpen(false) })}
          >
            {signOut.isPending ? 'Signing out…' : 'Sign out'}
          </button>
        </li>
      </ul>
      {signOut.isError && (
        <p className="account__error" role="alert">
          Could not sign out: {errorMessage(signOut.error)}
        </p>
      )}
    </div>
  );
}
