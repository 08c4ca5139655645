import { CONSENT_FIELDS, type TCandidacy, type TConsentField } from '@groundwork/server/contracts';
import { useState, type FormEvent } from 'react';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { fmtDateTime } from '../admin/format.ts';
import { fieldErrors } from '../auth/api.ts';
import { withLabel } from '../pilots/format.ts';
import { useRecordConsent, useWithdrawConsent } from './api.ts';
import { WriteProblem } from './WriteProblem.tsx';

export const CONSENT_FIELD_LABELS: Record<TConsentField, string> = {
  name: 'Name',
  occupation: 'Occupation',
  livesLocally: 'Lives locally',
  yearsLocal: 'Years living locally',
  localConnection: 'Local connection',
  workingClass: 'Working class',
  keyWorker: 'Key worker',
  unionMember: 'Trade union member',
  unionName: 'Union',
  councillorExperience: 'Has been a councillor',
  unionRepExperience: 'Has been a union rep',
  futureCandidatesProgramme: 'Future Candidates Programme',
  candidateFund: 'Candidate fund',
  buddyMp: 'Buddy MP',
  gender: 'Gender',
};

/** Officers: what the candidate agreed to publish, how they agreed, and withdrawing it. */
export function ConsentPanel(props: { selectionId: number; candidacy: TCandidacy }) {
  const c = props.candidacy;
  const record = useRecordConsent(props.selectionId, c.id);
  const withdraw = useWithdrawConsent(props.selectionId, c.id);
  const [fields, setFields] = useState<TConsentField[]>(['name']);
  const [note, setNote] = useState('');
  const server = fieldErrors(record.error);
  const consents = c.personal?.candidate.consents ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({ fields, note }, { onSuccess: () => setNote('') });
  };
  const toggle = (f: TConsentField, on: boolean) =>
    setFields((list) => (on ? [...list, f] : list.filter((x) => x !== f)));

  return (
    <div className="selection-consent">
      {consents.length === 0 ? (
        <p className="muted">
          No consent recorded: members and the public see this applicant as “{c.publicLabel}”.
        </p>
      ) : (
        <ul className="selection-consent__list">
          {consents.map((k) => (
            <li key={k.id}>
              {k.fields.map((f) => CONSENT_FIELD_LABELS[f]).join(', ')} — “{k.note}”,{' '}
              {k.recordedBy ?? 'someone'} on {fmtDateTime(k.recordedAt)}
              {k.withdrawnAt ? (
                <strong> (withdrawn {fmtDateTime(k.withdrawnAt)})</strong>
              ) : (
                <button
                  type="button"
                  className="link-button selection-consent__withdraw"
                  disabled={withdraw.isPending}
                  onClick={() => withdraw.mutate(k.id)}
                >
                  Withdraw this consent
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <WriteProblem error={withdraw.error} what="this candidate" />
      <form className="form" aria-label={`Record consent of ${c.label}`} onSubmit={submit} noValidate>
        <fieldset className="fieldset" aria-describedby={server.fields ? `consent-${c.id}-error` : undefined}>
          <legend className="field__label">Fields they agree to publish (name is needed for any)</legend>
          <div className="selection-consent__fields">
            {CONSENT_FIELDS.map((f) => (
              <label key={f} className="selection-form__check">
                <input
                  type="checkbox"
                  checked={fields.includes(f)}
                  aria-invalid={server.fields ? true : undefined}
                  onChange={(e) => toggle(f, e.target.checked)}
                />
                {CONSENT_FIELD_LABELS[f]}
              </label>
            ))}
          </div>
          {server.fields && (
            <p className="field__error" id={`consent-${c.id}-error`} role="alert">
              {withLabel('The fields', server.fields)}
            </p>
          )}
        </fieldset>
        <Field
          label="How consent was given"
          hint="e.g. signed form of 3 March, email on file"
          error={withLabel('How consent was given', server.note)}
        >
          {(a) => <textarea {...a} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <WriteProblem
          error={record.error}
          what="this candidate"
          fieldsShown={Object.keys(server).length > 0}
        />
        <FormActions submit="Record consent" busyLabel="Recording…" busy={record.isPending} />
      </form>
    </div>
  );
}
