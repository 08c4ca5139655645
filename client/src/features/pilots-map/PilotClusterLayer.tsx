// The pilots' locations on the seat map, clustered where dense. Loaded on its own (seat-map/layers/
// PilotMarkers.tsx imports it lazily) once the map is drawn and a pilot measure is chosen, so the
// clustering library is never part of the map's first load.
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import './pilotsMap.css';
import {
  PILOT_RUNNING_STATUSES,
  PILOT_STATUS_LABELS,
  type TPilotLocation,
} from '@groundwork/server/contracts';
import {
  DivIcon,
  marker,
  point,
  type DivIconOptions,
  type Map as LeafletMap,
  type MarkerCluster,
  type MarkerClusterGroup as TMarkerClusterGroup,
  type MarkerClusterGroupOptions,
  type Point,
} from 'leaflet';
import * as markercluster from 'leaflet.markercluster';
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import { useSeatViewer } from '../seats/api.ts';
import { usePilotLocations } from './api.ts';

// The plugin's UMD build exports its classes (its types only describe them on Leaflet's namespace).
const { MarkerClusterGroup } = markercluster as unknown as {
  MarkerClusterGroup: new (options?: MarkerClusterGroupOptions) => TMarkerClusterGroup;
};

/** A div icon whose element is named for screen readers (Leaflet makes it a focusable button). */
class NamedIcon extends DivIcon {
  constructor(
    options: DivIconOptions,
    private readonly name: string,
    private readonly data: Record<string, string>,
  ) {
    super(options);
  }

  override createIcon(old?: HTMLElement): HTMLElement {
    const el = super.createIcon(old);
    el.setAttribute('aria-label', this.name);
    Object.assign(el.dataset, this.data);
    return el;
  }
}

/** The marker's card: built as DOM text, so titles and names are never parsed as HTML. */
function popupContent(p: TPilotLocation): HTMLElement {
  const el = document.createElement('div');
  el.className = 'pilot-popup';
  el.dataset.pilot = String(p.id);
  const title = document.createElement('p');
  title.className = 'pilot-popup__title';
  title.textContent = p.title;
  const facts = document.createElement('dl');
  facts.className = 'pilot-popup__facts';
  for (const [term, value] of [
    ['Status', PILOT_STATUS_LABELS[p.status]],
    ['CLP', p.clp.name],
  ] as const) {
    const row = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    row.append(dt, dd);
    facts.append(row);
  }
  const link = document.createElement('a');
  link.href = `/pilots/${p.id}`;
  link.className = 'pilot-popup__link';
  link.textContent = 'Open pilot';
  el.append(title, facts, link);
  return el;
}

function clusterIcon(cluster: MarkerCluster): DivIcon {
  const n = cluster.getChildCount();
  const size = n < 10 ? 'small' : n < 100 ? 'medium' : 'large';
  return new NamedIcon(
    {
      html: `<div><span>${n}</span></div>`,
      className: `marker-cluster marker-cluster-${size} pilot-cluster`,
      iconSize: point(44, 44),
    },
    `${n} pilots here: zoom in`,
    { count: String(n) },
  );
}

/**
 * Room to keep around an opening card: the legend and the zoom buttons float over the map (above its
 * panes), so the map pans the card clear of them rather than under them.
 */
function clearOfControls(map: LeafletMap): { topLeft: Point; bottomRight: Point } {
  const box = map.getContainer().getBoundingClientRect();
  const legend = map.getContainer().closest('.seat-map__frame')?.querySelector('.legend');
  const below = legend ? legend.getBoundingClientRect().bottom - box.top + 8 : 0;
  return { topLeft: point(56, Math.min(Math.max(below, 16), box.height / 2)), bottomRight: point(16, 16) };
}

function pilotMarker(map: LeafletMap, p: TPilotLocation) {
  const running = PILOT_RUNNING_STATUSES.includes(p.status);
  const icon = new NamedIcon(
    {
      html: '<span class="pilot-marker__dot"></span>',
      className: `pilot-marker${running ? ' pilot-marker--running' : ''}`,
      iconSize: point(32, 32),
      popupAnchor: point(0, -12),
    },
    `Pilot: ${p.title} (${PILOT_STATUS_LABELS[p.status]})`,
    { pilot: String(p.id), status: p.status },
  );
  const m = marker([p.location.lat, p.location.lng], { icon, keyboard: true, title: p.title });
  // Registered before bindPopup's own handlers, so the padding is set before the card opens and pans.
  m.on('click keypress', () => {
    const popup = m.getPopup();
    if (!popup) return;
    const room = clearOfControls(map);
    popup.options.autoPanPaddingTopLeft = room.topLeft;
    popup.options.autoPanPaddingBottomRight = room.bottomRight;
  });
  m.bindPopup(() => popupContent(p), { maxWidth: 260, minWidth: 180 });
  // Keyboard users land on the card's link, and Escape or the close button takes them back.
  m.on('popupopen', (e) => {
    e.popup.getElement()?.querySelector<HTMLElement>('.pilot-popup__link')?.focus({ preventScroll: true });
  });
  return m;
}

/** Draws the readable pilots' locations; the count and any error are said in a status line. */
export default function PilotClusterLayer() {
  const map = useMap();
  const viewer = useSeatViewer();
  const locations = usePilotLocations(viewer, true);
  const [group] = useState(
    () =>
      new MarkerClusterGroup({
        iconCreateFunction: clusterIcon,
        showCoverageOnHover: false,
        maxClusterRadius: 50,
        spiderfyOnMaxZoom: true,
      }),
  );

  useEffect(() => {
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, group]);

  const items = locations.data?.items;
  useEffect(() => {
    group.clearLayers();
    if (items) group.addLayers(items.map((p) => pilotMarker(map, p)));
  }, [map, group, items]);

  return (
    <p className="visually-hidden" role="status" data-testid="pilot-markers" data-count={items?.length ?? ''}>
      {locations.isError
        ? 'The pilots’ locations could not be loaded.'
        : items
          ? `${items.length} pilot ${items.length === 1 ? 'location' : 'locations'} on the map.`
          : ''}
    </p>
  );
}
