import {
  SELECTION_STAGE_LABELS,
  type TSelection,
  type TSelectionStage,
  type TStageDates,
} from '@groundwork/server/contracts';
import { useState, type FormEvent } from 'react';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { fieldErrors } from '../auth/api.ts';
import { withLabel } from '../pilots/format.ts';
import { useUpdateSelection } from './api.ts';
import { WriteProblem } from './WriteProblem.tsx';
import { timeline } from './words.ts';

/** Officers: move the selection to another stage. */
export function StageForm(props: { selection: TSelection }) {
  const s = props.selection;
  const save = useUpdateSelection(s.id);
  const [stage, setStage] = useState<TSelectionStage>(s.stage);
  const [saved, setSaved] = useState(false);
  const server = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate({ version: s.version, stage }, { onSuccess: () => setSaved(true) });
  };
  const stages = timeline(s).map((t) => t.stage);
  return (
    <form className="form selection-form" aria-label="Move the stage" onSubmit={submit} noValidate>
      <h3>Move the stage</h3>
      <WriteProblem error={save.error} what="this selection" fieldsShown={!!server.stage} />
      <Field label="Stage" error={withLabel('Stage', server.stage)}>
        {(a) => (
          <select
            {...a}
            value={stage}
            onChange={(e) => {
              setStage(e.target.value as TSelectionStage);
              setSaved(false);
            }}
          >
            {stages.map((st) => (
              <option key={st} value={st}>
                {SELECTION_STAGE_LABELS[st]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormActions submit="Save stage" busyLabel="Saving…" busy={save.isPending} />
      {saved && (
        <p className="selection-form__saved" role="status">
          Moved to {SELECTION_STAGE_LABELS[s.stage]}.
        </p>
      )}
    </form>
  );
}

type DateDraft = Record<string, { plannedOn: string; actualOn: string }>;

const draftOf = (s: TSelection): DateDraft =>
  Object.fromEntries(
    timeline(s).map((t) => [t.stage, { plannedOn: t.plannedOn ?? '', actualOn: t.actualOn ?? '' }]),
  );

/** Officers: the planned and actual date of each stage; only the stages changed are sent. */
export function StageDatesForm(props: { selection: TSelection }) {
  const s = props.selection;
  const save = useUpdateSelection(s.id);
  const [draft, setDraft] = useState<DateDraft>(() => draftOf(s));
  const server = fieldErrors(save.error);
  const before = draftOf(s);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const stages: TStageDates[] = timeline(s)
      .filter((t) => {
        const d = draft[t.stage];
        const b = before[t.stage];
        return d && b && (d.plannedOn !== b.plannedOn || d.actualOn !== b.actualOn);
      })
      .map((t) => ({
        stage: t.stage,
        plannedOn: draft[t.stage]?.plannedOn || null,
        actualOn: draft[t.stage]?.actualOn || null,
      }));
    if (stages.length === 0) return;
    save.mutate({ version: s.version, stages });
  };
  const set = (stage: string, key: 'plannedOn' | 'actualOn', value: string) =>
    setDraft((d) => ({ ...d, [stage]: { plannedOn: '', actualOn: '', ...d[stage], [key]: value } }));
  const stagesError = server.stages ?? Object.entries(server).find(([k]) => k.startsWith('stages.'))?.[1];

  return (
    <form className="form selection-form" aria-label="Stage dates" onSubmit={submit} noValidate>
      <p className="muted">An actual date only for stages the selection has reached.</p>
      <WriteProblem error={save.error} what="this selection" fieldsShown={!!stagesError} />
      {stagesError && (
        <p className="field__error" role="alert" id="stage-dates-error">
          {withLabel('Stage dates', stagesError)}
        </p>
      )}
      <div className="stage-dates">
        {timeline(s).map((t) => (
          <fieldset key={t.stage} className="fieldset stage-dates__row">
            <legend className="field__label">{SELECTION_STAGE_LABELS[t.stage]}</legend>
            <Field label="Planned">
              {(a) => (
                <input
                  {...a}
                  type="date"
                  value={draft[t.stage]?.plannedOn ?? ''}
                  onChange={(e) => set(t.stage, 'plannedOn', e.target.value)}
                />
              )}
            </Field>
            <Field label="Actual">
              {(a) => (
                <input
                  {...a}
                  type="date"
                  aria-invalid={stagesError ? true : undefined}
                  aria-describedby={stagesError ? 'stage-dates-error' : undefined}
                  value={draft[t.stage]?.actualOn ?? ''}
                  onChange={(e) => set(t.stage, 'actualOn', e.target.value)}
                />
              )}
            </Field>
          </fieldset>
        ))}
      </div>
      <FormActions submit="Save dates" busyLabel="Saving…" busy={save.isPending} />
    </form>
  );
}
