import type { TCandidacy, TSelection } from '@groundwork/server/contracts';
import { useState } from 'react';
import { BallotForm } from './BallotForm.tsx';

const ON_BALLOT = ['shortlisted', 'selected'];

/** The shortlist is the ballot paper: those shortlisted or selected, and any who withdrew after it. */
export function ballotCandidates(s: TSelection): TCandidacy[] {
  return s.candidacies.filter(
    (c) => ON_BALLOT.includes(c.stage) || (c.withdrawnAfter !== null && ON_BALLOT.includes(c.withdrawnAfter)),
  );
}

/** The members' ballot round by round; officers enter it. */
export function BallotSection(props: { selection: TSelection }) {
  const s = props.selection;
  const [editing, setEditing] = useState(false);
  const label = (id: number) => s.candidacies.find((c) => c.id === id)?.label ?? `Candidacy ${id}`;
  const ids = [...new Set(s.ballot.flatMap((r) => r.votes.map((v) => v.candidacyId)))];
  return (
    <section className="selection-panel" aria-labelledby="selection-ballot">
      <h3 id="selection-ballot">Members’ ballot</h3>
      {s.ballot.length === 0 ? (
        <p className="muted">No ballot rounds recorded.</p>
      ) : (
        <div className="table-scroll">
          <table className="seat-table ballot-table">
            <caption className="visually-hidden">Votes per candidate in each round</caption>
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                {s.ballot.map((r) => (
                  <th key={r.round} scope="col" className="num">
                    Round {r.round}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ids.map((id) => (
                <tr key={id}>
                  <th scope="row">{label(id)}</th>
                  {s.ballot.map((r) => {
                    const v = r.votes.find((x) => x.candidacyId === id);
                    return (
                      <td key={r.round} className="num">
                        {v ? v.votes.toLocaleString('en-GB') : 'Out'}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">Exhausted</th>
                {s.ballot.map((r) => (
                  <td key={r.round} className="num">
                    {r.exhausted.toLocaleString('en-GB')}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {s.canEdit &&
        (editing ? (
          <BallotForm selection={s} candidates={ballotCandidates(s)} onDone={() => setEditing(false)} />
        ) : (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Enter the ballot rounds
          </button>
        ))}
    </section>
  );
}
