import type { TCandidacy, TSelection } from '@groundwork/server/contracts';
import { useState, type FormEvent } from 'react';
import { FormActions } from '../../ui/FormActions.tsx';
import { fieldErrors } from '../auth/api.ts';
import { useSetBallot } from './api.ts';
import { WriteProblem } from './WriteProblem.tsx';
import { wholeNumber } from './words.ts';

interface RoundDraft {
  exhausted: string;
  votes: Record<number, string>;
}

const draftOf = (s: TSelection): RoundDraft[] =>
  s.ballot.map((r) => ({
    exhausted: String(r.exhausted),
    votes: Object.fromEntries(r.votes.map((v) => [v.candidacyId, String(v.votes)])),
  }));

/**
 * Officers: the rounds as a table (a column per round; a blank cell means the candidate was out by
 * then). The server's 422 names cells by their place in the request, mapped back here to the cell.
 */
export function BallotForm(props: { selection: TSelection; candidates: TCandidacy[]; onDone: () => void }) {
  const s = props.selection;
  const save = useSetBallot(s.id);
  const [rounds, setRounds] = useState<RoundDraft[]>(() =>
    s.ballot.length > 0 ? draftOf(s) : [{ exhausted: '0', votes: {} }],
  );
  const [sent, setSent] = useState<number[][]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrors(save.error);

  // Keys of messages: 'r.i.c.<candidacyId>' for a vote cell, 'r.i.exhausted', 'r.i' for the round.
  const errors: Record<string, string> = { ...local };
  for (const [field, message] of Object.entries(server)) {
    const m = /^rounds\.(\d+)(?:\.(votes|exhausted|round))?(?:\.(\d+)\.(?:votes|candidacyId))?$/.exec(field);
    if (!m) continue;
    const i = Number(m[1]);
    if (m[3] !== undefined) {
      const id = sent[i]?.[Number(m[3])];
      errors[id === undefined ? `r.${i}` : `r.${i}.c.${id}`] ??= message;
    } else errors[m[2] === 'exhausted' ? `r.${i}.exhausted` : `r.${i}`] ??= message;
  }
  const messages = Object.entries(errors);
  const errId = (key: string) => `ballot-${s.id}-${key.replace(/\./g, '-')}`;
  const cell = (key: string) => ({
    'aria-invalid': errors[key] ? (true as const) : undefined,
    'aria-describedby': errors[key] ? errId(key) : undefined,
  });
  const where = (key: string) => {
    const [, i, , id] = key.split('.');
    const round = `Round ${Number(i) + 1}`;
    if (key.endsWith('exhausted')) return `${round}, exhausted`;
    const c = props.candidates.find((x) => String(x.id) === id);
    return c ? `${round}, ${c.label}` : round;
  };

  const setVote = (i: number, id: number, v: string) =>
    setRounds((rs) => rs.map((r, j) => (j === i ? { ...r, votes: { ...r.votes, [id]: v } } : r)));
  const setExhausted = (i: number, v: string) =>
    setRounds((rs) => rs.map((r, j) => (j === i ? { ...r, exhausted: v } : r)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const order: number[][] = [];
    const body = rounds.map((r, i) => {
      const votes = props.candidates.flatMap((c) => {
        const n = wholeNumber(r.votes[c.id] ?? '');
        if (n === undefined) return [];
        if (Number.isNaN(n))
          problems[`r.${i}.c.${c.id}`] = 'Enter a whole number of votes, or leave it blank';
        return [{ candidacyId: c.id, votes: Number.isNaN(n) ? 0 : n }];
      });
      order.push(votes.map((v) => v.candidacyId));
      const ex = wholeNumber(r.exhausted) ?? 0;
      if (Number.isNaN(ex)) problems[`r.${i}.exhausted`] = 'Enter a whole number of ballots';
      return { round: i + 1, exhausted: Number.isNaN(ex) ? 0 : ex, votes };
    });
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    setSent(order);
    save.mutate({ version: s.version, rounds: body }, { onSuccess: props.onDone });
  };

  return (
    <form className="form selection-form" aria-label="Ballot rounds" onSubmit={submit} noValidate>
      <p className="muted">Leave a candidate’s cell blank from the round after they were eliminated.</p>
      <WriteProblem error={save.error} what="this selection" fieldsShown={messages.length > 0} />
      <div className="table-scroll">
        <table className="seat-table ballot-table">
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              {rounds.map((_, i) => (
                <th key={i} scope="col">
                  Round {i + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.candidates.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.label}</th>
                {rounds.map((r, i) => (
                  <td key={i}>
                    <input
                      type="text"
                      inputMode="numeric"
                      className="ballot-table__input"
                      aria-label={`Round ${i + 1} votes for ${c.label}`}
                      value={r.votes[c.id] ?? ''}
                      onChange={(e) => setVote(i, c.id, e.target.value)}
                      {...cell(`r.${i}.c.${c.id}`)}
                    />
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Exhausted</th>
              {rounds.map((r, i) => (
                <td key={i}>
                  <input
                    type="text"
                    inputMode="numeric"
                    className="ballot-table__input"
                    aria-label={`Round ${i + 1} exhausted ballots`}
                    value={r.exhausted}
                    onChange={(e) => setExhausted(i, e.target.value)}
                    {...cell(`r.${i}.exhausted`)}
                  />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {messages.length > 0 && (
        <ul className="ballot-problems" role="alert">
          {messages.map(([key, message]) => (
            <li key={key} id={errId(key)} className="field__error">
              {where(key)}: {message}
            </li>
          ))}
        </ul>
      )}
      <div className="ballot-rounds">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setRounds((rs) => [...rs, { exhausted: rs.at(-1)?.exhausted ?? '0', votes: {} }])}
        >
          Add a round
        </button>
        {rounds.length > 1 && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setRounds((rs) => rs.slice(0, -1))}
          >
            Remove the last round
          </button>
        )}
      </div>
      <FormActions submit="Save ballot" busyLabel="Saving…" busy={save.isPending} onCancel={props.onDone} />
    </form>
  );
}
