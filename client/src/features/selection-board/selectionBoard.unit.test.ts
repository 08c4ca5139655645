import { describe, expect, it } from 'vitest';
import { keptText, readFilters, troubleText } from './api.ts';

describe('the selections board', () => {
  it('reads its filters from the URL, leaving out what it does not know', () => {
    expect(readFilters('?electionType=general&stage=shortlist')).toEqual({
      electionType: 'general',
      stage: 'shortlist',
    });
    expect(readFilters('?electionType=local&stage=later&x=1')).toEqual({});
  });

  it('says the share kept in words and numbers, among the selections a rule applies to', () => {
    expect(keptText({ kept: 2, atRisk: 0, broken: 1, off: 4 })).toBe('2 of 3 kept (67%)');
    expect(keptText({ kept: 0, atRisk: 0, broken: 0, off: 3 })).toBeNull();
    expect(troubleText({ kept: 2, atRisk: 1, broken: 1, off: 0 })).toBe('1 broken, 1 at risk');
    expect(troubleText({ kept: 2, atRisk: 0, broken: 0, off: 0 })).toBe('');
  });
});
