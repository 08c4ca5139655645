import { canvas, polygon, type LatLngTuple } from 'leaflet';
import { useEffect, useMemo } from 'react';
import { useMap } from 'react-leaflet';
import { toLatLng, type SeatFeature } from '../geometry.ts';
import type { SeatOutlineStyle } from '../seatStyle.ts';

interface SeatOutlineProps {
  feature: SeatFeature | undefined;
  style: SeatOutlineStyle;
  /** A pane of its own (created on first use) stacked above the seats, `leaflet-<pane>-pane`. */
  pane: string;
  zIndex: number;
}

function ringsOf(feature: SeatFeature): LatLngTuple[][][] {
  const g = feature.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.map((rings) => rings.map((ring) => ring.map(toLatLng)));
}

/**
 * One seat's outline, halo then line, on a canvas of its own above the seats' canvas: raising a red-wall
 * neighbour (SeatLayer's bringToFront) can then never paint over it. It takes no pointer events, so
 * clicks and tooltips still reach the seats beneath. The container's `data-<pane>` names the seat drawn.
 */
export function SeatOutline({ feature, style, pane, zIndex }: SeatOutlineProps) {
  const map = useMap();
  const renderer = useMemo(() => {
    const el = map.getPane(pane) ?? map.createPane(pane);
    el.style.zIndex = String(zIndex);
    el.style.pointerEvents = 'none';
    return canvas({ pane });
  }, [map, pane, zIndex]);
  const rings = useMemo(() => (feature ? ringsOf(feature) : undefined), [feature]);

  useEffect(() => {
    if (!feature || !rings) return undefined;
    const stroke = (color: string, weight: number, dashArray?: string) =>
      polygon(rings, {
        renderer,
        interactive: false,
        fill: false,
        color,
        weight,
        opacity: 1,
        lineJoin: 'round',
        ...(dashArray ? { dashArray } : {}),
      }).addTo(map);
    const halo = stroke(style.halo, style.haloWeight);
    const line = stroke(style.line, style.lineWeight, style.dashArray);
    const container = map.getContainer();
    container.setAttribute(`data-${pane}`, feature.id);
    return () => {
      halo.remove();
      line.remove();
      container.removeAttribute(`data-${pane}`);
    };
  }, [map, renderer, feature, rings, style, pane]);

  return null;
}
