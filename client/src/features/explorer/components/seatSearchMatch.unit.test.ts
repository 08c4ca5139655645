import { describe, expect, it } from 'vitest';
import { isCodeSearch, matchSeats, normaliseName } from './seatSearchMatch.ts';

const seats = [
  { code: 'A', name: 'Blyth Valley' },
  { code: 'B', name: 'Blaydon' },
  { code: 'C', name: 'Wansbeck' },
  { code: 'D', name: 'Ynys Môn' },
  { code: 'E', name: 'Brighton, Kemptown' },
  { code: 'F', name: 'Cities of London and Westminster' },
];

describe('normaliseName', () => {
  it('drops accents, case and punctuation', () => {
    expect(normaliseName('Ynys Môn')).toBe('ynys mon');
    expect(normaliseName('Brighton, Kemptown')).toBe('brighton kemptown');
  });
});

describe('matchSeats', () => {
  it('puts names starting with the text first', () => {
    expect(matchSeats(seats, 'bl').map((s) => s.code)).toEqual(['B', 'A']);
  });

  it('matches every typed word anywhere in the name', () => {
    expect(matchSeats(seats, 'london west').map((s) => s.code)).toEqual(['F']);
    expect(matchSeats(seats, 'ynys mon').map((s) => s.code)).toEqual(['D']);
  });

  it('prefers an exact name', () => {
    expect(matchSeats([...seats, { code: 'G', name: 'Blyth Valley North' }], 'Blyth Valley')[0]?.code).toBe(
      'A',
    );
  });

  it('finds a seat by its ONS code, whole or its start, in any case', () => {
    const coded = [
      { code: 'E14001107', name: 'Blyth and Ashington' },
      { code: 'E14001108', name: 'Bolsover' },
      { code: 'S14000021', name: 'East Lothian' },
    ];
    expect(matchSeats(coded, 'E14001107').map((s) => s.name)).toEqual(['Blyth and Ashington']);
    expect(matchSeats(coded, ' e1400110 ').map((s) => s.code)).toEqual(['E14001107', 'E14001108']);
    expect(matchSeats(coded, 's14').map((s) => s.code)).toEqual(['S14000021']);
    expect(matchSeats(coded, 'E99')).toEqual([]);
    expect(isCodeSearch('E14001107')).toBe(true);
    expect(isCodeSearch('East')).toBe(false);
  });

  it('finds nothing for blank text', () => {
    expect(matchSeats(seats, '  ')).toEqual([]);
  });
});
