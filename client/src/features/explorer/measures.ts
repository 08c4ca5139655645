import { PILOT_MEASURES } from '../pilots-map/pilotMeasures.tsx';
import type { Measure } from '../seat-map/measure.ts';
import { SELECTION_MEASURES } from '../selections-map/selectionMeasures.tsx';
import { SEAT_MEASURES } from '../seats/seatMeasures.tsx';
import { targetMeasure } from '../targets/targetMeasure.tsx';

/**
 * THE list of map measures, in menu order, one line per feature. The explorer takes from it the measure
 * menu, the legend, the filters, the table columns, the seat-card sections and the seat-list query.
 */
export const MEASURES: readonly Measure[] = [
  ...SEAT_MEASURES, // results, Leave, deprivation (features/seats)
  targetMeasure, // targets (features/targets)
  ...PILOT_MEASURES, // pilots and organising activity (features/pilots-map)
  ...SELECTION_MEASURES, // selection stage and compliance (features/selections-map)
];

/** The measure shown when none is chosen, or the chosen one cannot be used here. */
export const DEFAULT_MEASURE = MEASURES[0] as Measure;
