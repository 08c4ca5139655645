import {
  PILOT_CATEGORY_LABELS,
  PILOT_KIND_LABELS,
  PILOT_STATUS_LABELS,
  type TPilot,
} from '@groundwork/server/contracts';
import { useEffect, useRef, useState } from 'react';
import { fmtDateTime } from '../admin/format.ts';
import { conflictPilot, useUpdatePilot } from './api.ts';
import { fmtSpan } from './format.ts';
import { serverErrors, toUpdate, valuesOf, type PilotFormValues } from './formValues.ts';
import { PilotForm } from './PilotForm.tsx';

/** The other person's version, in the words the page uses, beside the editor's own unsaved values. */
function TheirVersion(props: { current: TPilot }) {
  const c = props.current;
  return (
    <ul className="pilot-conflict__theirs">
      <li>Title: {c.title}</li>
      <li>
        Status: {PILOT_STATUS_LABELS[c.status]} · {PILOT_KIND_LABELS[c.kind]} ·{' '}
        {PILOT_CATEGORY_LABELS[c.category]}
      </li>
      <li>Dates: {fmtSpan(c.startsOn, c.endsOn)}</li>
      <li>Issue: {c.issue}</li>
      {c.goals && <li>Goals: {c.goals}</li>}
      {c.organiser && <li>Organiser: {c.organiser.name}</li>}
      <li>Partners: {c.partners.map((p) => p.name).join(', ') || 'none'}</li>
      <li>
        Location: {c.location ? `${c.location.lat.toFixed(5)}, ${c.location.lng.toFixed(5)}` : 'not marked'}
      </li>
    </ul>
  );
}

/**
 * Editing a pilot. A stale save (someone else saved first) keeps the editor's values on screen, shows
 * theirs, and lets the editor either save over them or take theirs.
 */
export function PilotEdit(props: { pilot: TPilot; onDone: () => void }) {
  const save = useUpdatePilot(props.pilot.id);
  const [values, setValues] = useState<PilotFormValues>(() => valuesOf(props.pilot));
  const [base, setBase] = useState<TPilot>(props.pilot);
  const [failures, setFailures] = useState(0);
  const conflict = conflictPilot(save.error);
  // The message sits above the fields, far above the Save button on a phone: take focus (and the view)
  // to it, after the form's own focus-the-first-error has run.
  const conflictRef = useRef<HTMLDivElement>(null);
  // Keyed on the error itself (the parsed conflict is a new object every render, typing would lose focus).
  const error = save.error;
  useEffect(() => {
    if (conflictPilot(error)) conflictRef.current?.focus();
  }, [error, failures]);

  const submit = (v: PilotFormValues, against: TPilot) =>
    save.mutate(toUpdate(v, against, against.version), {
      onSuccess: props.onDone,
      onError: (error) => {
        const current = conflictPilot(error);
        if (current) setBase(current);
        setFailures((n) => n + 1);
      },
    });

  const banner = conflict && (
    <div className="pilot-conflict" role="alert" ref={conflictRef} tabIndex={-1}>
      <p>
        <strong>Someone else changed this pilot</strong> ({fmtDateTime(conflict.updatedAt)}) while you were
        editing. Your changes are still below, not saved yet. Their version:
      </p>
      <TheirVersion current={conflict} />
      <div className="form__actions">
        <button type="button" className="button" onClick={() => submit(values, conflict)}>
          Save my changes over theirs
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setValues(valuesOf(conflict));
            save.reset();
          }}
        >
          Use their version
        </button>
      </div>
    </div>
  );

  return (
    <PilotForm
      label="Edit pilot"
      initial={values}
      values={values}
      onValues={setValues}
      clpId={props.pilot.clp.id}
      seatCode={props.pilot.seat.code}
      clp={
        <div className="field">
          <span className="field__label">CLP</span>
          <p className="pilot-form__fixed">{props.pilot.clp.name}</p>
        </div>
      }
      banner={banner}
      serverErrors={serverErrors(save.error)}
      submitLabel="Save changes"
      pending={save.isPending}
      failures={failures}
      onSubmit={(v) => submit(v, base)}
      onCancel={props.onDone}
    />
  );
}
