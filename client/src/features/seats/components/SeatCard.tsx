import type { TBoundarySet, TElectionCode, TSeatDetail, TSeatResult } from '@groundwork/server/contracts';
import type { ComponentType } from 'react';
import { errorMessage } from '../../../api/ApiError.ts';
import type { SeatSectionProps } from '../../seat-map/measure.ts';
import { useSeatDetail } from '../api.ts';
import { fmtDecile, fmtInt, fmtPct, fmtSwing } from '../format.ts';
import { CopyLink } from './CopyLink.tsx';
import { RelatedSeats } from './RelatedSeats.tsx';
import { ResultBars } from './ResultBars.tsx';

interface SeatCardProps {
  boundarySet: TBoundarySet;
  code: string;
  election: TElectionCode;
  partyName: (code: string) => string;
  /** Who the detail is fetched for (seats/api.ts useSeatViewer). */
  viewer: string;
  /** The measures' sections for seats on these boundaries (e.g. the target), after the figures. */
  sections: readonly { id: string; Section: ComponentType<SeatSectionProps> }[];
  onClose: () => void;
  onOpenRelated: (seat: TSeatDetail['predecessors'][number]) => void;
}

function headline(r: TSeatResult, partyName: (code: string) => string): string {
  return r.resultText ?? `${partyName(r.winner)} ${r.changedHands ? 'gain' : 'hold'}`;
}

/** Everything about one seat a regional organiser asks first, on the election chosen for the map. */
export function SeatCard(props: SeatCardProps) {
  const { boundarySet, code, election, partyName, viewer, sections, onClose, onOpenRelated } = props;
  const detail = useSeatDetail(boundarySet, code, viewer);

  if (detail.isPending) {
    return (
      <div className="seat-card seat-card--loading" aria-busy="true">
        <p>Loading seat…</p>
      </div>
    );
  }
  if (detail.isError) {
    return (
      <div className="seat-card" role="alert">
        <p>{errorMessage(detail.error)}</p>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }

  const seat = detail.data;
  const chosen = seat.results.find((r) => r.election === election);
  const others = seat.results.filter((r) => r.election !== election);

  return (
    <article className="seat-card" aria-labelledby="seat-card-title" data-seat={seat.code}>
      <header className="seat-card__header">
        <div>
          <h2 id="seat-card-title" className="seat-card__title">
            {seat.name}
          </h2>
          <p className="seat-card__where">
            {seat.region.name} · {seat.nation.name} · {seat.code}
          </p>
          {seat.redWall && <span className="badge badge--redwall">Red wall</span>}
        </div>
        <button type="button" className="icon-button" aria-label="Close seat card" onClick={onClose}>
          ×
        </button>
      </header>

      <dl className="figures">
        <div>
          <dt>Result ({chosen?.electionName ?? election})</dt>
          <dd>{chosen ? headline(chosen, partyName) : 'No result on these boundaries'}</dd>
        </div>
        <div>
          <dt>Majority</dt>
          <dd>{chosen ? `${fmtInt(chosen.majority)} votes (${fmtPct(chosen.majorityPct)})` : '–'}</dd>
        </div>
        <div>
          <dt>Swing needed by Labour</dt>
          <dd>{fmtSwing(chosen)}</dd>
        </div>
        <div>
          <dt>Turnout</dt>
          <dd>{fmtPct(chosen?.turnoutPct)}</dd>
        </div>
        <div>
          <dt>Leave, 2016 (Hanretty estimate)</dt>
          <dd>{fmtPct(seat.leavePct)}</dd>
        </div>
        <div>
          <dt>Deprivation decile</dt>
          <dd>{fmtDecile(seat.deprivationDecile)}</dd>
        </div>
      </dl>

      {sections.map(({ id, Section }) => (
        <Section key={id} seat={seat} />
      ))}

      {chosen && (
        <section className="card-section">
          <h3 className="card-section__title">{chosen.electionName}</h3>
          <ResultBars result={chosen} />
        </section>
      )}
      {others.map((r) => (
        <details key={r.election} className="card-section card-section--collapsible">
          <summary>
            {r.electionName}: {headline(r, partyName)}, majority {fmtInt(r.majority)}
          </summary>
          <ResultBars result={r} />
        </details>
      ))}

      <RelatedSeats seat={seat} onOpen={onOpenRelated} />
      <CopyLink />
    </article>
  );
}
