// The first map: the seat map of the default view drawn before the app's scripts have run (issue 6:
// "keep the first paint's script small"). The entry script (main.tsx) loads only this module, Leaflet and
// the map's own helpers; the app (React, the contracts, the data layer) is loaded after the map is drawn
// and adopts this very map and seat layer (SeatMap.tsx, layers/SeatLayer.tsx) instead of drawing them again.
import type { TClientConfig, TParty, TSeatListResponse } from '@groundwork/server/contracts';
import {
  geoJSON,
  map as leafletMap,
  type GeoJSON,
  type LeafletMouseEvent,
  type Map as LeafletMap,
  type Path,
} from 'leaflet';
import type { Topology } from 'topojson-specification';
import { offerPrefetched } from '../../api/prefetched.ts';
import { NARROW_SCREEN } from '../../ui/screens.ts';
import { geoShapes, type SeatFeature, type SeatShapes } from './geometry.ts';
import { HOME_PADDING, mapClassName, mapOptions, SEAT_MAP_ID, UK_BOUNDS } from './mapOptions.ts';
import { winnerLegend } from './measures.ts';
import { describeSeat } from './measureText.ts';
import { drawnOnTop, seatStyle, type StyleContext } from './seatStyle.ts';

/**
 * The data of the default view, byte for byte the URLs the app requests for it (explorer/viewState.ts with
 * no query, then seats/api.ts, seat-map/api.ts and reference/api.ts) and the server preloads
 * (server/src/http/client-pages.ts): e2e/map-preload.e2e.test.ts fails when they drift apart.
 */
export const FIRST_MAP_URLS = {
  geo: '/api/geo/2024',
  seats: '/api/seats?boundarySet=2024&election=GE2024&sort=name',
  parties: '/api/parties',
  config: '/api/config',
} as const;

/** The first map, handed to the app once. */
export interface FirstMap {
  map: LeafletMap;
  layer: GeoJSON;
  shapes: SeatShapes;
  container: HTMLElement;
  /** The seat last clicked before the app arrived: the app opens it when it takes over. */
  clicked: string | undefined;
  /** Stops the first map's own click handling (the app's replaces it). */
  release(): void;
  /**
   * What had the keyboard focus inside the map when the app took it, once (the app's first render clears
   * the shell, and the focus with it): the app gives it back once the map is in its page.
   */
  takeFocus(): HTMLElement | undefined;
}

let focusAtHandover: HTMLElement | undefined;

let drawn: FirstMap | undefined;

/** The first map for the app's seat map to adopt, once; undefined if there is none (or it was taken). */
export function takeFirstMap(): FirstMap | undefined {
  const first = drawn;
  drawn = undefined;
  const active = document.activeElement;
  if (first && active instanceof HTMLElement && first.container.contains(active)) focusAtHandover = active;
  return first;
}

/** The shapes the first map drew, for the app's query cache: the app's map uses the same objects. */
export function firstMapShapes(): SeatShapes | undefined {
  return drawn?.shapes;
}

/**
 * The query of the default view, as the app writes it into the address (explorer/viewState.ts): any of
 * these with these values, and a chosen seat. Anything else (hex, another measure, boundary set, election,
 * sort or a filter) is drawn by the app itself.
 */
const DEFAULT_VIEW: Readonly<Record<string, string>> = {
  boundarySet: '2024',
  election: 'GE2024',
  measure: 'winner',
  view: 'geo',
  sort: 'name',
};

/** Whether this page load opens the default map view (the map page, the default view, maybe a seat). */
export function opensDefaultMap(location: Pick<Location, 'pathname' | 'search'>): boolean {
  if (location.pathname !== '/' && location.pathname !== '/index.html') return false;
  return [...new URLSearchParams(location.search)].every(
    ([key, value]) => key === 'seat' || DEFAULT_VIEW[key] === value,
  );
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * The page around the map as the app first renders it (App.tsx, SeatsPage.tsx), so the map has its final
 * size and place: the app replaces all of it but the map container when it mounts.
 */
function pageShell(container: HTMLElement, status: HTMLElement): HTMLElement {
  const logo = el('span', { className: 'app-header__logo' });
  logo.setAttribute('aria-hidden', 'true');
  const header = el(
    'header',
    { className: 'app-header' },
    el(
      'div',
      { className: 'app-header__brand' },
      logo,
      el('span', { className: 'app-header__name' }, 'Groundwork'),
    ),
    el(
      'div',
      { className: 'app-header__title' },
      el('h1', {}, 'Seat map'),
      el('p', {}, 'Westminster seats, results and targets'),
    ),
  );
  const search = el(
    'div',
    { className: 'seat-search' },
    el('label', { className: 'field__label', htmlFor: 'first-map-search' }, 'Find a seat'),
    el('input', { id: 'first-map-search', className: 'seat-search__input', disabled: true }),
  );
  const controls = window.matchMedia(NARROW_SCREEN).matches
    ? el('div', { className: 'page__bar' }, search)
    : el('aside', { className: 'page__controls' }, search);
  const view = (label: string, pressed: boolean) => {
    const button = el('button', { type: 'button', className: 'segmented__button', disabled: true }, label);
    button.setAttribute('aria-pressed', String(pressed));
    return button;
  };
  const toolbar = el(
    'div',
    { className: 'map-toolbar' },
    el(
      'div',
      { className: 'field field--inline' },
      el('label', { className: 'field__label', htmlFor: 'first-map-measure' }, 'Colour seats by'),
      el('select', { id: 'first-map-measure', disabled: true }, el('option', {}, 'Winner')),
    ),
    el('div', { className: 'segmented' }, view('Boundaries', true), view('Hex map', false)),
  );
  const mapSection = el(
    'section',
    { className: 'page__map' },
    toolbar,
    el('div', { className: 'seat-map' }, status, el('div', { className: 'seat-map__frame' }, container)),
  );
  mapSection.setAttribute('aria-label', 'Seat map');
  const card = el(
    'aside',
    { className: 'page__card' },
    el(
      'div',
      { className: 'seat-card seat-card--empty' },
      el('h2', { className: 'seat-card__title' }, 'No seat selected'),
      el('p', {}, 'The map is loading.'),
    ),
  );
  const main = el('main', { id: 'main' }, el('div', { className: 'page' }, controls, mapSection, card));
  const skip = el('a', { className: 'skip-link', href: `#${SEAT_MAP_ID}` }, 'Skip to the seat map');
  const shell = document.createDocumentFragment();
  shell.append(skip, header, main);
  return shell as unknown as HTMLElement;
}

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

/**
 * Draws the default view's seats in their winners' colours into a page shell in #root, marks
 * 'seats-drawn' one frame after they are on screen (as SeatLayer does when it draws them itself), and
 * leaves the map for the app. Resolves when done or when there is nothing to draw; never rejects: on any
 * failure the shell is left for the app to replace and the app draws the map itself.
 */
export async function drawFirstMap(): Promise<void> {
  const root = document.getElementById('root');
  if (!root || !opensDefaultMap(window.location)) return;
  // The app asks for the same URLs: it gets these bodies instead of downloading and parsing them again.
  const seatsBody = json<TSeatListResponse>(FIRST_MAP_URLS.seats);
  const partiesBody = json<{ items: TParty[] }>(FIRST_MAP_URLS.parties);
  const configBody = json<TClientConfig>(FIRST_MAP_URLS.config);
  offerPrefetched(FIRST_MAP_URLS.seats, seatsBody);
  offerPrefetched(FIRST_MAP_URLS.parties, partiesBody);
  offerPrefetched(FIRST_MAP_URLS.config, configBody);
  const geoBody = json<Topology>(FIRST_MAP_URLS.geo);

  const container = el('div', { id: SEAT_MAP_ID, className: mapClassName('geo', false) });
  const status = el('p', { className: 'seat-map__status' }, 'Loading the map…');
  status.setAttribute('role', 'status');
  root.replaceChildren(pageShell(container, status));

  let map: LeafletMap | undefined;
  try {
    const [topology, seats, parties, config] = await Promise.all([
      geoBody,
      seatsBody,
      partiesBody,
      configBody,
    ]);
    const shapes = geoShapes('2024', topology);
    if (!shapes || !Array.isArray(seats.items) || !Array.isArray(parties.items)) return;
    const tiles = !!config.tileUrl;
    container.className = mapClassName('geo', tiles);
    const ctx: StyleContext = {
      scale: {
        ...winnerLegend(new Map(parties.items.map((p) => [p.code, p])), seats.items),
        measure: 'winner',
        describe: describeSeat.winner,
      },
      matching: new Map(seats.items.map((s) => [s.code, s])),
      view: 'geo',
      tiles,
    };
    map = leafletMap(container, mapOptions('geo'));
    map.fitBounds(UK_BOUNDS, HOME_PADDING);
    const layer = geoJSON(shapes.collection, {
      style: (f) => seatStyle(String((f as SeatFeature | undefined)?.id ?? ''), ctx),
    }).addTo(map);
    layer.eachLayer((l) => {
      const code = String((l as Path & { feature?: SeatFeature }).feature?.id ?? '');
      if (drawnOnTop(code, ctx)) (l as Path).bringToFront();
    });
    // A click before the app has arrived is kept, and the app opens that seat when it takes over.
    const onClick = (e: LeafletMouseEvent) => {
      const path = (e.propagatedFrom ?? e.layer) as Path & { feature?: SeatFeature };
      first.clicked = String(path.feature?.id ?? '') || undefined;
    };
    layer.on('click', onClick);
    const first: FirstMap = {
      map,
      layer,
      shapes,
      container,
      clicked: undefined,
      release: () => void layer.off('click', onClick),
      takeFocus: () => {
        const focused = focusAtHandover;
        focusAtHandover = undefined;
        return focused;
      },
    };
    const count = layer.getLayers().length;
    status.textContent = `${count} seats shown · loading the page…`;
    // The canvas renderer paints in the next animation frame; a frame requested now runs after it.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    performance.mark('seats-drawn', { detail: { count } });
    container.dataset.seatsDrawn = String(count);
    drawn = first;
  } catch {
    map?.remove();
  }
}
