import {
  ACTIVITY_NOTES_MAX as NOTES_MAX,
  ACTIVITY_COUNTS,
  ACTIVITY_COUNT_LABELS,
  ACTIVITY_COUNT_MAX,
  ACTIVITY_TYPES,
  ACTIVITY_TYPE_LABELS,
  type TActivityCount,
} from '@groundwork/server/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Field } from '../../ui/Field.tsx';
import type { ActivityDraft } from './offlineQueue.ts';

type Values = { occurredOn: string; type: string; notes: string } & Record<TActivityCount, string>;
export type FieldErrors = Record<string, string>;

/** Today on the phone's own calendar (not UTC: a session at 11 pm is logged on the day it happened). */
export function localDay(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function toValues(d: ActivityDraft | undefined): Values {
  const counts = Object.fromEntries(
    ACTIVITY_COUNTS.map((c) => [c, d?.[c] === undefined ? '' : String(d[c])]),
  );
  return {
    occurredOn: d?.occurredOn ?? localDay(),
    type: d?.type ?? 'door_knocking',
    notes: d?.notes ?? '',
    ...(counts as Record<TActivityCount, string>),
  };
}

/** The same rules as the server's contract, so most mistakes are caught before a send (or a queue). */
export function checkValues(v: Values): { draft?: ActivityDraft; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.occurredOn)) errors.occurredOn = 'Enter the date of the activity.';
  else if (v.occurredOn > localDay(1)) errors.occurredOn = 'The date cannot be in the future.';
  else if (v.occurredOn < '2000-01-01') errors.occurredOn = 'The date must be in 2000 or later.';
  if (!(ACTIVITY_TYPES as readonly string[]).includes(v.type)) errors.type = 'Choose the type of activity.';
  const draft: ActivityDraft = { occurredOn: v.occurredOn, type: v.type };
  for (const c of ACTIVITY_COUNTS) {
    const raw = v[c].trim();
    if (raw === '') continue;
    if (!/^\d+$/.test(raw)) errors[c] = 'Enter a whole number, 0 or more.';
    else if (Number(raw) > ACTIVITY_COUNT_MAX[c])
      errors[c] = `Enter at most ${ACTIVITY_COUNT_MAX[c].toLocaleString('en-GB')}.`;
    else draft[c] = Number(raw);
  }
  if (v.notes.length > NOTES_MAX) errors.notes = `Keep notes to ${NOTES_MAX} characters.`;
  if (v.notes.trim()) draft.notes = v.notes.trim();
  return Object.keys(errors).length ? { errors } : { draft, errors };
}

/**
 * Logging an activity with one thumb at the end of a session: big targets, number pads, today's date.
 * Used for a new activity, an edit, and fixing a queued one the server refused.
 */
export function ActivityForm(props: {
  label: string;
  initial?: ActivityDraft | undefined;
  submitLabel: string;
  busy?: boolean;
  serverErrors?: FieldErrors | undefined;
  formError?: string | undefined;
  /** Resolves to 'reset' when a new activity was saved (sent or queued) and the form should empty. */
  onSubmit: (draft: ActivityDraft) => Promise<'reset' | undefined>;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState<Values>(() => toValues(props.initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const shown = { ...props.serverErrors, ...errors };

  // Server field errors arrive after a send: focus the first, as for the form's own.
  useEffect(() => {
    if (props.serverErrors && Object.keys(props.serverErrors).length) focusFirstError(formRef.current);
  }, [props.serverErrors]);

  const set = (key: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _gone, ...rest }) => rest);
  };
  const step = (c: TActivityCount, by: number) => {
    const now = /^\d+$/.test(values[c]) ? Number(values[c]) : 0;
    set(c, String(Math.min(ACTIVITY_COUNT_MAX[c], Math.max(0, now + by))));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = checkValues(values);
    setErrors(checked.errors);
    if (!checked.draft) {
      requestAnimationFrame(() => focusFirstError(formRef.current));
      return;
    }
    const result = await props.onSubmit(checked.draft);
    // A new activity saved (sent or queued): start the next one afresh, keeping the date and type.
    if (result === 'reset')
      setValues((v) => ({ ...toValues(undefined), occurredOn: v.occurredOn, type: v.type }));
  }

  return (
    <form ref={formRef} className="activity-form" aria-label={props.label} onSubmit={submit} noValidate>
      <div className="activity-form__row">
        <Field label="Date" error={shown.occurredOn}>
          {(a) => (
            <input
              {...a}
              type="date"
              max={localDay(1)}
              min="2000-01-01"
              value={values.occurredOn}
              onChange={(e) => set('occurredOn', e.target.value)}
            />
          )}
        </Field>
        <Field label="Type" error={shown.type}>
          {(a) => (
            <select {...a} value={values.type} onChange={(e) => set('type', e.target.value)}>
              {ACTIVITY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {ACTIVITY_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="activity-form__counts">
        {ACTIVITY_COUNTS.map((c) => (
          <Field key={c} label={ACTIVITY_COUNT_LABELS[c]} error={shown[c]} className="activity-count">
            {(a) => (
              <div className="stepper">
                <button
                  type="button"
                  className="stepper__button"
                  aria-label={`One fewer: ${ACTIVITY_COUNT_LABELS[c]}`}
                  onClick={() => step(c, -1)}
                >
                  −
                </button>
                <input
                  {...a}
                  className="stepper__input"
                  inputMode="numeric"
                  pattern="[0-9]*"
                  autoComplete="off"
                  value={values[c]}
                  onChange={(e) => set(c, e.target.value)}
                />
                <button
                  type="button"
                  className="stepper__button"
                  aria-label={`One more: ${ACTIVITY_COUNT_LABELS[c]}`}
                  onClick={() => step(c, 1)}
                >
                  +
                </button>
              </div>
            )}
          </Field>
        ))}
      </div>
      <Field label="Notes" error={shown.notes} hint="Optional. Seen only by organisers and staff.">
        {(a) => (
          <textarea {...a} rows={3} value={values.notes} onChange={(e) => set('notes', e.target.value)} />
        )}
      </Field>
      {props.formError && (
        <p className="form__error" role="alert">
          {props.formError}
        </p>
      )}
      <div className="activity-form__actions">
        <button type="submit" className="button activity-form__save" disabled={props.busy}>
          {props.busy ? 'Saving…' : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button button--secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function focusFirstError(form: HTMLFormElement | null) {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
