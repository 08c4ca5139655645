import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  buildShapes,
  hexCentre,
  hexCollection,
  hexShapes,
  labelPoint,
  toLatLng,
  type SeatCollection,
} from './geometry.ts';

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

describe('shapes made for the first paint', () => {
  const square = (x: number, y: number): Position[] => [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ];
  const collection: SeatCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'E1',
        properties: { name: 'One' },
        geometry: { type: 'Polygon', coordinates: [square(0, 50)] },
      },
      {
        type: 'Feature',
        id: 'E2',
        properties: { name: 'Two' },
        geometry: { type: 'MultiPolygon', coordinates: [[square(2, 51)], [square(4, 52)]] },
      },
    ],
  };

  it('gives each seat the label point and bounds its geometry has, and the union of them', () => {
    const shapes = buildShapes('geo', '2024', collection);
    for (const f of collection.features) {
      const place = shapes.places.get(f.id);
      expect(place?.name).toBe(f.properties.name);
      expect(place?.label).toEqual(toLatLng(labelPoint(f.geometry)));
      expect(place?.bounds).toEqual(boundsOf(f.geometry));
      expect(place?.label).toBe(place?.label); // worked out once
    }
    expect(shapes.bounds).toEqual([
      [50, 0],
      [53, 5],
    ]);
  });

  it('makes the hex map lazily with the same hexagons, centres and boxes', () => {
    const hex = {
      layout: 'odd-r' as const,
      hexes: {
        E1: { n: 'One', q: 0, r: 0, region: 'X' },
        E2: { n: 'Two', q: 3, r: -1, region: 'X' },
      },
    };
    const lazy = hexShapes('2024', hex);
    expect(lazy.key).toBe('hex-2024');
    expect(lazy.places.get('E2')?.name).toBe('Two');
    expect(lazy.collection).toEqual(hexCollection(hex));
    expect(lazy.collection).toBe(lazy.collection);
    for (const f of lazy.collection.features) {
      const place = lazy.places.get(f.id);
      const [x, y] = hexCentre(hex.hexes[f.id as 'E1'].q, hex.hexes[f.id as 'E1'].r);
      expect(place?.label[0]).toBeCloseTo(y);
      expect(place?.label[1]).toBeCloseTo(x);
      const [[s, w], [n, e]] = boundsOf(f.geometry);
      const [[ls, lw], [ln, le]] = place?.bounds ?? [[], []];
      for (const [a, b] of [
        [s, ls],
        [w, lw],
        [n, ln],
        [e, le],
      ] as [number, number][])
        expect(a).toBeCloseTo(b, 9);
    }
  });
});
