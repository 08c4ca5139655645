import { describe, expect, it } from 'vitest';
import { boardSearch, goalText, periodProblems, readBoardUrl, regionsMetText } from './api.ts';
import { goalProblem } from './GoalEditor.tsx';
import { fmtPoints } from './VoteEffect.tsx';

describe('the pilot board', () => {
  it('says the region against the goal in words', () => {
    expect(goalText(2, 3)).toBe('2 of 3 pilots under way — 1 to go');
    expect(goalText(0, 1)).toBe('0 of 1 pilot under way — 1 to go');
    expect(goalText(3, 3)).toBe('3 pilots under way — the goal of 3 is met');
    expect(goalText(6, 3)).toBe('6 pilots under way — the goal of 3 is met');
    expect(goalText(1, 1)).toBe('1 pilot under way — the goal of 1 is met');
  });

  it('says how many regions have met the goal, singular or plural', () => {
    expect(regionsMetText(1, 12, 3)).toBe('1 of 12 regions has met the goal of 3 pilots under way.');
    expect(regionsMetText(0, 12, 3)).toBe('0 of 12 regions have met the goal of 3 pilots under way.');
    expect(regionsMetText(2, 12, 1)).toBe('2 of 12 regions have met the goal of 1 pilot under way.');
  });

  it('refuses an activity period that ends before it starts, in words, on the from field', () => {
    expect(periodProblems({ from: '2026-03-01', to: '2026-02-01' })).toEqual({
      from: 'Activity from must be on or before Activity to',
    });
    expect(periodProblems({ from: '2026-02-01', to: '2026-02-01' })).toEqual({});
    expect(periodProblems({ from: '2026-02-01' })).toEqual({});
  });

  it('reads its region and filters from the URL leniently and writes them back', () => {
    const read = readBoardUrl('?region=E12000001&status=active&kind=nonsense&from=2026-01-01&to=soon');
    expect(read).toEqual({ region: 'E12000001', filters: { status: 'active', from: '2026-01-01' } });
    expect(boardSearch(read.region, read.filters)).toBe('?region=E12000001&status=active&from=2026-01-01');
    expect(readBoardUrl('?region=all').region).toBe('all');
    expect(readBoardUrl('?region=north').region).toBeUndefined();
    expect(boardSearch(undefined, {})).toBe('');
  });

  it('checks the goal as the server does before sending it', () => {
    expect(goalProblem('3')).toBeUndefined();
    expect(goalProblem(' 50 ')).toBeUndefined();
    for (const bad of ['0', '51', '2.5', '-1', '', 'three']) expect(goalProblem(bad)).toMatch(/1 to 50/);
  });

  it('gives changes in points with their sign', () => {
    expect([fmtPoints(1.24), fmtPoints(-0.36), fmtPoints(0.01), fmtPoints(null)]).toEqual([
      '+1.2',
      '−0.4',
      '0.0',
      '–',
    ]);
  });
});
