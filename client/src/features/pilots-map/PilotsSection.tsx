import { PILOT_STATUS_LABELS } from '@groundwork/server/contracts';
import { errorMessage } from '../../api/ApiError.ts';
import { useSession } from '../auth/api.ts';
import type { SeatSectionProps } from '../seat-map/measure.ts';
import { useSeatViewer } from '../seats/api.ts';
import { useSeatPilots } from './api.ts';
import './pilotsMap.css';

/**
 * The seat card's pilots: those of the seat's CLP the caller may read, each linking to its page. Shown
 * only to those the seat's detail carries the pilot layer for (signed in); nothing for anyone else, so the
 * card of a signed-out visitor is not cluttered with a section they cannot use.
 */
export function PilotsSection({ seat }: SeatSectionProps) {
  const viewer = useSeatViewer();
  const session = useSession();
  // The detail says so once it carries the layer; the session says so while it may not yet.
  const allowed = seat.layers.pilot !== undefined || !!session.data;
  const pilots = useSeatPilots(viewer, seat.code, allowed);
  if (!allowed) return null;

  return (
    <section className="card-section seat-pilots" aria-label="Pilots">
      <h3 className="card-section__title">Pilots</h3>
      {pilots.isPending ? (
        <p role="status">Loading pilots…</p>
      ) : pilots.isError ? (
        <p role="alert">The pilots could not be loaded: {errorMessage(pilots.error)}</p>
      ) : pilots.data.items.length === 0 ? (
        <p className="seat-pilots__empty">No pilot here yet.</p>
      ) : (
        <ul className="seat-pilots__list">
          {pilots.data.items.map((p) => (
            <li key={p.id} className="seat-pilots__item" data-pilot={p.id}>
              <a href={`/pilots/${p.id}`}>{p.title}</a>
              <span className="seat-pilots__status" data-status={p.status}>
                {PILOT_STATUS_LABELS[p.status]}
              </span>
            </li>
          ))}
        </ul>
      )}
      {pilots.data && pilots.data.total > pilots.data.items.length && (
        <p>
          <a href={`/pilots?clp=${pilots.data.items[0]?.clp.id ?? ''}`}>
            All {pilots.data.total} pilots of this CLP
          </a>
        </p>
      )}
    </section>
  );
}
