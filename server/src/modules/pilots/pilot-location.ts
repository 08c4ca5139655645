// Whether a pilot's point lies in its CLP's seat, and if not, in which 2024 seat it does lie. The test is
// @turf/boolean-point-in-polygon (holes and multipolygons handled) on the seat geometry the data load stored.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { TLocation } from '../../contracts/index.ts';
import { AppError } from '../../http/app-error.ts';

type Db = PrismaClient | Prisma.TransactionClient;
type SeatGeometry = Polygon | MultiPolygon;
type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

function bboxOf(geometry: SeatGeometry): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const rings: Position[][] =
    geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [lng, lat] of ring) {
      if (lng! < box[0]) box[0] = lng!;
      if (lat! < box[1]) box[1] = lat!;
      if (lng! > box[2]) box[2] = lng!;
      if (lat! > box[3]) box[3] = lat!;
    }
  }
  return box;
}

const inBox = (p: TLocation, b: BBox) => p.lng >= b[0] && p.lng <= b[2] && p.lat >= b[1] && p.lat <= b[3];
const contains = (geometry: SeatGeometry, p: TLocation) => booleanPointInPolygon([p.lng, p.lat], geometry);

/**
 * Bounding boxes of the 650 seats, read once per data import (only the boxes are kept, about 50 kB: the
 * geometry itself is read again for the few seats whose box holds the point).
 */
let boxes: { importId: number | null; items: { id: number; box: BBox }[] } | undefined;

async function seatBoxes(db: Db): Promise<{ id: number; box: BBox }[]> {
  const latest = await db.datasetImport.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  const importId = latest?.id ?? null;
  if (boxes?.importId === importId) return boxes.items;
  const seats = await db.constituency.findMany({
    where: { boundarySetCode: '2024' },
    select: { id: true, geometry: true },
  });
  const items = seats.map((s) => ({ id: s.id, box: bboxOf(s.geometry as unknown as SeatGeometry) }));
  boxes = { importId, items };
  return items;
}

/** The 2024 seat the point lies in, or undefined at sea (or outside the UK's seats). */
export async function seatAt(db: Db, point: TLocation): Promise<{ code: string; name: string } | undefined> {
  const candidates = (await seatBoxes(db)).filter((s) => inBox(point, s.box)).map((s) => s.id);
  if (candidates.length === 0) return undefined;
  const seats = await db.constituency.findMany({
    where: { id: { in: candidates } },
    select: { code: true, name: true, geometry: true },
  });
  const hit = seats.find((s) => contains(s.geometry as unknown as SeatGeometry, point));
  return hit ? { code: hit.code, name: hit.name } : undefined;
}

/** 422 on the field `location` unless the point lies inside the CLP's constituency. */
export async function assertInClpSeat(db: Db, clpId: number, point: TLocation): Promise<void> {
  const clp = await db.clp.findUnique({
    where: { id: clpId },
    select: { constituency: { select: { name: true, geometry: true } } },
  });
  if (!clp) throw AppError.notFound(`CLP ${clpId}`);
  const own = clp.constituency;
  if (contains(own.geometry as unknown as SeatGeometry, point)) return;
  const actual = await seatAt(db, point);
  const message = actual
    ? `is in ${actual.name}, not in ${own.name}: choose a point inside ${own.name}`
    : `is not inside any constituency: choose a point inside ${own.name}`;
  throw new AppError('UNPROCESSABLE', `location ${message}`, [{ field: 'location', message }]);
}
