// Rallings & Thrasher's notional 2019 results on the 2024 boundaries (the BBC/ITV/Sky/PA spreadsheet as
// CSV). Votes are in the "…v" columns: twelve main parties, then one column per minor party and per
// independent, with TotOthv (all of those together) and MaxOthv (the largest of them).
import { z } from 'zod';
import type { Problems } from '../errors.ts';
import { OTHERS, resolveParty } from '../reference.ts';
import {
  cellCode,
  cellInt,
  cellIntOrZero,
  columnCells,
  normaliseHeader,
  reportMissingColumns,
  resolveColumns,
  validateRows,
  type ColumnSpec,
  type CsvTable,
} from './csv.ts';
import { recordResult, type ParsedResults } from './results-hoc.ts';
import { allocateVotes } from './votes.ts';

/** Normalised header, party code, header as published. */
const MAIN_PARTY_COLUMNS: readonly [string, string, string][] = [
  ['conv', 'Con', 'Conv'],
  ['labv', 'Lab', 'Labv'],
  ['ldv', 'LD', 'LDv'],
  ['grnv', 'Green', 'Grnv'],
  ['brxv', 'BRX', 'Brxv'],
  ['snpv', 'SNP', 'SNPv'],
  ['pcv', 'PC', 'PCv'],
  ['apniv', 'APNI', 'APNIv'],
  ['dupv', 'DUP', 'DUPv'],
  ['sdlpv', 'SDLP', 'SDLPv'],
  ['sfv', 'SF', 'SFv'],
  ['uupv', 'UUP', 'UUPv'],
  ['totothv', OTHERS, 'TotOthv'],
];

export const NOTIONAL_COLUMNS: readonly ColumnSpec[] = [
  { key: 'code', names: ['ons_code'], label: 'ONS code' },
  { key: 'name', names: ['boundary_comm_name', 'pa_name'], label: 'Boundary Comm name' },
  { key: 'electorate', names: ['electorate'], label: 'electorate' },
  { key: 'total', names: ['total_votes'], label: 'total_votes' },
  { key: 'majority', names: ['majority'], label: 'majority' },
  { key: 'winner', names: ['win19'], label: 'Win19' },
  { key: 'second', names: ['second19'], label: 'Second19' },
  { key: 'maxOthers', names: ['maxothv'], label: 'MaxOthv' },
  ...MAIN_PARTY_COLUMNS.map(([column, party, label]) => ({ key: `votes.${party}`, names: [column], label })),
];

const MAIN = new Set([...MAIN_PARTY_COLUMNS.map(([c]) => c), 'maxothv']);

/** A minor-party column's code: IND1v…IND6v are independents; the rest are party abbreviations. */
function minorColumnParty(column: string): string | null {
  const name = column.replace(/v$/, '');
  return /^ind\d*$/.test(name) ? 'Ind' : resolveParty(name);
}

export function parseNotional(table: CsvTable, problems: Problems): ParsedResults | null {
  const minorSpecs: ColumnSpec[] = table.header
    .map((label) => ({ label, h: normaliseHeader(label) }))
    .filter(({ h }) => /^[a-z0-9]+v$/.test(h) && !MAIN.has(h))
    .map(({ label, h }) => ({ key: `minor.${h}`, names: [h], label }));
  const columns = resolveColumns(table.header, [...NOTIONAL_COLUMNS, ...minorSpecs]);
  if (!reportMissingColumns(table, columns, problems)) return null;
  const header = (key: string) => table.header[columns.index.get(key) ?? -1] ?? key;

  const schema = z.object({
    code: cellCode,
    name: z.string().trim(),
    electorate: cellInt,
    total: cellInt,
    majority: cellInt,
    winner: z.string().trim().min(1, 'must not be blank'),
    second: z.string().trim().min(1, 'must not be blank'),
    maxOthers: cellIntOrZero,
    votes: z.record(z.string(), cellIntOrZero),
    // Blank for parties that did not stand, as in the main columns.
    minor: z.record(z.string(), cellIntOrZero).optional(),
  });

  const parsed: ParsedResults = {
    election: 'GE2019N',
    file: table.file,
    results: new Map(),
    seats: new Map(),
    columnParties: MAIN_PARTY_COLUMNS.map(([, p]) => p),
    fields: { code: header('code'), region: 'region_name' },
    rowCodes: columnCells(table, columns, 'code'),
  };
  for (const { line, value: row } of validateRows(table, columns, schema, problems)) {
    const before = problems.size;
    const columnsByParty = new Map(Object.entries(row.votes));
    const total = [...columnsByParty.values()].reduce((a, b) => a + b, 0);
    if (total !== row.total)
      problems.add(
        table.file,
        line,
        header('total'),
        `is ${row.total} but the party columns sum to ${total}`,
      );
    const winner = resolveParty(row.winner);
    let second = resolveParty(row.second);
    if (!winner)
      problems.add(table.file, line, header('winner'), `unknown party ${JSON.stringify(row.winner)}`);
    if (!second)
      problems.add(table.file, line, header('second'), `unknown party ${JSON.stringify(row.second)}`);
    if (!winner || !second) continue;

    if (second === OTHERS) {
      // "Other" runner-up: name it from the minor column holding exactly the runner-up's votes.
      const winnerVotes = columnsByParty.get(winner) ?? row.maxOthers;
      const secondVotes = winnerVotes - row.majority;
      const match = Object.entries(row.minor ?? {}).find(([, v]) => v === secondVotes);
      second = (match && minorColumnParty(match[0])) ?? 'Ind';
    }
    recordResult(parsed, problems, {
      file: table.file,
      line,
      header,
      allocation: allocateVotes({
        columns: columnsByParty,
        winner,
        second,
        majority: row.majority,
        uncolumnedWinnerVotes: row.maxOthers,
      }),
      before,
      result: {
        electionCode: 'GE2019N',
        constituencyCode: row.code,
        electorate: row.electorate,
        validVotes: row.total,
        invalidVotes: null,
        majority: row.majority,
        winnerCode: winner,
        secondCode: second,
        resultText: null,
      },
      seat: { name: row.name, regionCode: '', constituencyType: null, electorate: row.electorate },
    });
  }
  return parsed;
}
