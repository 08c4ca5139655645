import { lazy, Suspense } from 'react';
import { useSession } from '../../auth/api.ts';
import { PILOT_MEASURE_IDS } from '../../pilots-map/pilotMeasures.tsx';

// The markers and their clustering library are a chunk of their own, fetched the first time they are shown.
const PilotClusterLayer = lazy(() => import('../../pilots-map/PilotClusterLayer.tsx'));

/**
 * The pilots' locations, on the boundaries map only (the hex cartogram has no places), while a pilot
 * measure is chosen and someone is signed in (pilots are never public). SeatMap renders it once the seats
 * are drawn, so nothing of it competes with the first picture.
 */
export function PilotMarkers({ measure, view }: { measure: string; view: 'geo' | 'hex' }) {
  const session = useSession();
  if (view !== 'geo' || !session.data || !PILOT_MEASURE_IDS.includes(measure)) return null;
  return (
    <Suspense fallback={null}>
      <PilotClusterLayer />
    </Suspense>
  );
}
