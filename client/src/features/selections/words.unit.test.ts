import { describe, expect, it } from 'vitest';
import { countWords, ruleValueWords } from './words.ts';

describe('rule settings and withheld counts in words', () => {
  it('says On or Off for a switch, a percentage for a share and a number for a size', () => {
    expect(ruleValueWords('womenOnLonglist', true)).toBe('On');
    expect(ruleValueWords('membersBallot', false)).toBe('Off');
    expect(ruleValueWords('localShare', 40)).toBe('40%');
    expect(ruleValueWords('longlistSize', 3)).toBe('3');
  });

  it('explains a withheld count without saying which side is short', () => {
    expect(countWords(null, 3)).toBe('withheld (shown only with at least 3 on each side)');
    expect(countWords(4, 3)).toBe('4');
  });
});
