// The data bundle shipped in the repository (prisma/seed/groundwork-data.json.gz): the whole Dataset in
// one gzipped JSON document, with seat shapes as TopoJSON, so a fresh install can load the official data
// without the source files. It is derived, not a copy: built by `npm run data:bundle` from the official
// files and reproducible byte for byte (see writeBundle).
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import { BOUNDARY_SETS, type TBoundarySet } from '../../contracts/common.ts';
import { DATA_ATTRIBUTION, SOURCE_CREDITS } from './attribution.ts';
import {
  ZBoundarySetInfo,
  ZConstituency,
  ZDataset,
  ZElection,
  ZNation,
  ZOverlap,
  ZParty,
  ZRegion,
  ZResult,
  type Dataset,
} from './dataset.ts';
import { ImportError } from './errors.ts';
import { GEOMETRY_DECIMALS, ZSeatsTopology, seatsToTopology, topologyToGeometries } from './topology.ts';

export const BUNDLE_FORMAT = 'groundwork-data';
export const BUNDLE_VERSION = 1;

const ZBundleMeta = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  /** When this content was first built; kept while the content is unchanged, so rebuilds are identical. */
  builtAt: z.iso.datetime(),
  /** SHA-256 of the bundle's content (everything but meta). */
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  geometryDecimals: z.number().int(),
  sources: z.array(z.string()),
  attribution: z.array(z.string()),
});
export type BundleMeta = z.infer<typeof ZBundleMeta>;

const ZBundleContent = z.object({
  nations: z.array(ZNation),
  regions: z.array(ZRegion),
  boundarySets: z.array(ZBoundarySetInfo),
  parties: z.array(ZParty),
  elections: z.array(ZElection),
  constituencies: z.array(ZConstituency.omit({ geometry: true })),
  topology: z.record(z.enum(BOUNDARY_SETS), ZSeatsTopology),
  results: z.array(ZResult),
  overlaps: z.array(ZOverlap),
});
type BundleContent = z.infer<typeof ZBundleContent>;

const ZBundle = ZBundleContent.extend({ meta: ZBundleMeta });

export function defaultBundlePath(repoRoot: string): string {
  return path.join(repoRoot, 'prisma/seed/groundwork-data.json.gz');
}

/**
 * The official files the bundle is built from, carried in the repository (open-licensed; see
 * docs/data-sources.md) so a clone anywhere can rebuild the bundle and run the importer's tests.
 */
export function defaultOfficialDir(repoRoot: string): string {
  return path.join(repoRoot, 'prisma/seed/official');
}

function toContent(dataset: Dataset): BundleContent {
  const topologyFor = (set: TBoundarySet) =>
    seatsToTopology(dataset.constituencies.filter((c) => c.boundarySetCode === set));
  return {
    nations: dataset.nations,
    regions: dataset.regions,
    boundarySets: dataset.boundarySets,
    parties: dataset.parties,
    elections: dataset.elections,
    constituencies: dataset.constituencies.map(({ geometry: _geometry, ...rest }) => rest),
    topology: { '2010': topologyFor('2010'), '2024': topologyFor('2024') },
    results: dataset.results,
    overlaps: dataset.overlaps,
  };
}

async function readMeta(file: string): Promise<BundleMeta | null> {
  try {
    const json: unknown = JSON.parse((await promisify(gunzip)(await fs.readFile(file))).toString('utf8'));
    const parsed = z.object({ meta: ZBundleMeta }).safeParse(json);
    return parsed.success ? parsed.data.meta : null;
  } catch {
    return null;
  }
}

export interface EncodedBundle {
  bytes: Buffer;
  meta: BundleMeta;
}

/**
 * Encodes a dataset as bundle bytes. builtAt is taken from `previous` when its content hash matches, so
 * building twice from the same files gives the same bytes (gzip output has no timestamp of its own).
 */
export async function encodeBundle(
  dataset: Dataset,
  previous?: BundleMeta | null,
  now = new Date(),
): Promise<EncodedBundle> {
  const content = toContent(dataset);
  const contentJson = JSON.stringify(content);
  const contentSha256 = createHash('sha256').update(contentJson).digest('hex');
  const meta: BundleMeta = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    builtAt: previous?.contentSha256 === contentSha256 ? previous.builtAt : now.toISOString(),
    contentSha256,
    geometryDecimals: GEOMETRY_DECIMALS,
    sources: SOURCE_CREDITS,
    attribution: DATA_ATTRIBUTION,
  };
  const json = `{"meta":${JSON.stringify(meta)},${contentJson.slice(1)}`;
  const bytes = await promisify(gzip)(Buffer.from(json, 'utf8'), { level: 9 });
  return { bytes, meta };
}

/** Writes the bundle; returns its meta and whether the file's bytes changed. */
export async function writeBundle(
  dataset: Dataset,
  file: string,
): Promise<{ meta: BundleMeta; bytes: number; changed: boolean }> {
  const { bytes, meta } = await encodeBundle(dataset, await readMeta(file));
  const existing = await fs.readFile(file).catch(() => null);
  const changed = !existing || !existing.equals(bytes);
  if (changed) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  }
  return { meta, bytes: bytes.length, changed };
}

function bundleError(file: string, issues: readonly z.core.$ZodIssue[]): ImportError {
  return new ImportError(
    issues.map((i) => ({
      file,
      line: i.path.join('.') || '-',
      field: String(i.path.at(-1) ?? '(bundle)'),
      message: i.message,
    })),
  );
}

/** Reads and validates a bundle, turning its topologies back into per-seat GeoJSON geometry. */
export async function readBundle(file: string): Promise<Dataset & { meta: BundleMeta }> {
  let json: unknown;
  try {
    json = JSON.parse((await promisify(gunzip)(await fs.readFile(file))).toString('utf8'));
  } catch (error) {
    throw new ImportError([
      { file, line: '-', field: '(bundle)', message: `cannot be read: ${(error as Error).message}` },
    ]);
  }
  const parsed = ZBundle.safeParse(json);
  if (!parsed.success) throw bundleError(file, parsed.error.issues);
  const bundle = parsed.data;
  const geometries = new Map<TBoundarySet, ReturnType<typeof topologyToGeometries>>();
  for (const set of BOUNDARY_SETS) {
    const topo = bundle.topology[set];
    if (topo) geometries.set(set, topologyToGeometries(topo));
  }
  const constituencies: Dataset['constituencies'] = [];
  const missing: z.core.$ZodIssue[] = [];
  bundle.constituencies.forEach((c, i) => {
    const geometry = geometries.get(c.boundarySetCode)?.get(c.code);
    if (geometry) constituencies.push({ ...c, geometry });
    else
      missing.push({
        code: 'custom',
        path: ['constituencies', i],
        message: `no shape for ${c.boundarySetCode}/${c.code}`,
        input: c,
      });
  });
  if (missing.length > 0) throw bundleError(file, missing);
  const dataset: Dataset = { ...bundle, constituencies };
  const checked = ZDataset.safeParse(dataset);
  if (!checked.success) throw bundleError(file, checked.error.issues);
  return { ...checked.data, meta: bundle.meta };
}
