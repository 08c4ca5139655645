// A seat layer is one feature's contribution to a seat row (targets now; pilots and selections next): its
// fields, the filters and sort keys it offers, its CSV columns, and the access rule that decides who sees
// which of them. The seat list, the seat detail, the target rankings and the CSV all read layers through
// here, so they agree for every caller. Register a layer in seat-layers.ts.
import type { TBoundarySet, TSeatLayerAccess } from '../../contracts/index.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Principal } from '../access/policy.ts';

export type SortValue = string | number | null;
export type LayerId = keyof TSeatLayerAccess;
type CsvValue = string | number | boolean | null;

export interface SeatLayer<Data, Row, Level extends string> {
  id: LayerId;
  /** Word used in messages ("Sign in to filter by target"). */
  noun: string;
  /** The boundary sets the layer speaks about (targets: the current seats only). */
  boundarySets: readonly TBoundarySet[];
  /** Access levels from least to most; fields and columns name the least level that shows them. */
  levels: readonly Level[];
  /** Everything the layer holds, read once per seat-data version. */
  load(prisma: PrismaClient): Promise<Data>;
  /** The access rule (decided by access/policy.ts): what this caller sees, or undefined for nothing. */
  level(principal: Principal | undefined, data: Data): Level | undefined;
  /** The layer's row for a seat (a default row when the feature has nothing for it). */
  row(data: Data, seatId: number): Row;
  /** What a seat row carries under the layer's id, at this level. */
  fields(row: Row, level: Level): Record<string, unknown>;
  /** A staff override of the computed red-wall flag, where this level shows it (null: none). */
  redWallOverride?(row: Row, level: Level): boolean | null;
  /** Filters by query parameter (the parameters are declared in the contract's seat-list query). */
  filters: Record<string, (row: Row, value: never) => boolean>;
  /** Sort keys (declared in the contract's SEAT_SORTS); missing values sort last. */
  sorts: Record<string, (row: Row) => SortValue>;
  csv: readonly { header: string; level: Level; value(row: Row): CsvValue }[];
}

// The registry holds layers of different shapes; each is type-checked where it is defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySeatLayer = SeatLayer<any, any, string>;

export function defineSeatLayer<Data, Row, Level extends string>(
  layer: SeatLayer<Data, Row, Level>,
): AnySeatLayer {
  return layer as unknown as AnySeatLayer;
}

/** Whether `level` shows something that needs `needed` (levels are ordered least to most). */
export function reaches(layer: AnySeatLayer, level: string | undefined, needed: string): boolean {
  return level !== undefined && layer.levels.indexOf(level) >= layer.levels.indexOf(needed);
}
