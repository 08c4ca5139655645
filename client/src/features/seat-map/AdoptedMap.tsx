import { createLeafletContext, LeafletContext } from '@react-leaflet/core';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { FirstMap } from './firstMap.ts';

/**
 * The first map (firstMap.ts), taken over by the app: its container moves into the app's map frame before
 * the browser paints (the app's first render replaced the page shell it was in), and the overlays reach
 * the map through the same context MapContainer gives them. Removed with the map when unmounted, as
 * MapContainer does.
 */
export function AdoptedMap({ first, children }: { first: FirstMap; children: ReactNode }) {
  const host = useRef<HTMLDivElement>(null);
  const [context] = useState(() => createLeafletContext(first.map));
  useLayoutEffect(() => {
    host.current?.append(first.container);
    // Same size as in the shell, unless the page around it was laid out otherwise: then keep the centre.
    first.map.invalidateSize(false);
  }, [first]);
  useEffect(() => () => void first.map.remove(), [first]);
  return (
    <div ref={host} className="seat-map__host">
      {createPortal(<LeafletContext value={context}>{children}</LeafletContext>, first.container)}
    </div>
  );
}
