import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TSeatSummary } from '@groundwork/server/contracts';
import { parseViewState, seatListParams, serializeViewState } from '../explorer/viewState.ts';
import { availability, colourScale, type SeatValues } from '../seat-map/measure.ts';
import { classCounts } from '../seat-map/measures.ts';
import { targetMeasure } from './targetMeasure.tsx';

const base: SeatValues = { leavePct: 50, deprivationDecile: 5, result: null };
const scale = colourScale(targetMeasure, { parties: new Map(), seats: [] });
const full = { boundarySet: '2024', layers: { target: 'full' } } as const;

describe('target status measure', () => {
  it('labels every class with its status and tier, and seats without a status as No target', () => {
    const labels = scale.groups.flatMap((g) => g.classes.map((c) => c.label));
    expect(labels).toContain('Defend, tier 1');
    expect(labels).toContain('Win (gain), tier 3');
    expect(labels.at(-1)).toBe('No target');
    expect(scale.classOf({ ...base, target: { status: 'DEFEND', tier: 1 } })?.label).toBe('Defend, tier 1');
    expect(scale.classOf({ ...base, target: { status: 'NONE', tier: null } })?.label).toBe('No target');
    // The measure is used only when the list carries targets: a row without one has none.
    expect(scale.classOf(base)?.label).toBe('No target');
    expect(scale.classOf({ ...base, target: { status: 'HOLD', tier: null } })?.label).toBe('Hold, no tier');
  });

  it('counts seats per class and describes them in words', () => {
    const seats: SeatValues[] = [
      { ...base, target: { status: 'WIN', tier: 2 } },
      { ...base, target: { status: 'WIN', tier: 2 } },
      { ...base, target: { status: 'NONE', tier: null } },
    ];
    const counts = classCounts(scale, seats);
    expect(counts.get('WIN-2')).toBe(2);
    expect(counts.get('NONE')).toBe(1);
    expect(scale.describe(seats[0] as SeatValues, (c) => c)).toBe('Target: Win (gain), tier 2');
    expect(scale.describe(seats[2] as SeatValues, (c) => c)).toBe('No target');
  });

  it('can be used exactly when the seat list carries the target layer, on the 2024 boundaries', () => {
    expect(availability(targetMeasure, full).state).toBe('ok');
    expect(availability(targetMeasure, { boundarySet: '2024', layers: { target: 'status' } }).state).toBe(
      'ok',
    );
    expect(availability(targetMeasure, { boundarySet: '2024', layers: {} })).toMatchObject({
      state: 'denied',
      tag: 'sign in',
    });
    expect(availability(targetMeasure, { boundarySet: '2024', layers: undefined }).state).toBe('unknown');
    expect(availability(targetMeasure, { boundarySet: '2010', layers: { target: 'full' } })).toMatchObject({
      state: 'denied',
      tag: '2024 only',
    });
  });

  it('keeps its filters in the URL, drops unknown values, and sends them to the server only when usable', () => {
    const s = parseViewState('?measure=target&target=DEFEND&tier=2&sort=-target');
    expect([s.measure, s.filters.target, s.filters.tier]).toEqual(['target', 'DEFEND', '2']);
    expect(parseViewState(serializeViewState(s))).toEqual(s);
    expect(parseViewState('?target=MAYBE&tier=4').filters).toEqual({});

    expect(seatListParams(s, full)).toMatchObject({ target: 'DEFEND', tier: '2', sort: '-target' });
    // Signed out with targets private, or before the list has said: neither filter nor sort is sent.
    for (const layers of [{}, undefined]) {
      const params = seatListParams(s, { boundarySet: '2024', layers });
      expect(params).not.toHaveProperty('target');
      expect(params).not.toHaveProperty('tier');
      expect(params.sort).toBe('name');
    }
  });

  it('drops a sort by tier, which has no column, for a caller without targets (a shared staff link)', () => {
    for (const sort of ['tier', '-tier']) {
      const s = parseViewState(`?sort=${sort}`);
      expect(seatListParams(s, full).sort).toBe(sort);
      for (const layers of [{}, undefined]) {
        expect(seatListParams(s, { boundarySet: '2024', layers }).sort).toBe('name');
      }
    }
  });

  it('adds a Target column with status and tier, and marks a red-wall flag set by staff', () => {
    const [column] = targetMeasure.columns ?? [];
    expect(column).toMatchObject({ header: 'Target', sort: 'target' });
    const row = {
      target: { status: 'WIN', tier: 1, redWallOverride: true, redWallReason: 'Local knowledge' },
    } as TSeatSummary;
    const html = (seat: TSeatSummary) => renderToStaticMarkup(column?.cell(seat, (c) => c) as ReactElement);
    expect(html(row)).toContain('Win (gain), tier 1');
    expect(html(row)).toContain('Red wall by staff');
    expect(html(row)).toContain('title="Red-wall flag set by staff: Local knowledge"');
    expect(html({ target: { status: 'NONE', tier: null } } as TSeatSummary)).toBe('–');
    expect(targetMeasure.CardSection).toBeDefined();
  });
});
