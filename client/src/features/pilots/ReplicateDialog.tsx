import type { TPilot } from '@groundwork/server/contracts';
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { fieldErrors, useSession } from '../auth/api.ts';
import { Field } from '../../ui/Field.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { useReplicatePilot } from './api.ts';
import { ClpChoice, type ClpRef } from './ClpChoice.tsx';
import { isAdmin, organiserClps, today, withLabel } from './format.ts';
import { FormActions } from '../../ui/FormActions.tsx';

/**
 * "Run this pilot here": a new planned pilot in a CLP where the user may write, copying the issue, kind
 * and goals, linked back to this one. Offered only to people who can start pilots somewhere.
 */
export function ReplicateButton(props: { pilot: TPilot }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const grants = session.data?.grants ?? [];
  const own = organiserClps(grants);
  const admin = isAdmin(grants);
  if (own.length === 0 && !admin) return null;
  return (
    <>
      <button ref={button} type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        Run this pilot here
      </button>
      {open && (
        <ReplicateDialog
          pilot={props.pilot}
          own={own}
          admin={admin}
          onClose={() => setOpen(false)}
          returnFocus={button}
        />
      )}
    </>
  );
}

function ReplicateDialog(props: {
  pilot: TPilot;
  own: { id: number; name: string }[];
  admin: boolean;
  onClose: () => void;
  returnFocus: RefObject<HTMLButtonElement | null>;
}) {
  const replicate = useReplicatePilot(props.pilot.id);
  const [clp, setClp] = useState<ClpRef | undefined>();
  const [startsOn, setStartsOn] = useState(today());
  const [title, setTitle] = useState(props.pilot.title);
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const server = fieldErrors(replicate.error);
  const general = replicate.isError && Object.keys(server).length === 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = {
      clpId: clp ? undefined : 'Choose the CLP to run it in',
      startsOn: startsOn ? undefined : 'Enter the start date',
      title: title.trim().length >= 3 ? undefined : 'Give it a title (at least 3 characters)',
    };
    setLocal(problems);
    if (!clp || problems.startsOn || problems.title) return;
    replicate.mutate(
      { clpId: clp.id, startsOn, title: title.trim() },
      { onSuccess: (copy) => window.location.assign(`/pilots/${copy.id}`) },
    );
  };

  return (
    <Modal title="Run this pilot here" onClose={props.onClose} returnFocus={props.returnFocus}>
      <form className="form" onSubmit={submit} noValidate aria-label="Run this pilot here">
        <p className="field__hint">
          A new planned pilot with the same issue, kind and goals, linked to “{props.pilot.title}”.
        </p>
        <ClpChoice
          own={props.own}
          admin={props.admin}
          onChange={setClp}
          error={local.clpId ?? withLabel('The CLP', server.clpId)}
        />
        <Field label="Title" error={local.title ?? withLabel('Title', server.title)}>
          {(a) => <input {...a} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label="Starts" error={local.startsOn ?? withLabel('Start date', server.startsOn)}>
          {(a) => <input {...a} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />}
        </Field>
        {general && (
          <p className="form__error" role="alert">
            {errorMessage(replicate.error)}
          </p>
        )}
        <FormActions
          submit="Start the new pilot"
          busyLabel="Starting…"
          busy={replicate.isPending}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
