import { describe, expect, it } from 'vitest';
import { matchSeats, normaliseName } from './seatSearchMatch.ts';

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

  it('finds nothing for blank text', () => {
    expect(matchSeats(seats, '  ')).toEqual([]);
  });
});
