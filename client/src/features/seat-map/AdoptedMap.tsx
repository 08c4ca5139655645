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
    // The app's first render cleared the shell and the focus with it: the map (or its zoom button) gets
    // it back. Taken once, so a later remount does not steal the focus.
    const focused = first.takeFocus();
    if (focused && document.activeElement === document.body) focused.focus({ preventScroll: true });
    // Same size as in the shell, unless the page around it was laid out otherwise: then keep the centre.
    first.map.invalidateSize(false);
  }, [first]);
  useEffect(
    () => () => {
      // Removed only if it really left the page: StrictMode (development) unmounts and mounts again at once.
      setTimeout(() => {
        if (!first.container.isConnected) first.map.remove();
      }, 0);
    },
    [first],
  );
  return (
    <div ref={host} className="seat-map__host">
      {createPortal(<LeafletContext value={context}>{children}</LeafletContext>, first.container)}
    </div>
  );
}
