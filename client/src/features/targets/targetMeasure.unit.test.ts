import { describe, expect, it } from 'vitest';
import { parseViewState, serializeViewState } from '../explorer/viewState.ts';
import { describeValue } from '../seat-map/measureText.ts';
import { classCounts, colourScale, type SeatValues } from '../seat-map/measures.ts';

const base: SeatValues = { leavePct: 50, deprivationDecile: 5, result: null };
const scale = colourScale('target', new Map(), []);

describe('target status measure', () => {
  it('labels every class with its status and tier, and seats without a status as No target', () => {
    const labels = scale.groups.flatMap((g) => g.classes.map((c) => c.label));
    expect(labels).toContain('Defend, tier 1');
    expect(labels).toContain('Win (gain), tier 3');
    expect(labels.at(-1)).toBe('No target');
    expect(scale.classOf({ ...base, target: { status: 'DEFEND', tier: 1 } })?.label).toBe('Defend, tier 1');
    expect(scale.classOf({ ...base, target: null })?.label).toBe('No target');
    expect(scale.classOf({ ...base, target: { status: 'NONE', tier: null } })?.label).toBe('No target');
    // Targets not loaded (or not visible): no data rather than a claim that there is no target.
    expect(scale.classOf(base)).toBeNull();
  });

  it('counts seats per class and describes them in words', () => {
    const seats: SeatValues[] = [
      { ...base, target: { status: 'WIN', tier: 2 } },
      { ...base, target: { status: 'WIN', tier: 2 } },
      { ...base, target: null },
    ];
    const counts = classCounts(scale, seats);
    expect(counts.get('WIN-2')).toBe(2);
    expect(counts.get('NONE')).toBe(1);
    expect(describeValue('target', seats[0] as SeatValues, (c) => c)).toBe('Target: Win (gain), tier 2');
    expect(describeValue('target', seats[2] as SeatValues, (c) => c)).toBe('No target');
  });

  it('keeps the target filter in the URL and drops unknown values', () => {
    const s = parseViewState('?measure=target&target=DEFEND');
    expect([s.measure, s.target]).toEqual(['target', 'DEFEND']);
    expect(parseViewState(serializeViewState(s))).toEqual(s);
    expect(parseViewState('?target=MAYBE').target).toBeUndefined();
  });
});
