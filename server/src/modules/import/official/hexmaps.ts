// Open Innovations HexJSON hex cartograms: `hexes` keyed by ONS code with q/r offset coordinates. The
// boundary set is told from the codes; the 2024 map also names each seat's region, checked later
// against the results.
import { z } from 'zod';
import type { TBoundarySet } from '../../../contracts/common.ts';
import type { Problems } from '../errors.ts';
import { majoritySet } from './keyed.ts';

export interface Hex {
  location: string;
  q: number;
  r: number;
  name: string | null;
  region: string | null;
}

export interface ParsedHexmap {
  file: string;
  set: TBoundarySet;
  hexes: Map<string, Hex>;
}

const ZHexJson = z.object({ layout: z.string(), hexes: z.record(z.string(), z.unknown()) });
const ZHex = z
  .object({
    q: z.number().int('must be a whole number'),
    r: z.number().int('must be a whole number'),
    n: z.string().optional(),
    region: z.string().optional(),
  })
  .loose();

export function isHexJson(json: unknown): boolean {
  return ZHexJson.safeParse(json).success;
}

export function parseHexmap(file: string, json: unknown, problems: Problems): ParsedHexmap | null {
  const parsed = ZHexJson.safeParse(json);
  if (!parsed.success) return null;
  const set = majoritySet(Object.keys(parsed.data.hexes));
  if (!set) return null;
  if (parsed.data.layout !== 'odd-r') {
    problems.add(
      file,
      '-',
      'layout',
      `must be "odd-r" (the app draws odd-r offsets), got ${JSON.stringify(parsed.data.layout)}`,
    );
    return null;
  }
  const hexes = new Map<string, Hex>();
  for (const [code, raw] of Object.entries(parsed.data.hexes)) {
    const location = `hex ${code}`;
    const hex = ZHex.safeParse(raw);
    if (!hex.success) {
      for (const issue of hex.error.issues)
        problems.add(file, location, issue.path.join('.') || 'hex', issue.message);
      continue;
    }
    hexes.set(code, {
      location,
      q: hex.data.q,
      r: hex.data.r,
      name: hex.data.n?.trim().normalize('NFC') || null,
      region: hex.data.region ?? null,
    });
  }
  return { file, set, hexes };
}
