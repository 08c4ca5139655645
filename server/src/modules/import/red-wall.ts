// The default red-wall flag for every seat, from the rules in seats/derived.ts: on the 2010 set from the
// 2017 and 2019 winners; on the 2024 set inherited from the 2010 seat that contributed most people.
import type { TBoundarySet } from '../../contracts/common.ts';
import { isRedWall2010, isRedWall2024 } from '../seats/derived.ts';
import type { Dataset } from './dataset.ts';

export function redWallSeats(dataset: Dataset): Record<TBoundarySet, Set<string>> {
  const winners = (election: string) =>
    new Map(
      dataset.results
        .filter((r) => r.electionCode === election)
        .map((r) => [r.constituencyCode, r.winnerCode]),
    );
  const ge2017 = winners('GE2017');
  const ge2019 = winners('GE2019');
  const red2010 = new Set(
    dataset.constituencies
      .filter(
        (c) =>
          c.boundarySetCode === '2010' && isRedWall2010(c.regionCode, ge2017.get(c.code), ge2019.get(c.code)),
      )
      .map((c) => c.code),
  );

  const predecessors = new Map<string, { population: number; redWall: boolean; code: string }[]>();
  for (const o of dataset.overlaps) {
    const list = predecessors.get(o.toCode) ?? [];
    list.push({ population: o.population, redWall: red2010.has(o.fromCode), code: o.fromCode });
    predecessors.set(o.toCode, list);
  }
  const red2024 = new Set(
    dataset.constituencies
      .filter((c) => c.boundarySetCode === '2024' && isRedWall2024(predecessors.get(c.code) ?? []))
      .map((c) => c.code),
  );
  return { '2010': red2010, '2024': red2024 };
}
