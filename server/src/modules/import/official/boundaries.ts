// ONS constituency boundary GeoJSON (the "BUC" ultra-generalised, coastline-clipped releases). These are
// the master list of seats for each boundary set: every other file is checked against their codes. The
// set is told from the code property's name: PCON24CD for July 2024; PCON10CD…PCON23CD for the 2010 set.
import { z } from 'zod';
import type { TBoundarySet } from '../../../contracts/common.ts';
import type { Problems } from '../errors.ts';
import { ZGeometry, type DatasetGeometry } from '../dataset.ts';
import { setsOfCode } from '../reference.ts';

export interface BoundarySeat {
  location: string;
  code: string;
  name: string;
  nameWelsh: string | null;
  geometry: DatasetGeometry;
}

export interface ParsedBoundaries {
  file: string;
  set: TBoundarySet;
  seats: Map<string, BoundarySeat>;
}

const ZFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({ properties: z.record(z.string(), z.unknown()).nullable().optional() }).loose(),
  ),
  crs: z
    .object({ properties: z.object({ name: z.string() }).loose() })
    .loose()
    .optional(),
});

/** The property holding the ONS code and the set it implies, or null if this is not a constituency file. */
export function boundaryCodeProperty(json: unknown): { key: string; set: TBoundarySet } | null {
  const parsed = ZFeatureCollection.safeParse(json);
  const props = parsed.success ? parsed.data.features[0]?.properties : null;
  for (const key of Object.keys(props ?? {})) {
    const m = /^pcon(\d\d)cd$/i.exec(key);
    if (m) return { key, set: Number(m[1]) >= 24 ? '2024' : '2010' };
  }
  return null;
}

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().normalize('NFC') : null;

// Positions may carry a third (height) value in some GIS exports; only lon/lat are kept.
const ZLooseGeometry = z
  .object({ type: z.string(), coordinates: z.unknown() })
  .transform((g) => ({ ...g, coordinates: flatten2d(g.coordinates) }))
  .pipe(ZGeometry);

function flatten2d(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length >= 2 && value.every((v) => typeof v === 'number')) return value.slice(0, 2);
  return value.map(flatten2d);
}

export function parseBoundaries(file: string, json: unknown, problems: Problems): ParsedBoundaries | null {
  const detected = boundaryCodeProperty(json);
  const collection = ZFeatureCollection.safeParse(json);
  if (!detected || !collection.success) return null;
  const crs = collection.data.crs?.properties.name ?? '';
  if (/27700/.test(crs)) {
    problems.add(
      file,
      '-',
      'crs',
      'is British National Grid (EPSG:27700); download the WGS84 (EPSG:4326) GeoJSON instead',
    );
    return null;
  }
  const { key, set } = detected;
  const nameKey = key.replace(/cd$/i, (m) => (m === 'CD' ? 'NM' : 'nm'));
  const welshKey = `${nameKey}${nameKey.endsWith('NM') ? 'W' : 'w'}`;
  const seats = new Map<string, BoundarySeat>();
  collection.data.features.forEach((feature, i) => {
    const location = `feature ${i + 1}`;
    const props = feature.properties ?? {};
    const code = text(props[key]);
    const name = text(props[nameKey]);
    if (!code || !/^[A-Z]\d{8}$/.test(code))
      return problems.add(file, location, key, `must be an ONS code, got ${JSON.stringify(props[key])}`);
    if (!name) return problems.add(file, location, nameKey, 'must not be blank');
    if (!setsOfCode(code).includes(set)) {
      return problems.add(file, location, key, `${code} is not a ${set}-set constituency code`);
    }
    const geometry = ZLooseGeometry.safeParse(feature['geometry']);
    if (!geometry.success) {
      const issue = geometry.error.issues[0];
      return problems.add(
        file,
        location,
        'geometry',
        `${issue?.path.join('.') || 'geometry'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const previous = seats.get(code);
    if (previous)
      return problems.add(file, location, key, `${code} appears again (first at ${previous.location})`);
    seats.set(code, { location, code, name, nameWelsh: text(props[welshKey]), geometry: geometry.data });
  });
  return { file, set, seats };
}
