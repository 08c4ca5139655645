import { MAJORITY_BAND_LABELS, type TVoteEffect } from '@groundwork/server/contracts';
import { errorMessage } from '../../api/ApiError.ts';
import { fmtDay } from '../pilots/format.ts';
import { useVoteEffect } from './api.ts';

type Election = TVoteEffect['elections'][number];

/** Points with a sign and one decimal ("+1.2", "−0.4"); a dash when there is nothing to say. */
export function fmtPoints(v: number | null): string {
  if (v === null) return '–';
  const s = Math.abs(v).toFixed(1);
  if (s === '0.0') return '0.0';
  return `${v < 0 ? '−' : '+'}${s}`;
}

function overallText(o: Election['overall']): string {
  const seats = `${o.withPilots} ${o.withPilots === 1 ? 'seat' : 'seats'} with pilots against ${o.without} without`;
  if (o.difference === null) {
    return `No overall difference can be worked out: no region and band has seats both with and without pilots (${seats}).`;
  }
  const spread = o.spread === null ? 'spread not known' : `spread ±${o.spread.toFixed(1)} points`;
  const left =
    o.strataLeftOut > 0
      ? `; ${o.strataLeftOut} ${o.strataLeftOut === 1 ? 'group' : 'groups'} with seats on one side only left out`
      : '';
  return `Overall difference: ${fmtPoints(o.difference)} points (${spread}; ${seats}; ${o.strataUsed} region-and-band ${o.strataUsed === 1 ? 'group' : 'groups'} compared${left}).`;
}

function ElectionTable({ e }: { e: Election }) {
  return (
    <section className="vote-effect__election" aria-labelledby={`ve-${e.election.code}`}>
      <h4 id={`ve-${e.election.code}`}>
        {e.election.name} ({fmtDay(e.election.polledOn)}), against {e.previous.name}
      </h4>
      <p className="vote-effect__overall" data-testid="vote-overall">
        {overallText(e.overall)}
      </p>
      <div className="table-scroll">
        <table className="seat-table board__table pilot-board__table">
          <caption>Change in Labour&apos;s share, in points, by region and band</caption>
          <thead>
            <tr>
              <th scope="col">Region</th>
              <th scope="col">Majority band</th>
              <th scope="col" className="num">
                Seats with pilots
              </th>
              <th scope="col" className="num">
                Mean change with pilots
              </th>
              <th scope="col" className="num">
                Seats without
              </th>
              <th scope="col" className="num">
                Mean change without
              </th>
              <th scope="col" className="num">
                Difference
              </th>
            </tr>
          </thead>
          <tbody>
            {e.strata.map((s) => (
              <tr key={`${s.region.code}-${s.band}`}>
                <th scope="row">{s.region.name}</th>
                <td>{MAJORITY_BAND_LABELS[s.band]}</td>
                <td className="num">{s.withPilots.n}</td>
                <td className="num">{fmtPoints(s.withPilots.meanChange)}</td>
                <td className="num">{s.without.n}</td>
                <td className="num">{fmtPoints(s.without.meanChange)}</td>
                <td className="num">{fmtPoints(s.difference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * "What the pilots did to the vote": for each election loaded after the first pilot started, seats with
 * pilots against seats without in the same region and majority band, with the counts, the spread and
 * the caveats in full, so nobody reads more into it than it can show.
 */
export function VoteEffect() {
  const effect = useVoteEffect(true);
  return (
    <section className="pilot-board__section vote-effect" aria-labelledby="vote-effect-title">
      <h2 id="vote-effect-title">What the pilots did to the vote</h2>
      {effect.isPending ? (
        <p className="state" role="status">
          Loading the comparison…
        </p>
      ) : effect.isError ? (
        <p className="state state--error" role="alert">
          The comparison could not be loaded: {errorMessage(effect.error)}
        </p>
      ) : (
        <>
          {effect.data.elections.length === 0 ? (
            <p className="state" data-testid="vote-effect-empty">
              No general election has been loaded since the first pilot started, so there is nothing to
              compare yet.
            </p>
          ) : (
            effect.data.elections.map((e) => <ElectionTable key={e.election.code} e={e} />)
          )}
          {effect.data.caveats.length > 0 && (
            <div className="vote-effect__caveats">
              <h3>What this comparison can and cannot show</h3>
              {effect.data.caveats.map((c) => (
                <p key={c}>{c}</p>
              ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}
