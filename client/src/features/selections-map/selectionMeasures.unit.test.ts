import { describe, expect, it } from 'vitest';
import type { TSelectionLayer } from '@groundwork/server/contracts';
import { parseViewState, seatListParams, serializeViewState } from '../explorer/viewState.ts';
import { MEASURES } from '../explorer/measures.ts';
import { availability, colourScale, type SeatValues } from '../seat-map/measure.ts';
import { classCounts } from '../seat-map/measures.ts';
import { complianceMeasure, stageMeasure } from './selectionMeasures.tsx';

const base: SeatValues = { leavePct: 50, deprivationDecile: 5, result: null };
const NONE: TSelectionLayer = {
  selectionId: null,
  selectionStage: null,
  selectionCompliance: null,
  selectionBroken: 0,
};
const seat = (selection: Partial<TSelectionLayer> | undefined) =>
  ({ ...base, selection: selection && { ...NONE, selectionId: 7, ...selection } }) as SeatValues;
const stages = colourScale(stageMeasure, { parties: new Map(), seats: [] });
const compliance = colourScale(complianceMeasure, { parties: new Map(), seats: [] });

describe('the Selection stage measure', () => {
  it('groups the stages into five classes, named in words', () => {
    const label = (s: TSelectionLayer['selectionStage']) =>
      stages.classOf(seat({ selectionStage: s }))?.label;
    expect(stages.classOf(seat(undefined))?.label).toBe('No selection');
    expect(label(null)).toBe('No selection');
    expect(['trigger_ballot', 'timetable_set', 'applications_open'].map((s) => label(s as never))).toEqual([
      'Timetable or applications',
      'Timetable or applications',
      'Timetable or applications',
    ]);
    expect(label('longlist')).toBe('Longlist or shortlist');
    expect(label('shortlist')).toBe('Longlist or shortlist');
    expect(label('hustings')).toBe("Hustings or members' ballot");
    expect(label('members_ballot')).toBe("Hustings or members' ballot");
    expect(label('selected')).toBe('Selected or endorsed');
    expect(label('endorsed')).toBe('Selected or endorsed');
    expect(stages.describe(seat({ selectionStage: 'shortlist' }), (c) => c)).toBe('Selection: Shortlist');
    expect(stages.groups.flatMap((g) => g.classes).map((c) => c.label)).toHaveLength(5);
  });
});

describe('the Selection compliance measure', () => {
  it('classes seats as kept, at risk, broken or no selection, in words', () => {
    const label = (c: TSelectionLayer['selectionCompliance']) =>
      compliance.classOf(seat({ selectionStage: 'shortlist', selectionCompliance: c }))?.label;
    expect([label('kept'), label('at_risk'), label('broken'), label(null)]).toEqual([
      'Rules kept',
      'Rules at risk',
      'Rules broken',
      'No selection',
    ]);
    const broken = seat({ selectionStage: 'shortlist', selectionCompliance: 'broken', selectionBroken: 2 });
    expect(compliance.describe(broken, (c) => c)).toBe('2 rules broken');
    expect(compliance.describe(seat(undefined), (c) => c)).toBe('No selection');
  });

  it('counts seats per class for the legend', () => {
    const counts = classCounts(compliance, [
      seat({ selectionStage: 'shortlist', selectionCompliance: 'broken', selectionBroken: 1 }),
      seat({ selectionStage: 'longlist', selectionCompliance: 'broken', selectionBroken: 1 }),
      seat(NONE),
    ]);
    expect(counts.get('broken')).toBe(2);
    expect(counts.get('no-selection')).toBe(1);
    expect(counts.get('none')).toBeUndefined();
  });

  it('gives the table its words, not colours', () => {
    const row = seat({ selectionStage: 'hustings', selectionCompliance: 'at_risk' }) as never;
    expect(stageMeasure.columns?.[0]?.cell(row, (c) => c)).toBe('Hustings');
    expect(complianceMeasure.columns?.[0]?.cell(row, (c) => c)).toBe('Rules at risk');
    expect(complianceMeasure.columns?.[0]?.cell(seat(undefined) as never, (c) => c)).toBe('–');
  });
});

describe('both measures', () => {
  it('are in the measure menu, with a card section once only', () => {
    const ids = MEASURES.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['selection-stage', 'selection-compliance']));
    expect(MEASURES.filter((m) => m.id.startsWith('selection') && m.CardSection)).toHaveLength(1);
  });

  it('can be used when the seat list carries the selection layer, on the 2024 boundaries only', () => {
    const ok = { boundarySet: '2024', layers: { selection: 'public' } } as const;
    expect(availability(complianceMeasure, ok).state).toBe('ok');
    expect(availability(stageMeasure, { boundarySet: '2024', layers: {} })).toMatchObject({
      state: 'denied',
      reason: 'Sign in to see selections.',
    });
    expect(availability(stageMeasure, { ...ok, boundarySet: '2010' })).toMatchObject({ tag: '2024 only' });
  });

  it('keep their filters in the URL and send them only when the layer is there', () => {
    const s = parseViewState(
      '?measure=selection-compliance&selectionCompliance=broken&selectionStage=none&sort=-selectionCompliance',
    );
    expect([s.measure, s.filters.selectionCompliance, s.filters.selectionStage, s.sort]).toEqual([
      'selection-compliance',
      'broken',
      'none',
      '-selectionCompliance',
    ]);
    expect(parseViewState(serializeViewState(s))).toEqual(s);
    expect(parseViewState('?selectionCompliance=off&selectionStage=later').filters).toEqual({});
    const ok = seatListParams(s, { boundarySet: '2024', layers: { selection: 'public' } });
    expect([ok.selectionCompliance, ok.selectionStage, ok.sort]).toEqual([
      'broken',
      'none',
      '-selectionCompliance',
    ]);
    const signedOut = seatListParams(s, { boundarySet: '2024', layers: {} });
    expect([signedOut.selectionCompliance, signedOut.sort]).toEqual([undefined, 'name']);
  });
});
