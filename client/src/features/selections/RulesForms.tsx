import { RULE_KEYS, RULE_LABELS, type TRuleKey, type TSelection } from '@groundwork/server/contracts';
import { useState, type FormEvent } from 'react';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { fieldErrors } from '../auth/api.ts';
import { withLabel } from '../pilots/format.ts';
import { useUpdateSelection } from './api.ts';
import { ruleValueWords } from './words.ts';
import { WriteProblem } from './WriteProblem.tsx';

/** Officers: record (or withdraw) that the shortlist or candidate was imposed, naming the source. */
export function ImpositionForm(props: { selection: TSelection }) {
  const s = props.selection;
  const save = useUpdateSelection(s.id);
  const [imposed, setImposed] = useState(s.imposed);
  const [source, setSource] = useState(s.imposedSource ?? '');
  const server = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ version: s.version, imposed, imposedSource: imposed ? source.trim() || null : null });
  };
  return (
    <form className="form selection-form" aria-label="Imposition" onSubmit={submit} noValidate>
      <h3>Imposition</h3>
      <WriteProblem error={save.error} what="this selection" fieldsShown={!!server.imposedSource} />
      <label className="selection-form__check">
        <input type="checkbox" checked={imposed} onChange={(e) => setImposed(e.target.checked)} />
        The shortlist or candidate was imposed without local input
      </label>
      {imposed && (
        <Field
          label="Source"
          hint="A link or document that shows the imposition"
          error={withLabel('Source', server.imposedSource)}
        >
          {(a) => <input {...a} type="text" value={source} onChange={(e) => setSource(e.target.value)} />}
        </Field>
      )}
      <FormActions submit="Save imposition" busyLabel="Saving…" busy={save.isPending} />
    </form>
  );
}

/** Numeric rules take a count or percentage; the others are on or off. */
const NUMERIC: readonly TRuleKey[] = ['longlistSize', 'localShare', 'workingClassShare'];

/** Officers: override one national rule for this selection, with the reason members will read. */
export function RuleOverrideForm(props: { selection: TSelection }) {
  const s = props.selection;
  const save = useUpdateSelection(s.id);
  const [rule, setRule] = useState<TRuleKey>('localShare');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const server = fieldErrors(save.error);
  const numeric = NUMERIC.includes(rule);
  const serverFor = (suffix: string) =>
    Object.entries(server).find(([k]) => k === `ruleOverrides.${rule}.${suffix}`)?.[1];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = numeric ? (/^\d+$/.test(value.trim()) ? Number(value) : undefined) : value === 'on';
    if (parsed === undefined || (!numeric && value === '')) {
      setProblem(numeric ? 'Enter a whole number' : 'Choose on or off');
      return;
    }
    setProblem(undefined);
    save.mutate(
      { version: s.version, ruleOverrides: { [rule]: { value: parsed, reason } } },
      {
        onSuccess: () => {
          setValue('');
          setReason('');
        },
      },
    );
  };
  const remove = (key: string) =>
    save.mutate({ version: s.version, ruleOverrides: { [key as TRuleKey]: null } });
  const overrides = Object.entries(s.ruleOverrides);

  return (
    <form className="form selection-form" aria-label="Override a rule" onSubmit={submit} noValidate>
      <h3>Override a rule</h3>
      <WriteProblem
        error={save.error}
        what="this selection"
        fieldsShown={!!serverFor('value') || !!serverFor('reason')}
      />
      {overrides.length > 0 && (
        <ul className="selection-overrides">
          {overrides.map(([key, o]) => (
            <li key={key}>
              {RULE_LABELS[key as TRuleKey] ?? key}: {ruleValueWords(key, o.value)} — “{o.reason}”{' '}
              <button type="button" className="link-button" onClick={() => remove(key)}>
                Go back to the national rule
              </button>
            </li>
          ))}
        </ul>
      )}
      <Field label="Rule">
        {(a) => (
          <select
            {...a}
            value={rule}
            onChange={(e) => {
              setRule(e.target.value as TRuleKey);
              setValue('');
            }}
          >
            {RULE_KEYS.map((k) => (
              <option key={k} value={k}>
                {RULE_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={numeric ? (rule === 'longlistSize' ? 'At least (people)' : 'Share needed (%)') : 'Applied'}
        hint={`In force now: ${ruleValueWords(rule, s.rules[rule])}`}
        error={problem ?? withLabel('The value', serverFor('value'))}
      >
        {(a) =>
          numeric ? (
            <input
              {...a}
              type="text"
              inputMode="numeric"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          ) : (
            <select {...a} value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">Choose…</option>
              <option value="on">On</option>
              <option value="off">Off</option>
            </select>
          )
        }
      </Field>
      <Field
        label="Reason"
        hint="Members read this beside the rule"
        error={withLabel('Reason', serverFor('reason'))}
      >
        {(a) => <textarea {...a} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormActions submit="Save override" busyLabel="Saving…" busy={save.isPending} />
    </form>
  );
}
