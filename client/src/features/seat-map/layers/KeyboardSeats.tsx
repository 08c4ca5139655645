import { latLng, latLngBounds, type Map as LeafletMap, type Point } from 'leaflet';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import type { SeatFeature, SeatPlace } from '../geometry.ts';
import { KEYBOARD_OUTLINE } from '../seatStyle.ts';
import { nearestSeat, nextSeat, type Direction } from './seatNavigation.ts';
import { SeatOutline } from './SeatOutline.tsx';

interface KeyboardSeatsProps {
  places: ReadonlyMap<string, SeatPlace>;
  features: ReadonlyMap<string, SeatFeature>;
  selected: string | undefined;
  /** The map's accessible name, e.g. "Map of 650 seats, boundaries". */
  label: string;
  /** What is said when the keyboard reaches a seat: its name and value. */
  describe: (code: string) => string;
  onSelect: (code: string) => void;
}

// In pixels at zoom 0 (either view's CRS): x grows to the right, y downwards, as on the screen.
const DIRECTIONS: Record<string, Direction> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

const projected = new WeakMap<ReadonlyMap<string, SeatPlace>, Map<string, Point>>();

/**
 * The seats' label points in pixels at zoom 0, worked out on the first arrow key rather than while the map
 * draws. Each set of places belongs to one view, so to one CRS.
 */
function labelPoints(map: LeafletMap, places: ReadonlyMap<string, SeatPlace>): Map<string, Point> {
  let out = projected.get(places);
  if (!out) {
    out = new Map();
    for (const [code, p] of places) out.set(code, map.project(latLng(p.label), 0));
    projected.set(places, out);
  }
  return out;
}

/** A seat drawn smaller than this (its diagonal, in CSS pixels) is zoomed in on when the keyboard reaches it. */
const MIN_SEAT_PIXELS = 28;

/**
 * Choosing a seat without a mouse. The map container (focusable; the skip link lands on it) takes the
 * arrow keys to move between neighbouring seats, drawn with a dashed outline and announced by name, and
 * Enter or Space to open the seat. Shift+arrows still pan and +/− zoom (Leaflet's own keys).
 */
export function KeyboardSeats({ places, features, selected, label, describe, onSelect }: KeyboardSeatsProps) {
  const map = useMap();
  const hintId = useId();
  // The keyboard's seat belongs to the selection it started from: choosing a seat (by click or Enter)
  // moves it there.
  const [cursor, setCursor] = useState<{ code: string; from: string | undefined } | null>(null);
  const [focused, setFocused] = useState(() => document.activeElement === map.getContainer());
  const [said, setSaid] = useState('');
  const current = cursor && cursor.from === selected && places.has(cursor.code) ? cursor.code : undefined;

  const points = useCallback(() => labelPoints(map, places), [map, places]);

  const latest = useRef({ current, selected, points, places, describe, onSelect });
  useEffect(() => {
    latest.current = { current, selected, points, places, describe, onSelect };
  });

  useEffect(() => {
    const container = map.getContainer();
    container.setAttribute('role', 'application');
    container.setAttribute('aria-roledescription', 'map');
    container.setAttribute('aria-describedby', hintId);
    const show = (code: string) => {
      const { places: all, describe: say } = latest.current;
      setCursor({ code, from: latest.current.selected });
      setSaid(say(code));
      const place = all.get(code);
      if (!place) return;
      const bounds = latLngBounds(place.bounds);
      const size = map
        .latLngToContainerPoint(bounds.getNorthEast())
        .distanceTo(map.latLngToContainerPoint(bounds.getSouthWest()));
      if (size < MIN_SEAT_PIXELS) {
        // Too small to see its outline at this zoom (a city seat on the national view): zoom in on it.
        map.setView(place.label, Math.max(map.getZoom(), map.getBoundsZoom(bounds) - 3));
      } else if (!map.getBounds().pad(-0.15).contains(place.label)) {
        map.panTo(place.label);
      }
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.target !== container || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const { current: at, selected: chosen, onSelect: choose } = latest.current;
      const direction = DIRECTIONS[e.key];
      if (direction) {
        const pts = latest.current.points();
        // Stopped here, before Leaflet's document listener would pan the map instead.
        e.preventDefault();
        e.stopPropagation();
        const start = at ?? (chosen && pts.has(chosen) ? chosen : undefined);
        if (!start) {
          // The first arrow press lands on the seat in the middle of the view.
          const middle = nearestSeat(pts, map.project(map.getCenter(), 0));
          if (middle) show(middle);
          return;
        }
        const next = nextSeat(pts, start, direction);
        if (next) show(next);
        else setSaid(`No seat further that way. ${latest.current.describe(start)}`);
      } else if ((e.key === 'Enter' || e.key === ' ') && at) {
        e.preventDefault();
        e.stopPropagation();
        choose(at);
        setSaid(`Opened ${latest.current.places.get(at)?.name ?? at}`);
      }
    };
    const onFocus = () => setFocused(true);
    const onBlur = () => setFocused(false);
    container.addEventListener('keydown', onKeyDown);
    container.addEventListener('focus', onFocus);
    container.addEventListener('blur', onBlur);
    return () => {
      container.removeEventListener('keydown', onKeyDown);
      container.removeEventListener('focus', onFocus);
      container.removeEventListener('blur', onBlur);
    };
  }, [map, hintId]);

  useEffect(() => {
    map.getContainer().setAttribute('aria-label', label);
  }, [map, label]);

  useEffect(() => {
    const container = map.getContainer();
    if (current) container.dataset.keyboardSeat = current;
    else delete container.dataset.keyboardSeat;
  }, [map, current]);

  return (
    <>
      <p id={hintId} className="visually-hidden">
        Arrow keys move between seats; Enter opens the seat. Shift with an arrow pans the map; plus and minus
        zoom.
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="map-announcement">
        {said}
      </p>
      <SeatOutline
        feature={focused && current && current !== selected ? features.get(current) : undefined}
        style={KEYBOARD_OUTLINE}
        pane="seat-keyboard"
        zIndex={460}
      />
    </>
  );
}
