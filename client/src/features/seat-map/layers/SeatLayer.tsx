import type { Feature } from 'geojson';
import type { GeoJSON as LeafletGeoJSON, LeafletMouseEvent, Path, PathOptions, Layer } from 'leaflet';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { GeoJSON, useMap } from 'react-leaflet';
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
}: SeatLayerProps) {
  const map = useMap();
  const layerRef = useRef<LeafletGeoJSON>(null);
  // Handlers are bound once per layer; they read the latest props through refs.
  const latest = useRef({ styleOf, describe, onSelect });
  useEffect(() => {
    latest.current = { styleOf, describe, onSelect };
  }, [styleOf, describe, onSelect]);

  const style = useCallback((f?: Feature) => styleOf(codeOf(f)), [styleOf]);

  const eventHandlers = useMemo(
    () => ({
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
    }),
    [],
  );

  // One tooltip for the whole layer rather than one per seat (650 tooltips and their listeners made on
  // load): Leaflet hands it the seat under the pointer.
  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return undefined;
    layer.bindTooltip((seat) => latest.current.describe(codeOf(featureOf(seat))), {
      sticky: true,
      direction: 'top',
    });
    return () => {
      layer.unbindTooltip();
    };
  }, []);

  useEffect(() => {
    onDrawn(layerRef.current?.getLayers().length ?? 0);
  }, [shapes, onDrawn]);

  // The moment the seats are on screen in their colours, for the map-draw bench and real-user timing. The
  // canvas renderer redraws in the next animation frame; a frame requested after it runs after that redraw.
  const marked = useRef(false);
  useEffect(() => {
    const layer = layerRef.current;
    if (!complete || marked.current || !layer) return undefined;
    const frame = requestAnimationFrame(() => {
      marked.current = true;
      const count = layer.getLayers().length;
      performance.mark('seats-drawn', { detail: { count } });
      map.getContainer().dataset.seatsDrawn = String(count);
    });
    return () => cancelAnimationFrame(frame);
  }, [map, complete, style]);

  useEffect(() => {
    layerRef.current?.eachLayer((layer) => {
      if (onTop(codeOf(featureOf(layer)))) (layer as Path).bringToFront();
    });
  }, [onTop, style]);

  return <GeoJSON ref={layerRef} data={shapes.collection} style={style} eventHandlers={eventHandlers} />;
}
