import { describe, expect, it } from 'vitest';
import { applyChange, filterCount, NO_FILTERS, parseViewState, serializeViewState } from './viewState.ts';

describe('parseViewState', () => {
  it('defaults to the current boundaries and the 2024 election', () => {
    expect(parseViewState('')).toMatchObject({
      boundarySet: '2024',
      election: 'GE2024',
      measure: 'winner',
      view: 'geo',
      filters: {},
      sort: 'name',
    });
  });

  it('reads a shared link', () => {
    const s = parseViewState(
      '?boundarySet=2010&election=GE2017&measure=majorityPct&view=hex&region=E12000001&redWall=true&minSwing=1&maxSwing=5&seat=E14000577&sort=-majority',
    );
    expect(s).toEqual({
      boundarySet: '2010',
      election: 'GE2017',
      measure: 'majorityPct',
      view: 'hex',
      region: 'E12000001',
      filters: { redWall: 'true', minSwing: '1', maxSwing: '5' },
      seat: 'E14000577',
      sort: '-majority',
    });
  });

  it('replaces an election that is not on these boundaries', () => {
    expect(parseViewState('?boundarySet=2010&election=GE2024').election).toBe('GE2019');
  });

  it('ignores junk instead of failing', () => {
    const s = parseViewState(
      '?measure=colour&region=north&minSwing=abc&maxSwing=101&winner=<b>&redWall=yes&sort=drop table&seat=1',
    );
    expect(s).toMatchObject({
      measure: 'winner',
      region: undefined,
      filters: {},
      sort: 'name',
      seat: undefined,
    });
  });

  it("reads each measure's filter keys, and puts a crossed swing band the right way round", () => {
    const s = parseViewState('?winner=Con&redWall=false&minSwing=7.5&maxSwing=02&target=WIN&tier=1');
    expect(s.filters).toEqual({
      winner: 'Con',
      redWall: 'false',
      minSwing: '2',
      maxSwing: '7.5',
      target: 'WIN',
      tier: '1',
    });
  });
});

describe('serializeViewState', () => {
  it('round-trips', () => {
    const s = parseViewState(
      '?boundarySet=2010&measure=leavePct&winner=Con&redWall=false&maxSwing=7.5&seat=E14000577',
    );
    expect(parseViewState(serializeViewState(s))).toEqual(s);
  });

  it("writes the filters in the registry's order, as the seat list's query does", () => {
    const s = parseViewState('?tier=2&maxSwing=5&winner=Lab&target=HOLD&redWall=true&minSwing=1');
    expect(serializeViewState(s)).toBe(
      'boundarySet=2024&election=GE2024&measure=winner&view=geo&winner=Lab&redWall=true&minSwing=1&maxSwing=5&target=HOLD&tier=2',
    );
  });
});

describe('applyChange', () => {
  it('switches to the default election and drops the seat when the boundaries change', () => {
    const s = parseViewState('?boundarySet=2024&election=GE2019N&seat=E14001063');
    expect(applyChange(s, { boundarySet: '2010' })).toMatchObject({ election: 'GE2019', seat: undefined });
  });

  it('merges filter changes and clears a key set to undefined', () => {
    const s = parseViewState('?winner=Lab&redWall=true');
    const next = applyChange(s, { filters: { redWall: undefined, target: 'WIN' } });
    expect(next.filters).toEqual({ winner: 'Lab', target: 'WIN' });
    expect(filterCount(next)).toBe(2);
    expect(applyChange(parseViewState('?region=E12000001&winner=Lab&tier=1'), NO_FILTERS)).toMatchObject({
      region: undefined,
      filters: {},
    });
  });

  it('keeps a seat chosen together with its boundaries', () => {
    const s = parseViewState('?boundarySet=2024');
    expect(applyChange(s, { boundarySet: '2010', seat: 'E14000577' }).seat).toBe('E14000577');
  });
});
