import { describe, expect, it } from 'vitest';
import { nearestSeat, nextSeat, type PlanePoint } from './seatNavigation.ts';

// A small grid of seats, screen-style (y grows downwards):
//   A(0,0)  B(10,0)  C(20,0)
//   D(0,10) E(10,10)          F(30,12)
const points = new Map<string, PlanePoint>([
  ['A', { x: 0, y: 0 }],
  ['B', { x: 10, y: 0 }],
  ['C', { x: 20, y: 0 }],
  ['D', { x: 0, y: 10 }],
  ['E', { x: 10, y: 10 }],
  ['F', { x: 30, y: 12 }],
]);

describe('nextSeat', () => {
  it('steps to the neighbour in each direction', () => {
    expect(nextSeat(points, 'B', [1, 0])).toBe('C');
    expect(nextSeat(points, 'B', [-1, 0])).toBe('A');
    expect(nextSeat(points, 'B', [0, 1])).toBe('E');
    expect(nextSeat(points, 'E', [0, -1])).toBe('B');
  });

  it('prefers a seat straight ahead to a nearer one off to the side', () => {
    expect(nextSeat(points, 'D', [1, 0])).toBe('E');
    expect(nextSeat(points, 'E', [1, 0])).toBe('F');
  });

  it('finds nothing past the edge, or from an unknown seat', () => {
    expect(nextSeat(points, 'A', [-1, 0])).toBeNull();
    expect(nextSeat(points, 'A', [0, -1])).toBeNull();
    expect(nextSeat(points, 'Z', [1, 0])).toBeNull();
  });
});

describe('nearestSeat', () => {
  it('is the seat closest to the point, or none without seats', () => {
    expect(nearestSeat(points, { x: 12, y: 8 })).toBe('E');
    expect(nearestSeat(new Map(), { x: 0, y: 0 })).toBeUndefined();
  });
});
