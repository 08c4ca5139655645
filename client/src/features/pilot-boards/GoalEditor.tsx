import { useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { Field } from '../../ui/Field.tsx';
import { fieldErrors } from '../auth/api.ts';
import { useSetPilotGoal } from './api.ts';

const RULE = 'Enter a whole number of pilots from 1 to 50.';

/** The same rule as the server's, in words, before anything is sent; undefined when it passes. */
export function goalProblem(text: string): string | undefined {
  if (!/^\d+$/.test(text.trim())) return RULE;
  const n = Number(text.trim());
  return n >= 1 && n <= 50 ? undefined : RULE;
}

/** Admins only: how many pilots every region aims for. */
export function GoalEditor({ goal }: { goal: number }) {
  const save = useSetPilotGoal();
  const [text, setText] = useState(String(goal));
  const [problem, setProblem] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const serverError = fieldErrors(save.error).perRegion;
  const error = problem ?? (serverError ? `The goal ${serverError}.` : undefined);
  const other = save.error && !serverError ? errorMessage(save.error) : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const why = goalProblem(text);
    setProblem(why);
    if (why) {
      input.current?.focus();
      return;
    }
    save.mutate(
      { perRegion: Number(text.trim()) },
      {
        onSuccess: () => setSaved(true),
        onError: () => input.current?.focus(),
      },
    );
  };

  return (
    <form className="goal-editor" aria-label="Pilot goal" onSubmit={submit} noValidate>
      <Field label="Pilots per region (goal)" error={error}>
        {(a) => (
          <input
            {...a}
            ref={input}
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            size={4}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setSaved(false);
            }}
          />
        )}
      </Field>
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save goal'}
      </button>
      <p className="goal-editor__status" role="status">
        {saved && save.data ? `Saved: ${save.data.perRegion} pilots per region.` : ''}
      </p>
      {other && (
        <p className="state state--error" role="alert">
          The goal was not saved: {other}
        </p>
      )}
    </form>
  );
}
