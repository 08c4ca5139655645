// Builds the normalised Dataset from sources that have passed their checks. Seat facts come from one
// place each: name, Welsh name and shape from the ONS boundaries; region, type and electorate from the
// latest House of Commons results on that set; hex position, Leave share and deprivation from their files.
import type { TBoundarySet, TElectionCode } from '../../../contracts/common.ts';
import type { Dataset, DatasetConstituency, DatasetResult } from '../dataset.ts';
import {
  BOUNDARY_SET_INFO,
  ELECTION_INFO,
  NATIONS,
  REGIONS,
  comparePartyCodes,
  partyInfo,
} from '../reference.ts';
import type { Sources } from './discover.ts';

/** Sources with every slot filled (discovery reports any that are not). */
export interface CompleteSources {
  boundaries: Required<Sources['boundaries']>;
  hexmaps: Required<Sources['hexmaps']>;
  results: Required<Sources['results']>;
  leave: Required<Sources['leave']>;
  deprivation: Required<Sources['deprivation']>;
  overlaps: NonNullable<Sources['overlaps']>;
}

/** The election whose House of Commons file describes each set's seats. */
const LATEST_ELECTION: Record<TBoundarySet, TElectionCode> = { '2010': 'GE2019', '2024': 'GE2024' };
const ELECTION_ORDER: readonly TElectionCode[] = ['GE2017', 'GE2019', 'GE2019N', 'GE2024'];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * The boundary name, with accents restored where another official source spells the same name with them:
 * the republished 2024 GeoJSON lost the "ŵ" of "Montgomeryshire and Glyndŵr", which the House of Commons
 * file and the hex map keep. Only accents are taken; any other difference (case, wording) is ignored.
 */
export function restoreAccents(name: string, alternatives: readonly (string | null | undefined)[]): string {
  if (fold(name) !== name) return name;
  for (const alt of alternatives) {
    if (alt && alt !== name && fold(alt) === name) return alt.normalize('NFC');
  }
  return name;
}

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function constituencies(sources: CompleteSources, set: TBoundarySet): DatasetConstituency[] {
  const latest = sources.results[LATEST_ELECTION[set]];
  const nationOf = new Map(REGIONS.map((r) => [r.code, r.nationCode]));
  return [...sources.boundaries[set].seats.values()].sort(byCode).map((seat) => {
    const facts = latest.seats.get(seat.code);
    const hex = sources.hexmaps[set].hexes.get(seat.code);
    const deprivation = sources.deprivation[set].rows.get(seat.code)?.value;
    if (!facts || !hex) throw new Error(`internal: ${seat.code} passed the checks without results or a hex`);
    return {
      boundarySetCode: set,
      code: seat.code,
      name: restoreAccents(seat.name, [facts.name, hex.name]),
      nameWelsh: seat.nameWelsh,
      regionCode: facts.regionCode,
      nationCode: nationOf.get(facts.regionCode) ?? facts.regionCode,
      constituencyType: facts.constituencyType,
      electorate: facts.electorate,
      leaveShare: sources.leave[set].rows.get(seat.code)?.value.share ?? null,
      deprivationDecile: deprivation?.decile ?? null,
      deprivationScore: deprivation?.score ?? null,
      geometry: seat.geometry,
      hexQ: hex.q,
      hexR: hex.r,
    };
  });
}

export function assembleDataset(sources: CompleteSources): Dataset {
  const results: DatasetResult[] = [];
  const partyCodes = new Set<string>();
  for (const election of ELECTION_ORDER) {
    const parsed = sources.results[election];
    for (const code of parsed.columnParties) partyCodes.add(code);
    const rows = [...parsed.results.values()].map((r) => r.result);
    rows.sort((a, b) => (a.constituencyCode < b.constituencyCode ? -1 : 1));
    for (const r of rows) {
      partyCodes.add(r.winnerCode);
      partyCodes.add(r.secondCode);
      for (const v of r.votes) partyCodes.add(v.party);
      results.push(r);
    }
  }
  const overlaps = sources.overlaps.rows
    .map((r) => r.value)
    .sort((a, b) =>
      a.fromCode < b.fromCode ? -1 : a.fromCode > b.fromCode ? 1 : a.toCode < b.toCode ? -1 : 1,
    );
  return {
    nations: [...NATIONS],
    regions: [...REGIONS],
    boundarySets: [...BOUNDARY_SET_INFO],
    parties: [...partyCodes].sort(comparePartyCodes).map(partyInfo),
    elections: ELECTION_ORDER.map((code) => ELECTION_INFO[code]),
    constituencies: [...constituencies(sources, '2010'), ...constituencies(sources, '2024')],
    results,
    overlaps,
  };
}
