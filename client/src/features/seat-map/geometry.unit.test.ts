import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { boundsOf, buildShapes, hexCentre, hexCollection, labelPoint, toLatLng } from './geometry.ts';

function inside([x, y]: readonly [number, number], ring: Position[]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

describe('toLatLng', () => {
  it('swaps GeoJSON order for Leaflet order', () => {
    expect(toLatLng([-1.5, 55.1])).toEqual([55.1, -1.5]);
  });
});

describe('labelPoint', () => {
  it('lands inside a C-shaped seat whose box centre is outside it', () => {
    // A "C": the middle of its bounding box (2, 2) is in the gap.
    const ring: Position[] = [
      [0, 0],
      [4, 0],
      [4, 1],
      [1, 1],
      [1, 3],
      [4, 3],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    const g: Polygon = { type: 'Polygon', coordinates: [ring] };
    const p = labelPoint(g);
    expect(inside(p as [number, number], ring)).toBe(true);
  });

  it('uses the largest part of a multipolygon (the mainland, not an island)', () => {
    const island: Position[] = [
      [10, 10],
      [10.1, 10],
      [10.1, 10.1],
      [10, 10.1],
      [10, 10],
    ];
    const main: Position[] = [
      [0, 0],
      [3, 0],
      [3, 3],
      [0, 3],
      [0, 0],
    ];
    const p = labelPoint({ type: 'MultiPolygon', coordinates: [[island], [main]] });
    expect(inside(p as [number, number], main)).toBe(true);
  });

  it('avoids a hole', () => {
    const outer: Position[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const hole: Position[] = [
      [2, 2],
      [8, 2],
      [8, 8],
      [2, 8],
      [2, 2],
    ];
    const [x] = labelPoint({ type: 'Polygon', coordinates: [outer, hole] });
    expect(x < 2 || x > 8).toBe(true);
  });
});

describe('boundsOf', () => {
  it('returns south-west and north-east corners in Leaflet order', () => {
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [-2, 50],
          [1, 50],
          [1, 52],
          [-2, 52],
          [-2, 50],
        ],
      ],
    };
    expect(boundsOf(g)).toEqual([
      [50, -2],
      [52, 1],
    ]);
  });
});

describe('hex layout (odd-r, r northwards)', () => {
  it('shifts odd rows right by half a hexagon, negative rows included', () => {
    const [x0] = hexCentre(0, 0, 10);
    const [x1] = hexCentre(0, 1, 10);
    const [xm1] = hexCentre(0, -1, 10);
    const width = Math.sqrt(3) * 10;
    expect(x1 - x0).toBeCloseTo(width / 2);
    expect(xm1 - x0).toBeCloseTo(width / 2);
  });

  it('puts larger r further north', () => {
    expect(hexCentre(0, 28)[1]).toBeGreaterThan(hexCentre(0, -16)[1]);
  });

  it('makes one closed hexagon per seat with its name', () => {
    const shapes = buildShapes(
      'hex',
      '2010',
      hexCollection({
        layout: 'odd-r',
        hexes: {
          E1: { n: 'One', q: 0, r: 0, region: 'X' },
          E2: { n: 'Two', q: 1, r: 0, region: 'X' },
        },
      }),
    );
    expect(shapes.collection.features).toHaveLength(2);
    const ring = (shapes.collection.features[0]?.geometry as Polygon).coordinates[0] ?? [];
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    expect(shapes.places.get('E2')?.name).toBe('Two');
    expect(shapes.key).toBe('hex-2010');
  });
});
