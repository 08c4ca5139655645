import type { TCandidacy } from '@groundwork/server/contracts';
import { useState, type FormEvent } from 'react';
import { FormActions } from '../../ui/FormActions.tsx';
import { fieldErrors } from '../auth/api.ts';
import { useUpdateCandidate } from './api.ts';
import { candidateDraft, candidateFields } from './candidateDraft.ts';
import { CandidateInputs } from './CandidateInputs.tsx';
import { WriteProblem } from './WriteProblem.tsx';

/** Officers: the candidate's own fields (special-category data), versioned. */
export function CandidateEditor(props: { selectionId: number; candidacy: TCandidacy; onDone: () => void }) {
  const c = props.candidacy;
  const save = useUpdateCandidate(props.selectionId, c.id);
  const [draft, setDraft] = useState(() => candidateDraft(c.personal?.candidate));
  const [nameMissing, setNameMissing] = useState(false);
  const server = fieldErrors(save.error);
  const person = c.personal?.candidate;
  if (!person) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNameMissing(!draft.name.trim());
    if (!draft.name.trim()) return;
    save.mutate({ ...candidateFields(draft), version: person.version }, { onSuccess: props.onDone });
  };
  return (
    <form className="form selection-form" aria-label={`Details of ${c.label}`} onSubmit={submit} noValidate>
      <WriteProblem error={save.error} what="this candidate" fieldsShown={Object.keys(server).length > 0} />
      <CandidateInputs
        draft={draft}
        onDraft={setDraft}
        errors={nameMissing ? { ...server, name: 'Enter the candidate’s name' } : server}
      />
      <FormActions submit="Save details" busyLabel="Saving…" busy={save.isPending} onCancel={props.onDone} />
    </form>
  );
}
