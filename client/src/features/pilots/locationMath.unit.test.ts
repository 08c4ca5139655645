import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { insideGeometry, roundLocation } from './locationMath.ts';

// A 2° square (lon 0..2, lat 50..52) with a hole in its middle, and an island east of it.
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 50],
      [2, 50],
      [2, 52],
      [0, 52],
      [0, 50],
    ],
    [
      [0.8, 50.8],
      [1.2, 50.8],
      [1.2, 51.2],
      [0.8, 51.2],
      [0.8, 50.8],
    ],
  ],
};
const withIsland: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    square.coordinates,
    [
      [
        [3, 50],
        [4, 50],
        [4, 51],
        [3, 50],
      ],
    ],
  ],
};

describe('a point against the seat outline', () => {
  it('is inside within the outer ring, outside in a hole or beyond', () => {
    expect(insideGeometry(square, { lat: 50.5, lng: 0.5 })).toBe(true);
    expect(insideGeometry(square, { lat: 51, lng: 1 })).toBe(false); // in the hole
    expect(insideGeometry(square, { lat: 53, lng: 1 })).toBe(false);
    expect(insideGeometry(square, { lat: 51, lng: -0.1 })).toBe(false);
  });

  it('counts the islands of a multi-part seat', () => {
    expect(insideGeometry(withIsland, { lat: 50.2, lng: 3.5 })).toBe(true);
    expect(insideGeometry(withIsland, { lat: 50.9, lng: 3.2 })).toBe(false);
  });

  it('rounds a tap to six decimals', () => {
    expect(roundLocation(55.123456789, -1.5)).toEqual({ lat: 55.123457, lng: -1.5 });
  });
});
