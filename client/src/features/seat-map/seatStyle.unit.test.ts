import { describe, expect, it } from 'vitest';
import { contrastRatio, KEYBOARD_OUTLINE, outlineContrast, SELECTED_OUTLINE } from './seatStyle.ts';

// The parties that win seats, with the colours the data bundle gives them (server/src/modules/import).
const PARTY_COLOURS: Record<string, string> = {
  Lab: '#E4003B',
  Con: '#0087DC',
  LD: '#FAA61A',
  SNP: '#FDF38E',
  PC: '#005B54',
  Green: '#02A95B',
  RUK: '#12B6CF',
  DUP: '#D46A4C',
  SF: '#326760',
  SDLP: '#2AA82C',
  UUP: '#48A5EE',
  APNI: '#F6CB2F',
  TUV: '#0C3A6A',
  Spk: '#909090',
  Ind: '#DDDDDD',
};

describe('contrastRatio', () => {
  it('gives the WCAG figures for black, white and grey', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('the selected and keyboard outlines', () => {
  it.each(Object.entries(PARTY_COLOURS))('stand out at least 3:1 on %s (%s)', (_party, colour) => {
    expect(outlineContrast(SELECTED_OUTLINE, colour)).toBeGreaterThanOrEqual(3);
    expect(outlineContrast(KEYBOARD_OUTLINE, colour)).toBeGreaterThanOrEqual(3);
  });

  it('is a bright line inside a wider dark halo, so both show on each side of the boundary', () => {
    expect(SELECTED_OUTLINE.haloWeight).toBeGreaterThan(SELECTED_OUTLINE.lineWeight + 3);
    expect(contrastRatio(SELECTED_OUTLINE.halo, SELECTED_OUTLINE.line)).toBeGreaterThanOrEqual(3);
  });
});
