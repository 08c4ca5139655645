import { latLngBounds, point, type LeafletEventHandlerFn } from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { unionBounds, type BoundsTuple, type SeatPlace } from '../geometry.ts';
import { HOME_PADDING } from '../mapOptions.ts';

/** A request to move the map: to one seat (search, shared link) or to the seats matching new filters. */

export type FocusRequest = { nonce: number } & ({ kind: 'seat'; code: string } | { kind: 'matches' });

interface MapFocusProps {
  focus: FocusRequest | null;
  places: ReadonlyMap<string, SeatPlace>;
  /** Codes matching the current filters once their list has loaded; undefined while it loads. */
  matches: readonly string[] | undefined;
  /** Where the map goes when first shown or given new coordinates; keep it referentially stable. */
  home: BoundsTuple;
  /** Closest zoom a focus on one seat goes to; tiny urban seats would otherwise fill the map. */
  seatZoomCap: number;
}

/**
 * Moves the map when asked. Once a move to a seat has ended it marks the container with that seat's code,
 * which the browser tests (and anything else) can wait for.
 */
export function MapFocus({ focus, places, matches, home, seatZoomCap }: MapFocusProps) {
  const map = useMap();
  const handled = useRef<number | null>(null);
  const pendingMark = useRef<LeafletEventHandlerFn | null>(null);

  // The map opened on `home` (MapContainer's bounds). Fitting the same bounds again is not free: Leaflet
  // ends the zero-length move with a full redraw of every seat, on the first paint's critical path.
  const shownHome = useRef(home);
  useEffect(() => {
    if (shownHome.current === home) return;
    shownHome.current = home;
    map.fitBounds(home, { ...HOME_PADDING, animate: false });
  }, [map, home]);

  useEffect(() => {
    if (!focus || handled.current === focus.nonce) return;
    const container = map.getContainer();
    if (focus.kind === 'matches') {
      if (!matches) return; // wait for the filtered list
      handled.current = focus.nonce;
      const found = matches.map((c) => places.get(c)?.bounds).filter((b): b is BoundsTuple => !!b);
      if (found.length > 0) map.fitBounds(unionBounds(found), { padding: [24, 24] });
      return;
    }
    const place = places.get(focus.code);
    if (!place) return; // geometry for this boundary set not here yet
    handled.current = focus.nonce;
    const go = () => {
      if (pendingMark.current) map.off('moveend', pendingMark.current);
      delete container.dataset.focusedSeat;
      const mark = () => {
        pendingMark.current = null;
        container.dataset.focusedSeat = focus.code;
      };
      pendingMark.current = mark;
      map.once('moveend', mark);
      const fit = map.getBoundsZoom(latLngBounds(place.bounds), false, point(48, 48));
      // A little wider than the seat itself, so its neighbours give it context.
      map.setView(place.label, Math.min(fit - 2, seatZoomCap), { animate: true });
    };
    // Leaflet drops a new view asked for while a zoom animation runs (Back pressed straight after a search
    // left the map on the previous seat): wait for the running one to end.
    if ((map as unknown as { _animatingZoom?: boolean })._animatingZoom) map.once('zoomend', go);
    else go();
  }, [map, focus, places, matches, seatZoomCap]);

  return null;
}
