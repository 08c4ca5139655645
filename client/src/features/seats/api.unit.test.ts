import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError.ts';
import { checkedSeatList } from './api.ts';

const row = {
  code: 'E14001063',
  name: 'Aldershot',
  boundarySet: '2024',
  region: { code: 'E12000008', name: 'South East' },
  nation: { code: 'E92000001', name: 'England' },
  electorate: 76_000,
  leavePct: 57.9,
  deprivationDecile: 7,
  redWall: false,
  redWallComputed: false,
  result: null,
};
const list = (items: unknown[]) => ({
  boundarySet: '2024',
  election: 'GE2024',
  total: items.length,
  limit: 1000,
  offset: 0,
  layers: {},
  items,
});

function refusal(body: unknown): unknown {
  try {
    checkedSeatList(body);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('checking the seat list', () => {
  it('accepts a list in the contract, and an empty one', () => {
    const ok = list([row, { ...row, code: 'E14001064', name: 'Aldridge' }]);
    expect(checkedSeatList(ok)).toBe(ok);
    expect(checkedSeatList(list([])).items).toEqual([]);
  });

  it('refuses a first row out of the contract, a row without a code, and a bad envelope', () => {
    for (const body of [
      list([{ ...row, redWall: 'no' }]),
      list([row, { name: 'No code' }]),
      list([row, null]),
      { ...list([row]), boundarySet: '2031' },
      { items: 'none' },
      null,
    ]) {
      const e = refusal(body);
      expect(e, JSON.stringify(body)).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe('BAD_RESPONSE');
    }
  });
});
