import type { TSeatResult } from '@groundwork/server/contracts';
import { fmtInt, fmtPct } from '../format.ts';

/**
 * Votes per party as labelled bars on a 0–100% scale: the party name and numbers are text, the colour
 * only decorates.
 */
export function ResultBars({ result }: { result: TSeatResult }) {
  const votes = [...result.votes].sort((a, b) => b.votes - a.votes);
  return (
    <ul className="result-bars" aria-label={`${result.electionName} votes by party`}>
      {votes.map((v) => (
        <li key={v.party} className="result-bars__row">
          <span className="result-bars__party">
            {v.name}
            {v.party === result.winner && <span className="visually-hidden"> (winner)</span>}
          </span>
          <span className="result-bars__track" aria-hidden="true">
            <span
              className="result-bars__bar"
              style={{ width: `${Math.min(v.sharePct, 100)}%`, background: v.colour }}
            />
          </span>
          <span className="result-bars__value">
            {fmtPct(v.sharePct)} <span className="muted">· {fmtInt(v.votes)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
