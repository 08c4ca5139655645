import type { PathOptions } from 'leaflet';
import type { TSeatSummary } from '@groundwork/server/contracts';
import { NO_DATA_COLOUR, type ColourScale } from './measures.ts';

export const FADED_COLOUR = '#c9ced6';
export const RED_WALL_OUTLINE = '#14161a';

/** A line drawn round one seat above every other: a bright line on a dark halo twice as wide. */
export interface SeatOutlineStyle {
  halo: string;
  line: string;
  haloWeight: number;
  lineWeight: number;
  /** Dashes on the line, to tell two outlines apart without their colours. */
  dashArray?: string;
}

/**
 * The selected seat. No single colour stands out on every fill (amber vanishes on the SNP's yellow, a
 * dark line on Plaid's green), so the outline is two: whichever of the pair contrasts less with a
 * party's colour, the other contrasts by at least 3:1 (seatStyle.unit.test.ts checks each party).
 */
export const SELECTED_OUTLINE: SeatOutlineStyle = {
  halo: '#14161a',
  line: '#ffb000',
  haloWeight: 8,
  lineWeight: 3.5,
};

/** The seat the keyboard is on (not yet chosen): white dashes on navy, unlike the amber selection. */
export const KEYBOARD_OUTLINE: SeatOutlineStyle = {
  halo: '#0b1f4d',
  line: '#ffffff',
  haloWeight: 7,
  lineWeight: 3,
  dashArray: '8 5',
};

function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** How well an outline stands out on a fill: the better of its two colours. */
export function outlineContrast(outline: SeatOutlineStyle, fill: string): number {
  return Math.max(contrastRatio(outline.halo, fill), contrastRatio(outline.line, fill));
}

export interface StyleContext {
  scale: ColourScale;
  /** Seats matching the filters; undefined while the first list loads. */
  matching: ReadonlyMap<string, TSeatSummary> | undefined;
  view: 'geo' | 'hex';
  tiles: boolean;
}

/**
 * One seat's look. Filtered-out seats stay on the map, grey and faded, so the geography still reads;
 * red-wall seats get a thick dark outline so the flag never depends on colour alone. The selected seat's
 * outline is not here: layers/SeatOutline.tsx draws it on its own canvas above every seat.
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
  return base;
}

/** Seats whose outline must not be painted over by a neighbour's. */
export function drawnOnTop(code: string, ctx: StyleContext): boolean {
  return ctx.matching?.get(code)?.redWall === true;
}
