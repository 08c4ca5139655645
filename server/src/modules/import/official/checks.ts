// Cross-file checks. The boundary GeoJSON of a set is its master list of seats; every other file for that
// set must use exactly those codes. Joins are only ever made on the ONS code within one set: the five
// Scottish codes that exist in both sets are two different seats.
import type { TBoundarySet, TElectionCode } from '../../../contracts/common.ts';
import type { Problems } from '../errors.ts';
import { ELECTION_INFO, REGIONS, setsOfCode } from '../reference.ts';
import type { Sources } from './discover.ts';

const MISSING_LISTED = 10;

/** How much of the set a file must cover: every seat, or every seat in Great Britain (no NI). */
export type Coverage = 'all' | 'gb';

export function checkCodes(
  file: string,
  set: TBoundarySet,
  master: ReadonlyMap<string, { name: string }>,
  entries: Iterable<{ code: string; location: number | string; field: string }>,
  coverage: Coverage,
  problems: Problems,
  present: ReadonlySet<string> = new Set(),
): void {
  const seen = new Set<string>(present);
  for (const { code, location, field } of entries) {
    seen.add(code);
    if (master.has(code)) continue;
    const other = setsOfCode(code).filter((s) => s !== set);
    const hint = other.length > 0 ? ` (it is a ${other[0]}-set code)` : '';
    problems.add(file, location, field, `${code} is not a seat of the ${set} boundary set${hint}`);
  }
  const missing = [...master.keys()].filter(
    (code) => !seen.has(code) && (coverage === 'all' || !code.startsWith('N')),
  );
  if (missing.length > 0) {
    const listed = missing.slice(0, MISSING_LISTED).map((c) => `${c} ${master.get(c)?.name ?? ''}`.trim());
    const more = missing.length > MISSING_LISTED ? ` and ${missing.length - MISSING_LISTED} more` : '';
    problems.add(
      file,
      '-',
      '(rows)',
      `has no row for ${missing.length} seat(s) of the ${set} set: ${listed.join(', ')}${more}`,
    );
  }
}

const REGION_CODES = new Set(REGIONS.map((r) => r.code));

/** Checks every file's codes against the boundaries of its set, and the regions the files state. */
export function checkSources(sources: Sources, problems: Problems): void {
  for (const set of ['2010', '2024'] as const) {
    const master = sources.boundaries[set]?.seats;
    if (!master) continue;
    const hex = sources.hexmaps[set];
    if (hex) {
      const entries = [...hex.hexes.keys()].map((code) => ({
        code,
        location: `hex ${code}`,
        field: 'hexes',
      }));
      checkCodes(hex.file, set, master, entries, 'all', problems);
    }
    for (const keyed of [sources.leave[set], sources.deprivation[set]]) {
      if (!keyed) continue;
      const entries = [...keyed.rows].map(([code, row]) => ({
        code,
        location: row.line,
        field: keyed.codeField,
      }));
      checkCodes(
        keyed.file,
        set,
        master,
        entries,
        keyed === sources.leave[set] ? 'gb' : 'all',
        problems,
        keyed.rowCodes,
      );
    }
  }

  for (const [election, parsed] of Object.entries(sources.results) as [
    TElectionCode,
    NonNullable<Sources['results'][TElectionCode]>,
  ][]) {
    const set = ELECTION_INFO[election].boundarySetCode;
    const master = sources.boundaries[set]?.seats;
    if (!master) continue;
    const entries = [...parsed.results].map(([code, r]) => ({
      code,
      location: r.line,
      field: parsed.fields.code,
    }));
    checkCodes(parsed.file, set, master, entries, 'all', problems, parsed.rowCodes);
    if (election === 'GE2019N') continue;
    for (const seat of parsed.seats.values()) {
      if (!REGION_CODES.has(seat.regionCode)) {
        problems.add(
          parsed.file,
          seat.line,
          parsed.fields.region,
          `${seat.regionCode} is not an English region or a nation code`,
        );
      }
    }
  }

  // The same seat must be in the same region in every file that says so.
  const ge2017 = sources.results.GE2017;
  const ge2019 = sources.results.GE2019;
  if (ge2017 && ge2019) {
    for (const [code, seat] of ge2017.seats) {
      const later = ge2019.seats.get(code);
      if (later && later.regionCode !== seat.regionCode) {
        problems.add(
          ge2017.file,
          seat.line,
          ge2017.fields.region,
          `${code} is in ${seat.regionCode} here but in ${later.regionCode} in ${ge2019.file}`,
        );
      }
    }
  }
  const hex2024 = sources.hexmaps['2024'];
  const ge2024 = sources.results.GE2024;
  if (hex2024 && ge2024) {
    for (const [code, hex] of hex2024.hexes) {
      const seat = ge2024.seats.get(code);
      if (hex.region && seat && hex.region !== seat.regionCode) {
        problems.add(
          hex2024.file,
          hex.location,
          'region',
          `${code} is in ${hex.region} here but in ${seat.regionCode} in ${ge2024.file}`,
        );
      }
    }
  }

  const { overlaps } = sources;
  if (!overlaps) return;
  const from = sources.boundaries['2010']?.seats;
  const to = sources.boundaries['2024']?.seats;
  if (from) {
    const entries = overlaps.rows.map((r) => ({
      code: r.value.fromCode,
      location: r.line,
      field: 'PCON10CD',
    }));
    checkCodes(overlaps.file, '2010', from, entries, 'all', problems, overlaps.rowCodes.from);
  }
  if (to) {
    const entries = overlaps.rows.map((r) => ({ code: r.value.toCode, location: r.line, field: 'PCON24CD' }));
    checkCodes(overlaps.file, '2024', to, entries, 'all', problems, overlaps.rowCodes.to);
  }
}
