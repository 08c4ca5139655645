import {
  CANDIDACY_STAGES,
  CANDIDACY_STAGE_LABELS,
  GENDERS,
  REACHED_STAGES,
  type TCandidacyStage,
  type TGender,
  type TReachedStage,
} from '@groundwork/server/contracts';
import { Field } from '../../ui/Field.tsx';
import { withLabel } from '../pilots/format.ts';
import { CANDIDATE_FLAGS, type CandidacyDraft, type CandidateDraft } from './candidateDraft.ts';
import type { FlagValue } from './words.ts';

const GENDER_LABELS: Record<TGender, string> = {
  woman: 'Woman',
  man: 'Man',
  non_binary: 'Non-binary',
  not_stated: 'Prefers not to say',
};

export const SENSITIVE_NOTE = 'Sensitive: only selection officers and admins see this';

function FlagSelect(props: { label: string; value: FlagValue; onChange: (v: FlagValue) => void }) {
  return (
    <Field label={props.label}>
      {(a) => (
        <select {...a} value={props.value} onChange={(e) => props.onChange(e.target.value as FlagValue)}>
          <option value="">Not recorded</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      )}
    </Field>
  );
}

/** The candidate's own fields; the special-category ones in a fieldset that says who sees them. */
export function CandidateInputs(props: {
  draft: CandidateDraft;
  onDraft: (d: CandidateDraft) => void;
  errors: Record<string, string | undefined>;
}) {
  const d = props.draft;
  const set = <K extends keyof CandidateDraft>(k: K, v: CandidateDraft[K]) => props.onDraft({ ...d, [k]: v });
  const text = (key: 'name' | 'occupation' | 'unionName' | 'buddyMp', label: string) => (
    <Field label={label} error={withLabel(label, props.errors[key])}>
      {(a) => <input {...a} type="text" value={d[key]} onChange={(e) => set(key, e.target.value)} />}
    </Field>
  );
  return (
    <>
      {text('name', 'Name')}
      {text('occupation', 'Occupation')}
      <fieldset className="fieldset selection-sensitive">
        <legend className="field__label">About the applicant</legend>
        <p className="selection-sensitive__note">
          <span aria-hidden="true">🔒 </span>
          {SENSITIVE_NOTE}
        </p>
        <Field label="Gender">
          {(a) => (
            <select {...a} value={d.gender} onChange={(e) => set('gender', e.target.value as TGender | '')}>
              <option value="">Not recorded</option>
              {GENDERS.map((g) => (
                <option key={g} value={g}>
                  {GENDER_LABELS[g]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {CANDIDATE_FLAGS.map(([key, label]) => (
          <FlagSelect key={key} label={label} value={d[key]} onChange={(v) => set(key, v)} />
        ))}
        {text('unionName', 'Union')}
        {text('buddyMp', 'Buddy MP')}
      </fieldset>
    </>
  );
}

/** How far the applicant went, and where they live relative to this selection's seat or ward. */
export function CandidacyInputs(props: {
  draft: CandidacyDraft;
  onDraft: (d: CandidacyDraft) => void;
  errors: Record<string, string | undefined>;
}) {
  const c = props.draft;
  const set = <K extends keyof CandidacyDraft>(k: K, v: CandidacyDraft[K]) => props.onDraft({ ...c, [k]: v });
  return (
    <>
      <Field label="Stage reached" error={withLabel('Stage', props.errors.stage)}>
        {(a) => (
          <select {...a} value={c.stage} onChange={(e) => set('stage', e.target.value as TCandidacyStage)}>
            {CANDIDACY_STAGES.map((st) => (
              <option key={st} value={st}>
                {CANDIDACY_STAGE_LABELS[st]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {c.stage === 'withdrawn' && (
        <Field label="Last stage reached before withdrawing" error={props.errors.withdrawnAfter}>
          {(a) => (
            <select
              {...a}
              value={c.withdrawnAfter}
              onChange={(e) => set('withdrawnAfter', e.target.value as TReachedStage | '')}
            >
              <option value="">Choose…</option>
              {REACHED_STAGES.map((st) => (
                <option key={st} value={st}>
                  {CANDIDACY_STAGE_LABELS[st]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <FlagSelect label="Lives locally" value={c.livesLocally} onChange={(v) => set('livesLocally', v)} />
      <Field label="Years living locally" error={props.errors.yearsLocal}>
        {(a) => (
          <input
            {...a}
            type="text"
            inputMode="numeric"
            value={c.yearsLocal}
            onChange={(e) => set('yearsLocal', e.target.value)}
          />
        )}
      </Field>
      <Field label="Local connection" error={withLabel('Local connection', props.errors.localConnection)}>
        {(a) => (
          <textarea
            {...a}
            rows={2}
            value={c.localConnection}
            onChange={(e) => set('localConnection', e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
