import type { TPilot } from '@groundwork/server/contracts';
import { useState, type FormEvent } from 'react';
import { Field } from '../../ui/Field.tsx';
import { conflictPilot, useUpdatePilot } from './api.ts';
import { isEnded, withLabel } from './format.ts';
import { serverErrors, updateFrom } from './formValues.ts';
import { evidenceLinks } from './words.ts';
import { FormActions } from '../../ui/FormActions.tsx';

/** What was won or lost, the evidence and the lessons: offered first once the pilot has ended. */
export function OutcomeSection(props: { pilot: TPilot }) {
  const p = props.pilot;
  const [editing, setEditing] = useState(false);
  const ended = isEnded(p.status);
  const empty = !p.outcome && !p.lessons && p.evidenceLinks.length === 0;
  return (
    <section
      className={`pilot-section${ended && empty ? ' pilot-section--prompt' : ''}`}
      aria-labelledby="pilot-outcome"
    >
      <h3 id="pilot-outcome">Outcome and lessons</h3>
      {editing ? (
        <OutcomeForm pilot={p} onDone={() => setEditing(false)} />
      ) : (
        <>
          {empty ? (
            <p className="muted">
              {ended
                ? 'This pilot has ended: record what was won or lost and what you learned.'
                : 'Recorded when the pilot ends.'}
            </p>
          ) : (
            <dl className="pilot-outcome">
              <dt>What was won or lost</dt>
              <dd>{p.outcome || '—'}</dd>
              <dt>Evidence</dt>
              <dd>
                {p.evidenceLinks.length === 0 ? (
                  '—'
                ) : (
                  <ul>
                    {p.evidenceLinks.map((l) => (
                      <li key={l}>
                        <a href={l} rel="noopener noreferrer nofollow" target="_blank">
                          {l}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              <dt>Lessons</dt>
              <dd>{p.lessons || '—'}</dd>
            </dl>
          )}
          {p.can.edit && (
            <button
              type="button"
              className={ended && empty ? 'button' : 'button button--secondary'}
              onClick={() => setEditing(true)}
            >
              {empty ? 'Record the outcome' : 'Edit the outcome'}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function OutcomeForm(props: { pilot: TPilot; onDone: () => void }) {
  const save = useUpdatePilot(props.pilot.id);
  const [outcome, setOutcome] = useState(props.pilot.outcome);
  const [links, setLinks] = useState(props.pilot.evidenceLinks.join('\n'));
  const [lessons, setLessons] = useState(props.pilot.lessons);
  const [linkError, setLinkError] = useState<string | undefined>();
  const conflict = conflictPilot(save.error);
  const errors = serverErrors(save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { links: list, problem } = evidenceLinks(links);
    setLinkError(problem);
    if (problem) return;
    // After a conflict, the outcome goes on top of the other person's version, so nothing of theirs is lost.
    const base = conflict ?? props.pilot;
    save.mutate(updateFrom(base, { outcome: outcome.trim(), evidenceLinks: list, lessons: lessons.trim() }), {
      onSuccess: props.onDone,
    });
  };

  return (
    <form className="form" aria-label="Outcome and lessons" onSubmit={submit} noValidate>
      {conflict && (
        <p className="form__error" role="alert">
          Someone else changed this pilot while you were writing. Your text is kept: save again to add it to
          their version.
        </p>
      )}
      <Field label="What was won or lost" error={withLabel('The outcome', errors.outcome)}>
        {(a) => <textarea {...a} rows={4} value={outcome} onChange={(e) => setOutcome(e.target.value)} />}
      </Field>
      <Field
        label="Evidence links"
        hint="One web link per line: a news story, a council decision, photos."
        error={linkError ?? withLabel('Evidence links', errors.evidenceLinks)}
      >
        {(a) => (
          <textarea
            {...a}
            rows={3}
            value={links}
            inputMode="url"
            onChange={(e) => setLinks(e.target.value)}
          />
        )}
      </Field>
      <Field label="Lessons learned" error={withLabel('Lessons', errors.lessons)}>
        {(a) => <textarea {...a} rows={4} value={lessons} onChange={(e) => setLessons(e.target.value)} />}
      </Field>
      {errors.form && !conflict && (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      )}
      <FormActions submit="Save outcome" busyLabel="Saving…" busy={save.isPending} onCancel={props.onDone} />
    </form>
  );
}
