// House of Commons Library "results by constituency" CSVs (GE2017 CBP-7979, GE2019 CBP-8749, GE2024
// CBP-10009). The 2017 file has snake_case headers, the later ones "Title case"; the election is told apart
// by the party column only it has (UKIP in 2017, Brexit Party in 2019, Reform UK in 2024).
import { z } from 'zod';
import type { TElectionCode } from '../../../contracts/common.ts';
import type { Problems } from '../errors.ts';
import type { DatasetResult } from '../dataset.ts';
import { OTHERS, resolveParty } from '../reference.ts';
import {
  cellCode,
  cellInt,
  cellIntOrZero,
  cellOptionalText,
  cellText,
  columnCells,
  normaliseHeader,
  reportMissingColumns,
  resolveColumns,
  validateRows,
  type ColumnSpec,
  type CsvTable,
} from './csv.ts';
import { allocateVotes, type VoteAllocation } from './votes.ts';

export const HOC_COLUMNS: readonly ColumnSpec[] = [
  { key: 'code', names: ['ons_id'], label: 'ONS ID' },
  { key: 'region', names: ['ons_region_id'], label: 'ONS region ID' },
  { key: 'name', names: ['constituency_name'], label: 'Constituency name' },
  { key: 'type', names: ['constituency_type'], label: 'Constituency type' },
  { key: 'result', names: ['result'], label: 'Result' },
  { key: 'first', names: ['first_party'], label: 'First party' },
  { key: 'second', names: ['second_party'], label: 'Second party' },
  { key: 'electorate', names: ['electorate'], label: 'Electorate' },
  { key: 'valid', names: ['valid_votes'], label: 'Valid votes' },
  { key: 'invalid', names: ['invalid_votes'], label: 'Invalid votes' },
  { key: 'majority', names: ['majority'], label: 'Majority' },
  { key: 'otherWinner', names: ['of_which_other_winner', 'other_winner'], label: 'Of which other winner' },
  { key: 'votes.Con', names: ['con'], label: 'Con' },
  { key: 'votes.Lab', names: ['lab'], label: 'Lab' },
  { key: 'votes.LD', names: ['ld'], label: 'LD' },
  { key: `votes.${OTHERS}`, names: ['all_other_candidates', 'other'], label: 'All other candidates' },
];

/** The remaining party vote columns, by normalised header. */
const PARTY_COLUMNS: Readonly<Record<string, string>> = {
  ukip: 'UKIP',
  brx: 'BRX',
  ruk: 'RUK',
  green: 'Green',
  snp: 'SNP',
  pc: 'PC',
  dup: 'DUP',
  sf: 'SF',
  sdlp: 'SDLP',
  uup: 'UUP',
  apni: 'APNI',
  alliance: 'APNI',
};

const ELECTION_MARKERS: readonly { column: string; election: TElectionCode }[] = [
  { column: 'ukip', election: 'GE2017' },
  { column: 'brx', election: 'GE2019' },
  { column: 'ruk', election: 'GE2024' },
];

export interface SeatFacts {
  line: number;
  name: string;
  regionCode: string;
  constituencyType: string | null;
  electorate: number;
}

export interface ParsedResults {
  election: TElectionCode;
  file: string;
  results: Map<string, { line: number; result: DatasetResult }>;
  /** Per-seat facts only the latest results on a boundary set provide (region, type, electorate). */
  seats: Map<string, SeatFacts>;
  /** Parties with a vote column in the file, whether or not they polled. */
  columnParties: string[];
  /** Headers as spelt in the file, for messages. */
  fields: { code: string; region: string };
  /** Every code written in the file, including rows that had problems. */
  rowCodes: Set<string>;
}

/** Which election a HoC results file is for, from its columns; null when it cannot tell. */
export function hocElection(header: readonly string[]): TElectionCode | null {
  const normalised = new Set(header.map(normaliseHeader));
  const found = ELECTION_MARKERS.filter((m) => normalised.has(m.column));
  return found.length === 1 ? (found[0]?.election ?? null) : null;
}

export function parseHocResults(table: CsvTable, problems: Problems): ParsedResults | null {
  const election = hocElection(table.header);
  if (!election) {
    problems.add(
      table.file,
      1,
      '(header)',
      'cannot tell the election: expected exactly one of the columns UKIP (2017), BRX (2019), RUK (2024)',
    );
    return null;
  }
  const specs = [...HOC_COLUMNS];
  table.header.forEach((h) => {
    const party = PARTY_COLUMNS[normaliseHeader(h)];
    if (party) specs.push({ key: `votes.${party}`, names: [normaliseHeader(h)], label: h });
  });
  const columns = resolveColumns(table.header, specs);
  if (!reportMissingColumns(table, columns, problems)) return null;
  const columnParties = [...columns.index.keys()]
    .filter((k) => k.startsWith('votes.'))
    .map((k) => k.slice(6));

  const schema = z.object({
    code: cellCode,
    region: cellCode,
    name: cellText,
    type: cellOptionalText,
    result: cellOptionalText,
    first: cellText,
    second: cellText,
    electorate: cellInt,
    valid: cellInt,
    invalid: cellInt,
    majority: cellInt,
    otherWinner: cellIntOrZero,
    votes: z.record(z.string(), cellInt),
  });
  const header = (key: string) => table.header[columns.index.get(key) ?? -1] ?? key;

  const parsed: ParsedResults = {
    election,
    file: table.file,
    results: new Map(),
    seats: new Map(),
    columnParties,
    fields: { code: header('code'), region: header('region') },
    rowCodes: columnCells(table, columns, 'code'),
  };
  for (const { line, value: row } of validateRows(table, columns, schema, problems)) {
    const before = problems.size;
    const winner = resolveParty(row.first);
    const second = resolveParty(row.second);
    if (!winner)
      problems.add(table.file, line, header('first'), `unknown party ${JSON.stringify(row.first)}`);
    if (!second)
      problems.add(table.file, line, header('second'), `unknown party ${JSON.stringify(row.second)}`);
    const columnsByParty = new Map(Object.entries(row.votes));
    const total = [...columnsByParty.values()].reduce((a, b) => a + b, 0);
    if (total !== row.valid) {
      problems.add(
        table.file,
        line,
        header('valid'),
        `is ${row.valid} but the party columns sum to ${total}`,
      );
    }
    if (winner && columnsByParty.has(winner) && row.otherWinner > 0) {
      problems.add(
        table.file,
        line,
        header('otherWinner'),
        `is ${row.otherWinner} but the winner ${winner} has its own column`,
      );
    }
    if (!winner || !second) continue;
    recordResult(parsed, problems, {
      file: table.file,
      line,
      header: (field) =>
        header({ winner: 'first', second: 'second', majority: 'majority', code: 'code' }[field]),
      allocation: allocateVotes({
        columns: columnsByParty,
        winner,
        second,
        majority: row.majority,
        uncolumnedWinnerVotes: row.otherWinner,
      }),
      before,
      result: {
        electionCode: election,
        constituencyCode: row.code,
        electorate: row.electorate,
        validVotes: row.valid,
        invalidVotes: row.invalid,
        majority: row.majority,
        winnerCode: winner,
        secondCode: second,
        resultText: row.result,
      },
      seat: {
        name: row.name,
        regionCode: row.region,
        constituencyType: row.type,
        electorate: row.electorate,
      },
    });
  }
  return parsed;
}

/**
 * The common end of every results parser: report the vote-allocation problems against the file's own
 * headers, refuse a second row for the same seat, and record the result and the seat's facts.
 */
export function recordResult(
  parsed: ParsedResults,
  problems: Problems,
  row: {
    file: string;
    line: number;
    header: (field: 'winner' | 'second' | 'majority' | 'code') => string;
    allocation: VoteAllocation;
    /** problems.size when the row's checks began: any new problem means the row is not recorded. */
    before: number;
    result: Omit<DatasetResult, 'votes'>;
    seat: Omit<SeatFacts, 'line'>;
  },
): void {
  for (const p of row.allocation.problems) problems.add(row.file, row.line, row.header(p.field), p.message);
  if (problems.size > row.before) return;
  const code = row.result.constituencyCode;
  const previous = parsed.results.get(code);
  if (previous) {
    problems.add(
      row.file,
      row.line,
      row.header('code'),
      `${code} appears again (first on line ${previous.line})`,
    );
    return;
  }
  parsed.results.set(code, { line: row.line, result: { ...row.result, votes: row.allocation.votes } });
  parsed.seats.set(code, { line: row.line, ...row.seat });
}
