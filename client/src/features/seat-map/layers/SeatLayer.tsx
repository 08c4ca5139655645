import type { Feature } from 'geojson';
import type { GeoJSON as LeafletGeoJSON, LeafletMouseEvent, Path, PathOptions, Layer } from 'leaflet';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { GeoJSON } from 'react-leaflet';
import type { SeatShapes } from '../geometry.ts';

interface SeatLayerProps {
  shapes: SeatShapes;
  styleOf: (code: string) => PathOptions;
  onTop: (code: string) => boolean;
  describe: (code: string) => HTMLElement;
  onSelect: (code: string) => void;
  /** Told how many seats were actually added to the layer, after each (re)build. */
  onDrawn: (count: number) => void;
}

const codeOf = (feature: Feature | undefined): string => String(feature?.id ?? '');
const featureOf = (layer: Layer): Feature | undefined => (layer as Layer & { feature?: Feature }).feature;

/**
 * All seats as one GeoJSON layer on the map's canvas renderer. The parent keys it by the geometry, so it is
 * rebuilt only when the seats change; a new colour scale or selection only restyles the existing paths.
 */
export function SeatLayer({ shapes, styleOf, onTop, describe, onSelect, onDrawn }: SeatLayerProps) {
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

  const onEachFeature = useCallback((feature: Feature, layer: Layer) => {
    layer.bindTooltip(() => latest.current.describe(codeOf(feature)), { sticky: true, direction: 'top' });
  }, []);

  useEffect(() => {
    onDrawn(layerRef.current?.getLayers().length ?? 0);
  }, [shapes, onDrawn]);

  useEffect(() => {
    layerRef.current?.eachLayer((layer) => {
      if (onTop(codeOf(featureOf(layer)))) (layer as Path).bringToFront();
    });
  }, [onTop, style]);

  return (
    <GeoJSON
      ref={layerRef}
      data={shapes.collection}
      style={style}
      eventHandlers={eventHandlers}
      onEachFeature={onEachFeature}
    />
  );
}
