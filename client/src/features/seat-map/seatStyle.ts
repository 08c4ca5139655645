import type { PathOptions } from 'leaflet';
import type { TSeatSummary } from '@groundwork/server/contracts';
import { NO_DATA_COLOUR, type ColourScale } from './measures.ts';

export const FADED_COLOUR = '#c9ced6';
export const RED_WALL_OUTLINE = '#14161a';
export const SELECTED_OUTLINE = '#ffb000';

export interface StyleContext {
  scale: ColourScale;
  /** Seats matching the filters; undefined while the first list loads. */
  matching: ReadonlyMap<string, TSeatSummary> | undefined;
  selected: string | undefined;
  view: 'geo' | 'hex';
  tiles: boolean;
}

/**
 * One seat's look. Filtered-out seats stay on the map, grey and faded, so the geography still reads;
 * red-wall seats get a thick dark outline so the flag never depends on colour alone.
 */
export function seatStyle(code: string, ctx: StyleContext): PathOptions {
  const seat = ctx.matching?.get(code);
  const thin = ctx.view === 'hex' ? 1 : 0.4;
  const base: PathOptions = seat
    ? {
        fillColor: ctx.scale.classOf(seat)?.colour ?? NO_DATA_COLOUR,
        fillOpacity: ctx.tiles ? 0.75 : 1,
        color: seat.redWall ? RED_WALL_OUTLINE : '#ffffff',
        weight: seat.redWall ? 2.5 : thin,
        opacity: 1,
      }
    : {
        fillColor: FADED_COLOUR,
        fillOpacity: ctx.tiles ? 0.3 : 0.55,
        color: '#ffffff',
        weight: thin,
        opacity: 0.8,
      };
  if (code === ctx.selected) return { ...base, color: SELECTED_OUTLINE, weight: 4, opacity: 1 };
  return base;
}

/** Seats whose outline must not be painted over by a neighbour's. */
export function drawnOnTop(code: string, ctx: StyleContext): boolean {
  return code === ctx.selected || ctx.matching?.get(code)?.redWall === true;
}
