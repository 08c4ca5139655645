import { describe, expect, it } from 'vitest';
import type { TPilotLayer } from '@groundwork/server/contracts';
import { parseViewState, seatListParams, serializeViewState } from '../explorer/viewState.ts';
import { availability, colourScale, type SeatValues } from '../seat-map/measure.ts';
import { classCounts } from '../seat-map/measures.ts';
import { activityMeasure, pilotsMeasure } from './pilotMeasures.tsx';

const base: SeatValues = { leavePct: 50, deprivationDecile: 5, result: null };
const seat = (pilot: TPilotLayer | undefined) => ({ ...base, pilot }) as SeatValues;
const pilots = colourScale(pilotsMeasure, { parties: new Map(), seats: [] });
const activity = colourScale(activityMeasure, { parties: new Map(), seats: [] });

describe('the Pilots measure', () => {
  it('classes seats by none, one or more pilots, and whether any is running, in words', () => {
    const label = (p: TPilotLayer | undefined) => pilots.classOf(seat(p))?.label;
    expect(label(undefined)).toBe('No pilot');
    expect(label({ pilots: 0, running: 0, activities90: 0 })).toBe('No pilot');
    expect(label({ pilots: 1, running: 1, activities90: 3 })).toBe('1 pilot, running');
    expect(label({ pilots: 1, running: 0, activities90: 0 })).toBe('1 pilot, none running');
    expect(label({ pilots: 4, running: 1, activities90: 0 })).toBe('2 or more pilots, one or more running');
    expect(label({ pilots: 2, running: 0, activities90: 0 })).toBe('2 or more pilots, none running');
    expect(pilots.describe(seat({ pilots: 2, running: 1, activities90: 0 }), (c) => c)).toBe(
      '2 pilots, 1 running',
    );
    expect(pilots.describe(seat(undefined), (c) => c)).toBe('No pilot');
  });

  it('counts seats per class for the legend', () => {
    const counts = classCounts(pilots, [
      seat({ pilots: 1, running: 1, activities90: 0 }),
      seat({ pilots: 1, running: 1, activities90: 0 }),
      seat({ pilots: 0, running: 0, activities90: 0 }),
    ]);
    expect(counts.get('running-1')).toBe(2);
    expect(counts.get('no-pilot')).toBe(1);
    expect(counts.get('none')).toBeUndefined();
  });

  it('can be used when the seat list carries the pilot layer, on the 2024 boundaries only', () => {
    expect(availability(pilotsMeasure, { boundarySet: '2024', layers: { pilot: 'counts' } }).state).toBe(
      'ok',
    );
    expect(availability(pilotsMeasure, { boundarySet: '2024', layers: {} })).toMatchObject({
      state: 'denied',
      reason: 'Sign in to see pilots.',
    });
    expect(availability(activityMeasure, { boundarySet: '2010', layers: { pilot: 'counts' } })).toMatchObject(
      {
        state: 'denied',
        tag: '2024 only',
      },
    );
  });

  it('keeps its filter in the URL and sends it only when the layer is there', () => {
    const s = parseViewState('?measure=pilots&pilots=running&sort=-activity');
    expect([s.measure, s.filters.pilots, s.sort]).toEqual(['pilots', 'running', '-activity']);
    expect(parseViewState(serializeViewState(s))).toEqual(s);
    expect(parseViewState('?pilots=some').filters).toEqual({});
    const ok = seatListParams(s, { boundarySet: '2024', layers: { pilot: 'counts' } });
    expect([ok.pilots, ok.sort]).toEqual(['running', '-activity']);
    const signedOut = seatListParams(s, { boundarySet: '2024', layers: {} });
    expect([signedOut.pilots, signedOut.sort]).toEqual([undefined, 'name']);
  });
});

describe('the Organising activity measure', () => {
  it('bins activities in the last 90 days as none, 1–4, 5–19 and 20 or more', () => {
    const label = (n: number) => activity.classOf(seat({ pilots: 1, running: 1, activities90: n }))?.label;
    expect([0, 1, 4, 5, 19, 20, 300].map(label)).toEqual([
      'None',
      '1–4',
      '1–4',
      '5–19',
      '5–19',
      '20 or more',
      '20 or more',
    ]);
    expect(activity.classOf(seat(undefined))?.label).toBe('None');
    expect(activity.describe(seat({ pilots: 1, running: 1, activities90: 1 }), (c) => c)).toBe(
      '1 activity in 90 days',
    );
  });
});
