import {
  NOMINATOR_KINDS,
  NOMINATOR_KIND_LABELS,
  type TCandidacy,
  type TNominatorKind,
} from '@groundwork/server/contracts';
import { useState, type FormEvent } from 'react';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { fieldErrors } from '../auth/api.ts';
import { withLabel } from '../pilots/format.ts';
import { useUpdateCandidacy } from './api.ts';
import { candidacyDraft, candidacyFields, draftProblems } from './candidateDraft.ts';
import { CandidacyInputs } from './CandidateInputs.tsx';
import { WriteProblem } from './WriteProblem.tsx';

interface NominationDraft {
  key: number;
  kind: TNominatorKind;
  name: string;
  receivedOn: string;
}

let nextKey = 1;
const nominationDrafts = (c: TCandidacy): NominationDraft[] =>
  c.nominations.map((n) => ({ key: nextKey++, kind: n.kind, name: n.name, receivedOn: n.receivedOn ?? '' }));

/** Officers: a candidacy's stage, where the candidate lives, and its nominations (versioned). */
export function CandidacyEditor(props: { selectionId: number; candidacy: TCandidacy; onDone: () => void }) {
  const c = props.candidacy;
  const personal = c.personal;
  const save = useUpdateCandidacy(props.selectionId, c.id);
  const [draft, setDraft] = useState(() =>
    candidacyDraft(personal ? { ...personal, stage: c.stage, withdrawnAfter: c.withdrawnAfter } : undefined),
  );
  const [nominations, setNominations] = useState(() => nominationDrafts(c));
  const [shown, setShown] = useState<Record<string, string>>({});
  const server = fieldErrors(save.error);
  const errors = { ...server, ...shown };
  if (!personal) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = draftProblems(draft);
    setShown(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate(
      {
        ...candidacyFields(draft),
        version: personal.version,
        nominations: nominations.map((n) => ({
          kind: n.kind,
          name: n.name.trim(),
          receivedOn: n.receivedOn || null,
        })),
      },
      { onSuccess: props.onDone },
    );
  };
  const setNomination = (key: number, patch: Partial<NominationDraft>) =>
    setNominations((list) => list.map((n) => (n.key === key ? { ...n, ...patch } : n)));

  return (
    <form className="form selection-form" aria-label={`Candidacy of ${c.label}`} onSubmit={submit} noValidate>
      <WriteProblem error={save.error} what="this candidacy" fieldsShown={Object.keys(server).length > 0} />
      <CandidacyInputs draft={draft} onDraft={setDraft} errors={errors} />
      <fieldset className="fieldset selection-nominations">
        <legend className="field__label">Nominations</legend>
        {nominations.length === 0 && <p className="muted">No nominations recorded.</p>}
        {nominations.map((n, i) => (
          <div
            key={n.key}
            className="selection-nominations__row"
            role="group"
            aria-label={`Nomination ${i + 1}`}
          >
            <Field label="Nominated by">
              {(a) => (
                <select
                  {...a}
                  value={n.kind}
                  onChange={(e) => setNomination(n.key, { kind: e.target.value as TNominatorKind })}
                >
                  {NOMINATOR_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {NOMINATOR_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Its name" error={withLabel('The name', server[`nominations.${i}.name`])}>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  value={n.name}
                  onChange={(e) => setNomination(n.key, { name: e.target.value })}
                />
              )}
            </Field>
            <Field label="Received" error={withLabel('The date', server[`nominations.${i}.receivedOn`])}>
              {(a) => (
                <input
                  {...a}
                  type="date"
                  value={n.receivedOn}
                  onChange={(e) => setNomination(n.key, { receivedOn: e.target.value })}
                />
              )}
            </Field>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setNominations((list) => list.filter((x) => x.key !== n.key))}
            >
              Remove nomination {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            setNominations((list) => [...list, { key: nextKey++, kind: 'branch', name: '', receivedOn: '' }])
          }
        >
          Add a nomination
        </button>
      </fieldset>
      <FormActions
        submit="Save candidacy"
        busyLabel="Saving…"
        busy={save.isPending}
        onCancel={props.onDone}
      />
    </form>
  );
}
