import {
  PILOT_CATEGORIES,
  PILOT_CATEGORY_LABELS,
  PILOT_KINDS,
  PILOT_KIND_LABELS,
  PILOT_STATUSES,
  PILOT_STATUS_LABELS,
  type TPilotCategory,
  type TPilotKind,
  type TPilotStatus,
} from '@groundwork/server/contracts';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Field } from '../../ui/Field.tsx';
import { useSession } from '../auth/api.ts';
import { useClpOrganisers } from './api.ts';
import { withLabel } from './format.ts';
import { errorsShown, localProblems, type PilotFormErrors, type PilotFormValues } from './formValues.ts';
import { LocationPicker } from './LocationPicker.tsx';
import { PartnerPicker } from './PartnerPicker.tsx';
import './pilotForm.css';
import { FormActions } from '../../ui/FormActions.tsx';

/** Puts focus on the first field with an error, so a keyboard or screen-reader user lands on it. */
function focusFirstError(form: HTMLFormElement | null) {
  const error = form?.querySelector('.field__error, .form__error');
  const host = error?.closest('.field, fieldset') ?? error;
  const target = host?.querySelector<HTMLElement>('input, select, textarea, button') ?? null;
  (target ?? (error as HTMLElement | null))?.focus();
}

/**
 * A pilot's facts, for a new pilot and for editing one. The parent saves; this shows the browser's own
 * checks and the server's field errors under their fields. `clp` (a CLP picker or the CLP's name) comes
 * first; `banner` (a conflict) sits above the fields.
 */
export function PilotForm(props: {
  label: string;
  initial: PilotFormValues;
  clpId: number | undefined;
  seatCode: string | undefined;
  clp: ReactNode;
  banner?: ReactNode;
  serverErrors: PilotFormErrors;
  submitLabel: string;
  pending: boolean;
  /** Bumped by the parent whenever a save fails, to move focus to the errors again. */
  failures: number;
  onSubmit: (values: PilotFormValues) => void;
  onCancel?: () => void;
  values?: PilotFormValues;
  onValues?: (v: PilotFormValues) => void;
}) {
  const [own, setOwn] = useState(props.initial);
  const values = props.values ?? own;
  const setValues = props.onValues ?? setOwn;
  const [local, setLocal] = useState<PilotFormErrors>({});
  // Fields changed since the last submit: their errors go away at once, not at the next submit.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const set = (change: Partial<PilotFormValues>) => {
    setValues({ ...values, ...change });
    setEdited((old) => new Set([...old, ...Object.keys(change)]));
  };
  const [attempts, setAttempts] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const organisers = useClpOrganisers(props.clpId);
  const me = useSession().data?.user.id;
  // On a new pilot the empty choice is "Me": the list leaves the user out so nobody is listed twice.
  const others = (organisers.data ?? []).filter((o) => props.onCancel || o.id !== me);
  const [clpAtSubmit, setClpAtSubmit] = useState(props.clpId);
  const e = errorsShown({ ...props.serverErrors, ...local }, edited, clpAtSubmit !== props.clpId);

  useEffect(() => {
    if (attempts + props.failures > 0) focusFirstError(formRef.current);
  }, [attempts, props.failures]);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const problems = localProblems(values);
    if (props.clpId === undefined) problems.clpId = 'Choose the CLP the pilot belongs to';
    setLocal(problems);
    setEdited(new Set());
    setClpAtSubmit(props.clpId);
    if (Object.keys(problems).length > 0) {
      setAttempts((n) => n + 1);
      return;
    }
    props.onSubmit(values);
  };

  return (
    <form ref={formRef} className="form pilot-form" aria-label={props.label} onSubmit={submit} noValidate>
      {props.banner}
      {props.clp}
      {e.clpId && !props.clp && <p className="field__error">{e.clpId}</p>}
      <Field label="Title" error={withLabel('Title', e.title)}>
        {(a) => (
          <input
            {...a}
            type="text"
            value={values.title}
            maxLength={120}
            onChange={(x) => set({ title: x.target.value })}
          />
        )}
      </Field>
      <Field
        label="The local issue"
        hint="In your own words: what people told you."
        error={withLabel('The issue', e.issue)}
      >
        {(a) => (
          <textarea {...a} rows={4} value={values.issue} onChange={(x) => set({ issue: x.target.value })} />
        )}
      </Field>
      <div className="pilot-form__pair">
        <Field label="Category" error={withLabel('Category', e.category)}>
          {(a) => (
            <select
              {...a}
              value={values.category}
              onChange={(x) => set({ category: x.target.value as TPilotCategory })}
            >
              <option value="">Choose…</option>
              {PILOT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {PILOT_CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Kind" error={withLabel('Kind', e.kind)}>
          {(a) => (
            <select {...a} value={values.kind} onChange={(x) => set({ kind: x.target.value as TPilotKind })}>
              <option value="">Choose…</option>
              {PILOT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {PILOT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="pilot-form__pair">
        <Field label="Status" error={withLabel('Status', e.status)}>
          {(a) => (
            <select
              {...a}
              value={values.status}
              onChange={(x) => set({ status: x.target.value as TPilotStatus })}
            >
              {PILOT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {PILOT_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status since" error={withLabel('The status date', e.statusOn)}>
          {(a) => (
            <input
              {...a}
              type="date"
              value={values.statusOn}
              onChange={(x) => set({ statusOn: x.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="pilot-form__pair">
        <Field label="Starts" error={withLabel('Start date', e.startsOn)}>
          {(a) => (
            <input
              {...a}
              type="date"
              value={values.startsOn}
              onChange={(x) => set({ startsOn: x.target.value })}
            />
          )}
        </Field>
        <Field label="Ends (optional)" error={withLabel('End date', e.endsOn)}>
          {(a) => (
            <input
              {...a}
              type="date"
              value={values.endsOn}
              min={values.startsOn}
              onChange={(x) => set({ endsOn: x.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label="Goals (optional)" hint="What would count as winning?" error={withLabel('Goals', e.goals)}>
        {(a) => (
          <textarea {...a} rows={3} value={values.goals} onChange={(x) => set({ goals: x.target.value })} />
        )}
      </Field>
      <Field
        label="Responsible organiser"
        hint={props.clpId === undefined ? 'Choose the CLP first.' : undefined}
        error={withLabel('The organiser', e.organiserId)}
      >
        {(a) => (
          <select
            {...a}
            value={values.organiserId}
            disabled={props.clpId === undefined}
            onChange={(x) => set({ organiserId: x.target.value })}
          >
            <option value="">{props.onCancel ? 'Nobody chosen' : 'Me'}</option>
            {others.map((o) => (
              <option key={o.id} value={String(o.id)}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <PartnerPicker value={values.partners} onChange={(partners) => set({ partners })} error={e.partners} />
      <LocationPicker
        seatCode={props.seatCode}
        value={values.location}
        onChange={(location) => set({ location })}
        error={withLabel('The location', e.location)}
      />
      {e.form && (
        <p className="form__error" role="alert">
          {e.form}
        </p>
      )}
      <FormActions
        className="pilot-form__actions"
        submit={props.submitLabel}
        busyLabel="Saving…"
        busy={props.pending}
        onCancel={props.onCancel}
      />
    </form>
  );
}
