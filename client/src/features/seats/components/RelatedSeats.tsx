import type { TSeatDetail } from '@groundwork/server/contracts';
import { fmtShare } from '../format.ts';

type Related = TSeatDetail['predecessors'][number];

interface RelatedSeatsProps {
  seat: TSeatDetail;
  onOpen: (seat: Related) => void;
}

/**
 * Where this seat sits on the other boundaries. The shares are of the 2010-set seat's population, so the
 * sentence differs by direction.
 */
export function RelatedSeats({ seat, onOpen }: RelatedSeatsProps) {
  const old = seat.boundarySet === '2010';
  const related = old ? seat.successors : seat.predecessors;
  if (related.length === 0) return null;
  const sorted = [...related].sort((a, b) => b.popShare - a.popShare);
  return (
    <section className="card-section" aria-labelledby="related-title">
      <h3 id="related-title" className="card-section__title">
        {old ? 'On the 2024 boundaries' : 'Made from (2010–2023 seats)'}
      </h3>
      <ul className="related">
        {sorted.map((r) => (
          <li key={r.code} className="related__item">
            <button type="button" className="link-button" onClick={() => onOpen(r)}>
              {r.name}
            </button>
            {r.redWall && <span className="badge badge--redwall">Red wall</span>}
            <span className="related__share">
              {old
                ? `${fmtShare(r.popShare)} of this seat's people`
                : `${fmtShare(r.popShare)} of its people moved here`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
