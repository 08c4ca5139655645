import { ELECTION_TYPES, ELECTION_TYPE_LABELS, type TElectionType } from '@groundwork/server/contracts';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { fieldErrors } from '../auth/api.ts';
import { withLabel } from '../pilots/format.ts';
import { useCreateSelection } from './api.ts';

/** "Start a selection": the CLP's seat (or a council ward in it), then on to the new selection's page. */
export function StartSelectionForm(props: { clps: { id: number; name: string }[]; onCancel: () => void }) {
  const create = useCreateSelection();
  const [clpId, setClpId] = useState(props.clps[0]?.id ?? 0);
  const [electionType, setElectionType] = useState<TElectionType | ''>('');
  const [wardName, setWardName] = useState('');
  const [sittingMember, setSittingMember] = useState(false);
  const [typeMissing, setTypeMissing] = useState(false);
  const server = fieldErrors(create.error);
  const council = electionType === 'council';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!electionType) {
      setTypeMissing(true);
      return;
    }
    create.mutate(
      { clpId, electionType, wardName: council ? wardName.trim() || null : null, sittingMember, stages: [] },
      { onSuccess: (s) => window.location.assign(`/selections/${s.id}`) },
    );
  };
  const general = create.isError && Object.keys(server).length === 0 ? errorMessage(create.error) : null;

  return (
    <form className="form selection-form" aria-label="Start a selection" onSubmit={submit} noValidate>
      <h3>Start a selection</h3>
      {props.clps.length > 1 ? (
        <Field label="CLP">
          {(a) => (
            <select {...a} value={clpId} onChange={(e) => setClpId(Number(e.target.value))}>
              {props.clps.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p>
          <span className="field__label">CLP</span> {props.clps[0]?.name}
        </p>
      )}
      <Field
        label="Election type"
        error={
          typeMissing && !electionType
            ? 'Choose the election type'
            : withLabel('Election type', server.electionType)
        }
      >
        {(a) => (
          <select
            {...a}
            value={electionType}
            onChange={(e) => setElectionType(e.target.value as TElectionType | '')}
          >
            <option value="">Choose…</option>
            {ELECTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {ELECTION_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {council && (
        <Field
          label="Ward name"
          hint="The council ward this selection is for"
          error={withLabel('Ward name', server.wardName)}
        >
          {(a) => <input {...a} type="text" value={wardName} onChange={(e) => setWardName(e.target.value)} />}
        </Field>
      )}
      <label className="selection-form__check">
        <input type="checkbox" checked={sittingMember} onChange={(e) => setSittingMember(e.target.checked)} />
        There is a sitting member (the selection starts with a trigger ballot)
      </label>
      {general && (
        <p className="form__error" role="alert">
          {general}
        </p>
      )}
      <FormActions
        submit="Start the selection"
        busyLabel="Starting…"
        busy={create.isPending}
        onCancel={props.onCancel}
      />
    </form>
  );
}
