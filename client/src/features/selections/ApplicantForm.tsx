import type { TSelection } from '@groundwork/server/contracts';
import { useState, type FormEvent } from 'react';
import { FormActions } from '../../ui/FormActions.tsx';
import { fieldErrors } from '../auth/api.ts';
import { useAddCandidacy } from './api.ts';
import {
  candidacyDraft,
  candidacyFields,
  candidateDraft,
  candidateFields,
  draftProblems,
} from './candidateDraft.ts';
import { CandidacyInputs, CandidateInputs } from './CandidateInputs.tsx';
import { WriteProblem } from './WriteProblem.tsx';

/** The server's messages about `candidate.x`, keyed as `x` for the candidate's own inputs. */
export function candidateErrors(all: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(all).flatMap(([k, v]) => (k.startsWith('candidate.') ? [[k.slice(10), v]] : [])),
  );
}

/** Officers: add an applicant, with their own fields and where they live relative to the seat. */
export function ApplicantForm(props: { selection: TSelection; onDone: () => void }) {
  const add = useAddCandidacy(props.selection.id);
  const [candidate, setCandidate] = useState(candidateDraft);
  const [candidacy, setCandidacy] = useState(() => candidacyDraft());
  const [shown, setShown] = useState<Record<string, string>>({});
  const server = fieldErrors(add.error);
  const errors = { ...server, ...shown };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = draftProblems(candidacy, candidate);
    setShown(problems);
    if (Object.keys(problems).length > 0) return;
    add.mutate(
      { ...candidacyFields(candidacy), candidate: candidateFields(candidate) },
      {
        onSuccess: () => {
          setCandidate(candidateDraft());
          setCandidacy(candidacyDraft());
          props.onDone();
        },
      },
    );
  };

  return (
    <form className="form selection-form" aria-label="Add an applicant" onSubmit={submit} noValidate>
      <h3>Add an applicant</h3>
      <WriteProblem error={add.error} what="this selection" fieldsShown={Object.keys(server).length > 0} />
      <CandidateInputs draft={candidate} onDraft={setCandidate} errors={candidateErrors(errors)} />
      <CandidacyInputs draft={candidacy} onDraft={setCandidacy} errors={errors} />
      <FormActions submit="Add applicant" busyLabel="Adding…" busy={add.isPending} onCancel={props.onDone} />
    </form>
  );
}
