import { describe, expect, it } from 'vitest';
import { applyChange, parseViewState, serializeViewState } from './viewState.ts';

describe('parseViewState', () => {
  it('defaults to the current boundaries and the 2024 election', () => {
    expect(parseViewState('')).toMatchObject({
      boundarySet: '2024',
      election: 'GE2024',
      measure: 'winner',
      view: 'geo',
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
      winner: undefined,
      redWall: true,
      minSwing: 1,
      maxSwing: 5,
      seat: 'E14000577',
      sort: '-majority',
    });
  });

  it('replaces an election that is not on these boundaries', () => {
    expect(parseViewState('?boundarySet=2010&election=GE2024').election).toBe('GE2019');
  });

  it('ignores junk instead of failing', () => {
    const s = parseViewState('?measure=colour&region=north&minSwing=abc&sort=drop table&seat=1');
    expect(s).toMatchObject({
      measure: 'winner',
      region: undefined,
      minSwing: undefined,
      sort: 'name',
      seat: undefined,
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
});

describe('applyChange', () => {
  it('switches to the default election and drops the seat when the boundaries change', () => {
    const s = parseViewState('?boundarySet=2024&election=GE2019N&seat=E14001063');
    expect(applyChange(s, { boundarySet: '2010' })).toMatchObject({ election: 'GE2019', seat: undefined });
  });

  it('keeps a seat chosen together with its boundaries', () => {
    const s = parseViewState('?boundarySet=2024');
    expect(applyChange(s, { boundarySet: '2010', seat: 'E14000577' }).seat).toBe('E14000577');
  });
});
