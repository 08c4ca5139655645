import type { Feature } from 'geojson';
import {
  geoJSON,
  type GeoJSON as LeafletGeoJSON,
  type Layer,
  type LeafletMouseEvent,
  type Path,
  type PathOptions,
} from 'leaflet';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useMap } from 'react-leaflet';
import type { SeatShapes } from '../geometry.ts';

interface SeatLayerProps {
  shapes: SeatShapes;
  styleOf: (code: string) => PathOptions;
  onTop: (code: string) => boolean;
  describe: (code: string) => HTMLElement;
  onSelect: (code: string) => void;
  /** Told how many seats were actually added to the layer, after each (re)build. */
  onDrawn: (count: number) => void;
  /** Whether the styles now carry the seats' figures (the seat list has loaded), not just their shapes. */
  complete?: boolean;
  /** Called once, in the frame after the seats are first on screen in their final colours. */
  onPainted?: () => void;
  /** The first map's seat layer (firstMap.ts) for these shapes, to take over instead of making one. */
  adopt?: LeafletGeoJSON | undefined;
}

const codeOf = (feature: Feature | undefined): string => String(feature?.id ?? '');
const featureOf = (layer: Layer): Feature | undefined => (layer as Layer & { feature?: Feature }).feature;

/**
 * All seats as one GeoJSON layer on the map's canvas renderer. The parent keys it by the geometry, so it is
 * rebuilt only when the seats change; a new colour scale or selection only restyles the existing paths.
 */
export function SeatLayer({
  shapes,
  styleOf,
  onTop,
  describe,
  onSelect,
  onDrawn,
  complete = false,
  onPainted,
  adopt,
}: SeatLayerProps) {
  const map = useMap();
  const style = useCallback((f?: Feature) => styleOf(codeOf(f)), [styleOf]);
  // Made once per shapes (the parent keys this component by them), or taken over from the first map.
  const [layer] = useState(() => adopt ?? geoJSON(shapes.collection, { style }));
  // Handlers are bound once per layer; they read the latest props through refs.
  const latest = useRef({ styleOf, describe, onSelect, onPainted });
  useEffect(() => {
    latest.current = { styleOf, describe, onSelect, onPainted };
  }, [styleOf, describe, onSelect, onPainted]);

  useEffect(() => {
    const handlers = {
      click: (e: LeafletMouseEvent) => {
        const target = (e.propagatedFrom ?? e.layer) as Layer;
        latest.current.onSelect(codeOf(featureOf(target)));
      },
      mouseover: (e: LeafletMouseEvent) => {
        const path = (e.propagatedFrom ?? e.layer) as Path;
        path.setStyle({ weight: 3, color: '#1f2a44', opacity: 1 });
      },
      mouseout: (e: LeafletMouseEvent) => {
        const path = (e.propagatedFrom ?? e.layer) as Path;
        path.setStyle(latest.current.styleOf(codeOf(featureOf(path))));
      },
    };
    layer.on(handlers);
    // One tooltip for the whole layer rather than one per seat (650 tooltips and their listeners made on
    // load): Leaflet hands it the seat under the pointer.
    layer.bindTooltip((seat) => latest.current.describe(codeOf(featureOf(seat))), {
      sticky: true,
      direction: 'top',
    });
    map.addLayer(layer);
    return () => {
      layer.off(handlers);
      layer.unbindTooltip();
      layer.remove();
    };
  }, [map, layer]);

  // A new colour scale or selection restyles the existing paths. A layer taken over keeps the first map's
  // colours until the seat list has loaded here, rather than going grey in between.
  const applied = useRef<unknown>(adopt ? 'first map' : style);
  useEffect(() => {
    if (applied.current === style || (applied.current === 'first map' && !complete)) return;
    applied.current = style;
    layer.setStyle(style);
  }, [layer, style, complete]);

  useEffect(() => {
    onDrawn(layer.getLayers().length);
  }, [layer, shapes, onDrawn]);

  // The moment the seats are on screen in their colours, for the map-draw bench and real-user timing. The
  // canvas renderer redraws in the next animation frame; a frame requested after it runs after that redraw.
  // A layer taken over was marked by the first map (firstMap.ts), when it was drawn.
  const marked = useRef(false);
  useEffect(() => {
    if (!complete || marked.current) return undefined;
    const frame = requestAnimationFrame(() => {
      marked.current = true;
      const count = layer.getLayers().length;
      if (!adopt) performance.mark('seats-drawn', { detail: { count } });
      map.getContainer().dataset.seatsDrawn = String(count);
      latest.current.onPainted?.();
    });
    return () => cancelAnimationFrame(frame);
  }, [map, layer, complete, style, adopt]);

  useEffect(() => {
    layer.eachLayer((l) => {
      if (onTop(codeOf(featureOf(l)))) (l as Path).bringToFront();
    });
  }, [layer, onTop, style]);

  return null;
}
