import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { Modal } from '../../ui/Modal.tsx';
import { useSession } from '../auth/api.ts';
import { AccountStatus } from './AccountStatus.tsx';
import {
  usePasswordLink,
  useRevokeGrant,
  useUser,
  type AdminGrant,
  type AdminUser,
  type PasswordLink,
} from './api.ts';
import { describeAdminGrant, fmtDate, fmtDateTime, grantStatus, STATUS_LABELS } from './format.ts';
import { GrantForm } from './GrantForm.tsx';
import { HistoryDisclosure } from './HistoryDisclosure.tsx';

/**
 * One user: their roles (in force and past), giving and revoking roles, a set-password link, and disabling
 * or enabling the account.
 */
export function UserPanel(props: { userId: number; email: string; onClose: () => void }) {
  const user = useUser(props.userId, props.email);
  const session = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const rolesHeading = useRef<HTMLHeadingElement>(null);

  // Choosing a user takes focus to their panel, so keyboard and screen-reader users land on it.
  useEffect(() => {
    heading.current?.focus();
  }, [user.data?.id]);

  const u = user.data;
  return (
    <section className="admin-panel" aria-labelledby="admin-panel-title" aria-busy={user.isFetching}>
      <div className="admin-panel__head">
        <h3 id="admin-panel-title" ref={heading} tabIndex={-1}>
          {u ? u.name : props.email}
        </h3>
        <button type="button" className="icon-button" aria-label="Close user panel" onClick={props.onClose}>
          ×
        </button>
      </div>
      {user.isError ? (
        <p className="state state--error" role="alert">
          {errorMessage(user.error)}
        </p>
      ) : user.isPending ? (
        <p className="state" role="status">
          Loading…
        </p>
      ) : !u ? (
        <p className="state" role="status">
          This user was not found.
        </p>
      ) : (
        <>
          <dl className="admin-facts">
            <dt>Email</dt>
            <dd>{u.email}</dd>
            <dt>Password</dt>
            <dd>{u.hasPassword ? 'Set' : 'Not set yet'}</dd>
            <dt>Added</dt>
            <dd>{fmtDate(u.createdAt)}</dd>
            <dt>Account</dt>
            <dd>
              {u.disabled ? (
                <span className="badge badge--small admin-badge--disabled">Disabled</span>
              ) : (
                'Active'
              )}
            </dd>
          </dl>

          <div className="admin-panel__actions">
            <PasswordLinkButton user={u} />
            <AccountStatus user={u} isSelf={u.id === session.data?.user.id} />
          </div>

          <h4 ref={rolesHeading} tabIndex={-1} className="admin-panel__subhead">
            Roles
          </h4>
          {u.grants.length === 0 ? (
            <p className="admin-muted">No roles yet.</p>
          ) : (
            <ul className="admin-grants" aria-label={`Roles of ${u.name}`}>
              {u.grants.map((g) => (
                <GrantItem key={g.id} grant={g} afterRevoke={rolesHeading} />
              ))}
            </ul>
          )}

          <GrantForm userId={u.id} />

          <HistoryDisclosure type="user" id={u.id} summary="Account history" />
        </>
      )}
    </section>
  );
}

function GrantItem({
  grant,
  afterRevoke,
}: {
  grant: AdminGrant;
  afterRevoke: RefObject<HTMLElement | null>;
}) {
  const status = grantStatus(grant);
  const [confirming, setConfirming] = useState(false);
  const label = describeAdminGrant(grant);
  const dates = [
    `from ${fmtDate(grant.startsAt)}`,
    grant.revokedAt
      ? `revoked ${fmtDate(grant.revokedAt)}`
      : grant.endsAt
        ? `until ${fmtDate(grant.endsAt)}`
        : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li className={`admin-grant admin-grant--${status}`} data-grant-id={grant.id}>
      <div className="admin-grant__main">
        <span className="admin-grant__label">{label}</span>
        <span className={`badge badge--small admin-badge admin-badge--${status}`}>
          {STATUS_LABELS[status]}
        </span>
        <span className="admin-grant__dates">{dates}</span>
        {grant.revokedAt === null && status !== 'ended' && (
          <button
            type="button"
            className="button button--secondary admin-grant__revoke"
            aria-label={`Revoke ${label}`}
            onClick={() => setConfirming(true)}
          >
            Revoke
          </button>
        )}
      </div>
      <HistoryDisclosure type="role-grant" id={grant.id} summary="History" />
      {confirming && (
        <RevokeDialog
          grant={grant}
          label={label}
          onClose={() => setConfirming(false)}
          afterRevoke={afterRevoke}
        />
      )}
    </li>
  );
}

function RevokeDialog(props: {
  grant: AdminGrant;
  label: string;
  onClose: () => void;
  afterRevoke: RefObject<HTMLElement | null>;
}) {
  const revoke = useRevokeGrant();
  // On cancel focus goes back to the Revoke button; once revoked that button is gone, so to "Roles".
  const back = useRef<HTMLElement | null>(null);
  return (
    <Modal title="Revoke role?" onClose={props.onClose} returnFocus={back}>
      <div className="form">
        <p>
          <strong>{props.label}</strong> will stop at once. The grant stays in the record, marked revoked.
        </p>
        {revoke.isError && (
          <p className="form__error" role="alert">
            {errorMessage(revoke.error)}
          </p>
        )}
        <div className="form__actions">
          <button
            type="button"
            className="button admin-button--danger"
            disabled={revoke.isPending}
            onClick={() =>
              revoke.mutate(props.grant.id, {
                onSuccess: () => {
                  back.current = props.afterRevoke.current;
                  props.onClose();
                },
              })
            }
          >
            {revoke.isPending ? 'Revoking…' : 'Revoke role'}
          </button>
          <button type="button" className="button button--secondary" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}

/**
 * Issues a set-password link. Not for a disabled account: the server refuses it (409), so the button is
 * off and says why instead of failing when pressed.
 */
function PasswordLinkButton({ user }: { user: AdminUser }) {
  const issue = usePasswordLink(user.id);
  const [link, setLink] = useState<PasswordLink | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const noteId = useId();

  // An error beside the button is about the account as it was: once its state changes, it goes.
  const { reset } = issue;
  useEffect(() => {
    reset();
  }, [user.version, reset]);

  return (
    <div className="admin-link">
      <button
        type="button"
        className="button button--secondary"
        ref={button}
        disabled={issue.isPending || user.disabled}
        aria-describedby={user.disabled || user.hasPassword ? noteId : undefined}
        onClick={() => issue.mutate(undefined, { onSuccess: setLink })}
      >
        {issue.isPending ? 'Creating link…' : 'Create set-password link'}
      </button>
      {user.disabled ? (
        <p className="field__hint" id={noteId}>
          This account is disabled: enable it before creating a set-password link.
        </p>
      ) : (
        user.hasPassword && (
          <p className="field__hint" id={noteId}>
            They already have a password: a link lets them choose a new one.
          </p>
        )
      )}
      {issue.isError && (
        <p className="form__error" role="alert">
          {errorMessage(issue.error)}
        </p>
      )}
      {link && (
        <PasswordLinkDialog link={link} name={user.name} onClose={() => setLink(null)} returnFocus={button} />
      )}
    </div>
  );
}

function PasswordLinkDialog(props: {
  link: PasswordLink;
  name: string;
  onClose: () => void;
  returnFocus: RefObject<HTMLElement | null>;
}) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.link.url);
      setCopied('yes');
    } catch {
      // No clipboard (permissions, plain http): select the text so Ctrl+C works.
      input.current?.select();
      setCopied('no');
    }
  }

  return (
    <Modal title="Set-password link" onClose={props.onClose} returnFocus={props.returnFocus}>
      <div className="form">
        <div className="field">
          <label className="field__label" htmlFor="admin-password-link">
            Link for {props.name}
          </label>
          <input
            id="admin-password-link"
            ref={input}
            className="admin-link__url"
            type="text"
            readOnly
            value={props.link.url}
            onFocus={(e) => e.target.select()}
            aria-describedby="admin-password-link-note"
          />
        </div>
        <p id="admin-password-link-note" className="admin-note">
          Pass this on to {props.name} privately, for example by a direct message — not in a group or a shared
          inbox. It works once and expires on {fmtDateTime(props.link.expiresAt)}. Anyone with it can set the
          password.
        </p>
        <p role="status" className="admin-muted">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'no'
              ? 'Could not copy: the link is selected, press Ctrl+C.'
              : ''}
        </p>
        <div className="form__actions">
          <button type="button" className="button" onClick={() => void copy()}>
            Copy link
          </button>
          <button type="button" className="button button--secondary" onClick={props.onClose}>
            Done
          </button>
        </div>
      </div>
    </Modal>
  );
}
