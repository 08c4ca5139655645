// Fixed reference data: ONS nation and region codes, the two boundary sets, the four elections and the
// parties. None of it is in the official files in a usable form (names and abbreviations differ between
// publishers), so it is stated once here and every file is checked against it.
import type { TBoundarySet, TElectionCode } from '../../contracts/common.ts';
import type {
  DatasetBoundarySet,
  DatasetElection,
  DatasetNation,
  DatasetParty,
  DatasetRegion,
} from './dataset.ts';

export const NATIONS: readonly DatasetNation[] = [
  { code: 'E92000001', name: 'England' },
  { code: 'S92000003', name: 'Scotland' },
  { code: 'W92000004', name: 'Wales' },
  { code: 'N92000002', name: 'Northern Ireland' },
];

/** England's nine regions with the names the House of Commons Library uses; the other nations are their own region. */
export const REGIONS: readonly DatasetRegion[] = [
  { code: 'E12000001', name: 'North East', nationCode: 'E92000001' },
  { code: 'E12000002', name: 'North West', nationCode: 'E92000001' },
  { code: 'E12000003', name: 'Yorkshire and The Humber', nationCode: 'E92000001' },
  { code: 'E12000004', name: 'East Midlands', nationCode: 'E92000001' },
  { code: 'E12000005', name: 'West Midlands', nationCode: 'E92000001' },
  { code: 'E12000006', name: 'East of England', nationCode: 'E92000001' },
  { code: 'E12000007', name: 'London', nationCode: 'E92000001' },
  { code: 'E12000008', name: 'South East', nationCode: 'E92000001' },
  { code: 'E12000009', name: 'South West', nationCode: 'E92000001' },
  { code: 'S92000003', name: 'Scotland', nationCode: 'S92000003' },
  { code: 'W92000004', name: 'Wales', nationCode: 'W92000004' },
  { code: 'N92000002', name: 'Northern Ireland', nationCode: 'N92000002' },
];

export const BOUNDARY_SET_INFO: readonly DatasetBoundarySet[] = [
  { code: '2010', name: '2010–2023 boundaries', firstElection: 2010, lastElection: 2019 },
  { code: '2024', name: 'July 2024 boundaries', firstElection: 2024, lastElection: null },
];

export const NOTIONAL_SOURCE =
  'Rallings & Thrasher (Elections Centre), with Denver (Scotland) and Whyte (Northern Ireland), for BBC/ITV/Sky/PA';

export const ELECTION_INFO: Readonly<Record<TElectionCode, DatasetElection>> = {
  GE2017: {
    code: 'GE2017',
    name: '2017 general election',
    polledOn: '2017-06-08',
    boundarySetCode: '2010',
    notional: false,
    source: 'House of Commons Library, General election 2017 results (CBP-7979)',
  },
  GE2019: {
    code: 'GE2019',
    name: '2019 general election',
    polledOn: '2019-12-12',
    boundarySetCode: '2010',
    notional: false,
    source: 'House of Commons Library, General election 2019 results (CBP-8749)',
  },
  GE2019N: {
    code: 'GE2019N',
    name: '2019 general election (notional, on 2024 boundaries)',
    polledOn: '2019-12-12',
    boundarySetCode: '2024',
    notional: true,
    source: NOTIONAL_SOURCE,
  },
  GE2024: {
    code: 'GE2024',
    name: '2024 general election',
    polledOn: '2024-07-04',
    boundarySetCode: '2024',
    notional: false,
    source: 'House of Commons Library, General election 2024 results (CBP-10009)',
  },
};

/** The code that collects every candidate the files do not break out by party. */
export const OTHERS = 'Oth';

export const KNOWN_PARTIES: readonly DatasetParty[] = [
  { code: 'Con', name: 'Conservative', colour: '#0087DC' },
  { code: 'Lab', name: 'Labour', colour: '#E4003B' },
  { code: 'LD', name: 'Liberal Democrats', colour: '#FAA61A' },
  { code: 'SNP', name: 'Scottish National Party', colour: '#FDF38E' },
  { code: 'PC', name: 'Plaid Cymru', colour: '#005B54' },
  { code: 'Green', name: 'Green', colour: '#02A95B' },
  { code: 'BRX', name: 'Brexit Party', colour: '#12B6CF' },
  { code: 'RUK', name: 'Reform UK', colour: '#12B6CF' },
  { code: 'UKIP', name: 'UK Independence Party', colour: '#6D3177' },
  { code: 'DUP', name: 'Democratic Unionist Party', colour: '#D46A4C' },
  { code: 'SF', name: 'Sinn Féin', colour: '#326760' },
  { code: 'SDLP', name: 'Social Democratic and Labour Party', colour: '#2AA82C' },
  { code: 'UUP', name: 'Ulster Unionist Party', colour: '#48A5EE' },
  { code: 'APNI', name: 'Alliance Party', colour: '#F6CB2F' },
  { code: 'TUV', name: 'Traditional Unionist Voice', colour: '#0C3A6A' },
  { code: 'Spk', name: 'Speaker', colour: '#909090' },
  { code: 'Ind', name: 'Independent', colour: '#DDDDDD' },
  { code: OTHERS, name: 'All other candidates', colour: '#AAAAAA' },
  // Parties that came second somewhere without a vote column of their own (their votes are split out of
  // "other" so that the runner-up's share is right).
  { code: 'WPB', name: 'Workers Party of Britain', colour: '#9E0E28' },
  { code: 'PBPA', name: 'People Before Profit Alliance', colour: '#E91D50' },
  { code: 'INet', name: 'Independent Network', colour: '#C8C8C8' },
  { code: 'NIP', name: 'Newham Independents Party', colour: '#C8C8C8' },
  { code: 'Ash', name: 'Ashfield Independents', colour: '#C8C8C8' },
  { code: 'BSJP', name: 'Birkenhead Social Justice Party', colour: '#C8C8C8' },
  { code: 'NHA', name: 'National Health Action Party', colour: '#0071BB' },
];

const KNOWN_BY_CODE = new Map(KNOWN_PARTIES.map((p) => [p.code, p]));

/** Spellings found in the files (first/second party values and vote column names), lower-cased. */
const PARTY_ALIASES: Readonly<Record<string, string>> = {
  conservative: 'Con',
  labour: 'Lab',
  'liberal democrat': 'LD',
  'liberal democrats': 'LD',
  grn: 'Green',
  brexit: 'BRX',
  'brexit party': 'BRX',
  reform: 'RUK',
  'reform uk': 'RUK',
  all: 'APNI',
  alliance: 'APNI',
  spkr: 'Spk',
  speaker: 'Spk',
  independent: 'Ind',
  other: OTHERS,
  others: OTHERS,
  'all other candidates': OTHERS,
  'national health action party': 'NHA',
  pbp: 'PBPA',
};

const PARTY_CODE = /^[A-Za-z]{1,8}$/;

/**
 * The party code for a value as written in a file, or null when it is neither a known spelling nor
 * shaped like a code. Unknown short codes are accepted (a newer file may name a new party) and get a
 * neutral entry from `partyInfo`.
 */
export function resolveParty(raw: string): string | null {
  const value = raw.trim();
  const lower = value.toLowerCase();
  const alias = PARTY_ALIASES[lower];
  if (alias) return alias;
  for (const p of KNOWN_PARTIES) if (p.code.toLowerCase() === lower) return p.code;
  return PARTY_CODE.test(value) ? value : null;
}

export function partyInfo(code: string): DatasetParty {
  return KNOWN_BY_CODE.get(code) ?? { code, name: code, colour: '#AAAAAA' };
}

/** Ordering for the party table: the known parties in their listed order, then the rest by code. */
export function comparePartyCodes(a: string, b: string): number {
  const ia = KNOWN_PARTIES.findIndex((p) => p.code === a);
  const ib = KNOWN_PARTIES.findIndex((p) => p.code === b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The five unchanged Scottish seats that kept their 2010-set code in 2024: valid in both sets. */
export const SHARED_CODES: ReadonlySet<string> = new Set([
  'S14000021',
  'S14000027',
  'S14000045',
  'S14000048',
  'S14000051',
]);

const CODE_RANGES: readonly { prefix: string; from: number; to: number; set: TBoundarySet }[] = [
  { prefix: 'E14', from: 530, to: 1062, set: '2010' },
  { prefix: 'E14', from: 1063, to: 1605, set: '2024' },
  { prefix: 'W07', from: 41, to: 80, set: '2010' },
  { prefix: 'W07', from: 81, to: 112, set: '2024' },
  { prefix: 'S14', from: 1, to: 59, set: '2010' },
  { prefix: 'S14', from: 60, to: 111, set: '2024' },
  { prefix: 'N06', from: 1, to: 18, set: '2010' },
  { prefix: 'N05', from: 1, to: 18, set: '2024' },
];

/**
 * Which boundary set an ONS constituency code's number range belongs to. Used only to word messages and
 * to tell which set a hex map is for; membership is always decided by the boundary files themselves.
 */
export function setsOfCode(code: string): TBoundarySet[] {
  if (SHARED_CODES.has(code)) return ['2010', '2024'];
  const n = Number(code.slice(3));
  const range = CODE_RANGES.find((r) => code.startsWith(r.prefix) && n >= r.from && n <= r.to);
  return range ? [range.set] : [];
}
