// The normalised, in-memory form of all reference data, whatever it was read from (the official files or
// the shipped bundle). Everything is keyed by ONS code within a boundary set; database ids appear only
// when it is loaded. The schema is the single check applied at each edge (files read, bundle read).
import { z } from 'zod';
import { ZBoundarySet, ZElectionCode, ZPartyCode } from '../../contracts/common.ts';

const ZOnsCode = z.string().regex(/^[A-Z]\d{8}$/, 'must be an ONS code such as E14001063');
const ZCount = z.number().int().min(0);

const ZPosition = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ZRing = z.array(ZPosition).min(4, 'a ring needs at least 4 positions');
export const ZGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ZRing).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ZRing).min(1)).min(1) }),
]);
export type DatasetGeometry = z.infer<typeof ZGeometry>;

export const ZNation = z.object({ code: ZOnsCode, name: z.string().min(1) });
export const ZRegion = z.object({ code: ZOnsCode, name: z.string().min(1), nationCode: ZOnsCode });
export const ZBoundarySetInfo = z.object({
  code: ZBoundarySet,
  name: z.string().min(1),
  firstElection: z.number().int(),
  lastElection: z.number().int().nullable(),
});
export const ZParty = z.object({
  code: ZPartyCode,
  name: z.string().min(1),
  colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'must be a colour such as #E4003B'),
});
export const ZElection = z.object({
  code: ZElectionCode,
  name: z.string().min(1),
  polledOn: z.iso.date(),
  boundarySetCode: ZBoundarySet,
  notional: z.boolean(),
  source: z.string().min(1),
});

export const ZConstituency = z.object({
  boundarySetCode: ZBoundarySet,
  code: ZOnsCode,
  name: z.string().min(1),
  nameWelsh: z.string().min(1).nullable(),
  regionCode: ZOnsCode,
  nationCode: ZOnsCode,
  constituencyType: z.string().min(1).nullable(),
  /** At the latest election on this boundary set. */
  electorate: z.number().int().positive().nullable(),
  leaveShare: z.number().min(0).max(1).nullable(),
  deprivationDecile: z.number().int().min(1).max(10).nullable(),
  deprivationScore: z.number().nullable(),
  geometry: ZGeometry,
  hexQ: z.number().int(),
  hexR: z.number().int(),
});

export const ZVote = z.object({ party: ZPartyCode, votes: z.number().int().positive() });

export const ZResult = z.object({
  electionCode: ZElectionCode,
  constituencyCode: ZOnsCode,
  electorate: ZCount,
  validVotes: ZCount,
  /** Null for notional results, which have no ballots of their own. */
  invalidVotes: ZCount.nullable(),
  majority: ZCount,
  winnerCode: ZPartyCode,
  secondCode: ZPartyCode,
  resultText: z.string().min(1).nullable(),
  /** Parties with at least one vote, most votes first; they sum to validVotes. */
  votes: z.array(ZVote).min(1),
});

export const ZOverlap = z.object({
  /** 2010-set code. */
  fromCode: ZOnsCode,
  /** 2024-set code. */
  toCode: ZOnsCode,
  /** Share of the old seat's population living in the new seat, 0–1. */
  popShare: z.number().min(0).max(1),
  areaShare: z.number().min(0).max(1),
  population: ZCount,
});

const ZDatasetShape = z.object({
  nations: z.array(ZNation),
  regions: z.array(ZRegion),
  boundarySets: z.array(ZBoundarySetInfo),
  parties: z.array(ZParty),
  elections: z.array(ZElection),
  constituencies: z.array(ZConstituency),
  results: z.array(ZResult),
  overlaps: z.array(ZOverlap),
});

export type Dataset = z.infer<typeof ZDatasetShape>;
export type DatasetNation = z.infer<typeof ZNation>;
export type DatasetRegion = z.infer<typeof ZRegion>;
export type DatasetBoundarySet = z.infer<typeof ZBoundarySetInfo>;
export type DatasetParty = z.infer<typeof ZParty>;
export type DatasetElection = z.infer<typeof ZElection>;
export type DatasetConstituency = z.infer<typeof ZConstituency>;
export type DatasetResult = z.infer<typeof ZResult>;
export type DatasetVote = z.infer<typeof ZVote>;
export type DatasetOverlap = z.infer<typeof ZOverlap>;

export interface IntegrityIssue {
  path: (string | number)[];
  message: string;
}

function duplicates<T>(items: readonly T[], key: (item: T) => string): { index: number; key: string }[] {
  const seen = new Set<string>();
  const out: { index: number; key: string }[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    if (seen.has(k)) out.push({ index, key: k });
    seen.add(k);
  });
  return out;
}

/**
 * The rules the database's foreign keys and the derived figures rely on: references resolve, codes are
 * unique within a boundary set, every election has exactly one result per seat of its set, party votes
 * add up to the valid votes and the majority is the winner's lead over the runner-up.
 */
export function integrityIssues(d: Dataset): IntegrityIssue[] {
  const issues: IntegrityIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });

  for (const [table, list, key] of [
    ['nations', d.nations, (x: { code: string }) => x.code],
    ['regions', d.regions, (x: { code: string }) => x.code],
    ['boundarySets', d.boundarySets, (x: { code: string }) => x.code],
    ['parties', d.parties, (x: { code: string }) => x.code],
    ['elections', d.elections, (x: { code: string }) => x.code],
  ] as const) {
    for (const dup of duplicates<{ code: string }>(list, key))
      add([table, dup.index, 'code'], `duplicate code ${dup.key}`);
  }
  const nations = new Set(d.nations.map((n) => n.code));
  const regions = new Map(d.regions.map((r) => [r.code, r]));
  const sets = new Set<string>(d.boundarySets.map((b) => b.code));
  const parties = new Set(d.parties.map((p) => p.code));
  const elections = new Map(d.elections.map((e) => [e.code, e]));

  d.regions.forEach((r, i) => {
    if (!nations.has(r.nationCode)) add(['regions', i, 'nationCode'], `unknown nation ${r.nationCode}`);
  });
  d.elections.forEach((e, i) => {
    if (!sets.has(e.boundarySetCode))
      add(['elections', i, 'boundarySetCode'], `unknown boundary set ${e.boundarySetCode}`);
  });

  const seatKey = (set: string, code: string) => `${set}/${code}`;
  for (const dup of duplicates(d.constituencies, (c) => seatKey(c.boundarySetCode, c.code))) {
    add(['constituencies', dup.index, 'code'], `duplicate seat ${dup.key}`);
  }
  const seats = new Set<string>();
  const seatsPerSet = new Map<string, number>();
  d.constituencies.forEach((c, i) => {
    seats.add(seatKey(c.boundarySetCode, c.code));
    seatsPerSet.set(c.boundarySetCode, (seatsPerSet.get(c.boundarySetCode) ?? 0) + 1);
    if (!sets.has(c.boundarySetCode))
      add(['constituencies', i, 'boundarySetCode'], `unknown boundary set ${c.boundarySetCode}`);
    const region = regions.get(c.regionCode);
    if (!region) add(['constituencies', i, 'regionCode'], `unknown region ${c.regionCode}`);
    else if (region.nationCode !== c.nationCode) {
      add(['constituencies', i, 'nationCode'], `${c.nationCode} is not the nation of region ${c.regionCode}`);
    }
  });

  for (const dup of duplicates(d.results, (r) => `${r.electionCode}/${r.constituencyCode}`)) {
    add(['results', dup.index], `duplicate result ${dup.key}`);
  }
  const resultsPerElection = new Map<string, number>();
  d.results.forEach((r, i) => {
    const election = elections.get(r.electionCode);
    if (!election) return add(['results', i, 'electionCode'], `unknown election ${r.electionCode}`);
    resultsPerElection.set(r.electionCode, (resultsPerElection.get(r.electionCode) ?? 0) + 1);
    if (!seats.has(seatKey(election.boundarySetCode, r.constituencyCode))) {
      add(
        ['results', i, 'constituencyCode'],
        `${r.constituencyCode} is not a seat of the ${election.boundarySetCode} boundary set`,
      );
    }
    for (const field of ['winnerCode', 'secondCode'] as const) {
      if (!parties.has(r[field])) add(['results', i, field], `unknown party ${r[field]}`);
    }
    let total = 0;
    const byParty = new Map<string, number>();
    r.votes.forEach((v, j) => {
      if (!parties.has(v.party)) add(['results', i, 'votes', j, 'party'], `unknown party ${v.party}`);
      if (byParty.has(v.party)) add(['results', i, 'votes', j, 'party'], `party ${v.party} listed twice`);
      byParty.set(v.party, v.votes);
      total += v.votes;
    });
    if (total !== r.validVotes)
      add(['results', i, 'votes'], `party votes sum to ${total}, valid votes are ${r.validVotes}`);
    // Not checkable when the runner-up's votes are pooled (two candidates under one code, or "others").
    const pooled = r.secondCode === r.winnerCode || r.secondCode === 'Oth';
    const lead = (byParty.get(r.winnerCode) ?? 0) - (byParty.get(r.secondCode) ?? 0);
    if (!pooled && lead !== r.majority)
      add(['results', i, 'majority'], `majority ${r.majority} but winner − second = ${lead}`);
  });
  for (const e of d.elections) {
    const expected = seatsPerSet.get(e.boundarySetCode) ?? 0;
    const got = resultsPerElection.get(e.code) ?? 0;
    if (got !== expected) add(['results'], `${e.code} has ${got} results for ${expected} seats`);
  }

  for (const dup of duplicates(d.overlaps, (o) => `${o.fromCode}>${o.toCode}`)) {
    add(['overlaps', dup.index], `duplicate overlap ${dup.key}`);
  }
  d.overlaps.forEach((o, i) => {
    if (!seats.has(seatKey('2010', o.fromCode)))
      add(['overlaps', i, 'fromCode'], `${o.fromCode} is not a 2010-set seat`);
    if (!seats.has(seatKey('2024', o.toCode)))
      add(['overlaps', i, 'toCode'], `${o.toCode} is not a 2024-set seat`);
  });
  return issues;
}

export const ZDataset = ZDatasetShape.superRefine((d, ctx) => {
  for (const issue of integrityIssues(d))
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
