import type { TLocation } from '@groundwork/server/contracts';
import { Browser, latLngBounds, point, type LatLngTuple } from 'leaflet';
import { useEffect, useMemo } from 'react';
import { CircleMarker, GeoJSON, MapContainer, useMap, useMapEvents } from 'react-leaflet';
import type { BoundsTuple, SeatFeature } from '../seat-map/geometry.ts';
import { roundLocation } from './locationMath.ts';

/**
 * Centres the map on the seat's inside point, zoomed out enough to show the whole seat, so the middle of
 * the map is always in the seat (a bounding box's centre may fall outside a coastal or curved seat).
 */
function FitSeat(props: { bounds: BoundsTuple; centre: LatLngTuple; onReady: () => void }) {
  const map = useMap();
  const { bounds, centre, onReady } = props;
  useEffect(() => {
    const [[s, w], [n, e]] = bounds;
    const [lat, lng] = centre;
    const dLat = Math.max(n - lat, lat - s);
    const dLng = Math.max(e - lng, lng - w);
    // The map was made inside a lazily loaded chunk: make sure Leaflet knows its real size first.
    map.invalidateSize({ pan: false });
    const around = latLngBounds([lat - dLat, lng - dLng], [lat + dLat, lng + dLng]);
    map.setView(centre, map.getBoundsZoom(around, false, point(16, 16)), { animate: false });
    onReady();
  }, [map, bounds, centre, onReady]);
  return null;
}

function ClickToPlace(props: { onPick: (loc: TLocation) => void }) {
  useMapEvents({ click: (e) => props.onPick(roundLocation(e.latlng.lat, e.latlng.lng)) });
  return null;
}

/** Brings a typed point into view: a tap is in view already, a typed one may be anywhere. */
function ShowPoint(props: { value: TLocation | null }) {
  const map = useMap();
  const { value } = props;
  useEffect(() => {
    if (value && !map.getBounds().contains([value.lat, value.lng])) map.panTo([value.lat, value.lng]);
  }, [map, value]);
  return null;
}

const SEAT_STYLE = { color: '#1f2a44', weight: 2, fillColor: '#e4003b', fillOpacity: 0.12 };
const NEIGHBOUR_STYLE = { color: '#8a93a3', weight: 1, fillColor: '#f3f4f7', fillOpacity: 0.6 };

/** The seat's outline with its neighbours faint around it; a tap or click puts the pilot's marker there. */
export default function LocationMap(props: {
  seat: SeatFeature;
  neighbours: SeatFeature[];
  bounds: BoundsTuple;
  centre: LatLngTuple;
  value: TLocation | null;
  onPick: (loc: TLocation) => void;
  /** Called once the seat is in view, so a test (or a person) knows where its middle is. */
  onReady: () => void;
}) {
  const { seat, neighbours } = props;
  // A fresh object per seat only: react-leaflet's GeoJSON draws its data once.
  const others = useMemo(() => ({ type: 'FeatureCollection' as const, features: neighbours }), [neighbours]);
  return (
    <MapContainer
      className="location-map"
      center={props.centre}
      zoom={10}
      minZoom={6}
      maxZoom={16}
      zoomSnap={0.25}
      scrollWheelZoom={false}
      // One finger scrolls the page on a phone; the map pans with two.
      dragging={!Browser.mobile}
      attributionControl={false}
    >
      <GeoJSON key={`n-${seat.id}`} data={others} style={NEIGHBOUR_STYLE} interactive={false} />
      <GeoJSON key={seat.id} data={seat} style={SEAT_STYLE} interactive={false} />
      <FitSeat bounds={props.bounds} centre={props.centre} onReady={props.onReady} />
      <ClickToPlace onPick={props.onPick} />
      <ShowPoint value={props.value} />
      {props.value && (
        <CircleMarker
          center={[props.value.lat, props.value.lng]}
          radius={9}
          pathOptions={{ color: '#fff', weight: 3, fillColor: '#e4003b', fillOpacity: 1 }}
          interactive={false}
        />
      )}
    </MapContainer>
  );
}
