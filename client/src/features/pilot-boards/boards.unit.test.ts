import { describe, expect, it } from 'vitest';
import { boardSearch, goalText, readBoardUrl } from './api.ts';
import { goalProblem } from './GoalEditor.tsx';
import { fmtPoints } from './VoteEffect.tsx';

describe('the pilot board', () => {
  it('says the region against the goal in words', () => {
    expect(goalText(2, 3)).toBe('2 of 3 pilots — 1 to go');
    expect(goalText(0, 1)).toBe('0 of 1 pilot — 1 to go');
    expect(goalText(3, 3)).toBe('3 of 3 pilots — goal met');
    expect(goalText(5, 3)).toBe('5 of 3 pilots — goal met');
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
