import type { PrismaClient } from '../../generated/prisma/client.ts';
import {
  BOUNDARY_SETS,
  type TBoundarySet,
  type TElectionCode,
  type TRef,
  type TSeatFigures,
} from '../../contracts/index.ts';
import { classifyDatabaseError } from '../../http/database-errors.ts';
import type { StaleReason } from '../../http/stale.ts';
import { PREVIOUS_ELECTION, deriveFigures, type ResultInput } from './derived.ts';
import type { LayerId } from './seat-layer.ts';
import { SEAT_LAYERS } from './seat-layers.ts';

export interface SeatRecord {
  id: number;
  code: string;
  name: string;
  boundarySet: TBoundarySet;
  region: TRef;
  nation: TRef;
  electorate: number | null;
  leavePct: number | null;
  deprivationDecile: number | null;
  redWall: boolean;
  results: Map<TElectionCode, { input: ResultInput; figures: TSeatFigures }>;
}

interface Base {
  /** Id of the latest data load: the seats, results and figures change only with it. */
  importId: number;
  seats: Record<TBoundarySet, SeatRecord[]>;
  byCode: Map<string, SeatRecord>;
}

export interface Snapshot extends Base {
  /**
   * Changes whenever anything a seat row shows changes: a data load, or any write to a seat layer (which
   * bumps seat_data_version in its own transaction). Every cache keys on it.
   */
  version: string;
  /** Each layer's data (see seat-layer.ts), read for this version. */
  layers: ReadonlyMap<LayerId, unknown>;
  /**
   * Set when the version could not be checked because the database is unavailable or busy: this is the
   * last snapshot read, served stale-if-error (the response says so: http/stale.ts).
   */
  stale?: StaleReason;
}

/** Where the read model reports what its checks found (http/database-status.ts). */
export interface DatabaseReachability {
  readonly available: boolean;
  unavailable(error: unknown): void;
  connected(): void;
}

const key = (set: TBoundarySet, code: string) => `${set}:${code}`;

/**
 * An in-memory read model of every seat with its derived figures and its layers. The version is read from
 * the database at most once per `recheckMs` (one tiny query), so every instance behind a load balancer sees
 * another's write within that time; a write in this process calls `markStale()` so it shows at once here.
 * The seats and results are rebuilt only when a data load happened; the layers are re-read on every version.
 *
 * When that check fails because the database is unavailable or busy, the last snapshot is served marked
 * stale (stale-if-error) instead of failing the request; while it is, requests get it at once and one
 * check at a time (at most one per `recheckMs`) looks for the database's return.
 */
export class SeatReadModel {
  private current: Snapshot | undefined;
  private building: Promise<Snapshot> | undefined;
  private checkedAt = 0;
  /** Counts markStale() calls: a check that began before the latest one cannot confirm a version. */
  private marks = 0;
  private buildingMarks = 0;
  /** The current snapshot marked stale, while checks fail; one object, so per-snapshot caches hold. */
  private stale: Snapshot | undefined;
  private failedAt = 0;
  private readonly recheckMs: number;
  private readonly graceMs: number;
  private readonly status: DatabaseReachability | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    options: { recheckMs?: number; graceMs?: number; status?: DatabaseReachability } = {},
  ) {
    this.recheckMs = options.recheckMs ?? 500;
    this.graceMs = Math.max(this.recheckMs, options.graceMs ?? 2000);
    this.status = options.status;
  }

  async snapshot(): Promise<Snapshot> {
    const now = Date.now();
    if (this.current && now - this.checkedAt < this.recheckMs) return this.current;
    if (this.withinGrace(now)) return this.current!;
    if (this.stale) {
      if (!this.building && now - this.failedAt >= this.recheckMs) {
        // Failures are turned into the stale snapshot inside check(); anything else was logged by nobody
        // and must not become an unhandled rejection.
        this.check().catch(() => {});
      }
      return this.stale;
    }
    return this.check();
  }

  private check(): Promise<Snapshot> {
    if (this.building) {
      if (this.buildingMarks === this.marks) return this.building;
      // A write here since that check began (it may have read the version before the write): wait for it,
      // then check again, so the write shows in this process at once.
      const again = () => this.check();
      return this.building.then(again, again);
    }
    this.buildingMarks = this.marks;
    this.building = (async () => {
      try {
        return await this.read();
      } catch (error) {
        const failure = classifyDatabaseError(error);
        if (!failure || !this.current) throw error;
        if (failure === 'unavailable') this.status?.unavailable(error);
        const reason: StaleReason =
          failure === 'unavailable' || this.status?.available === false
            ? 'database-unavailable'
            : 'database-busy';
        if (this.stale?.version !== this.current.version || this.stale.stale !== reason) {
          this.stale = { ...this.current, stale: reason };
        }
        this.failedAt = Date.now();
        return this.stale;
      } finally {
        this.building = undefined;
      }
    })();
    return this.building;
  }

  private async read(): Promise<Snapshot> {
    const started = Date.now();
    // Read the version before the data: data newer than its label is re-read at the next check, while
    // the opposite (a label newer than its data) could keep stale data cached under a current version.
    // The database's date is part of the version: a layer may count by date (the pilots layer's activity
    // in the last 90 days), and what it shows changes at midnight without a write.
    const [row] = await this.prisma.$queryRaw<{ version: number; import_id: number | null; day: string }[]>`
      SELECT v.version, (SELECT max(id) FROM dataset_import) AS import_id,
             to_char(current_date, 'YYYYMMDD') AS day
      FROM seat_data_version v WHERE v.id = 1`;
    const importId = row?.import_id ?? 0;
    const version = `${importId}.${row?.version ?? 0}.${row?.day ?? ''}`;
    if (this.current?.version !== version) {
      const base = this.current?.importId === importId ? this.current : await this.build(importId);
      const layers = new Map<LayerId, unknown>();
      await Promise.all(
        SEAT_LAYERS.map(async (layer) => layers.set(layer.id, await layer.load(this.prisma))),
      );
      this.current = { importId, seats: base.seats, byCode: base.byCode, version, layers };
    }
    // Confirmed as of when the check began, and not at all if this process wrote during it.
    this.checkedAt = this.buildingMarks === this.marks ? started : 0;
    this.stale = undefined;
    this.status?.connected();
    return this.current;
  }

  /**
   * Past `recheckMs` but within `graceMs` of the last confirmation (and no write here since): a check is
   * started if none is under way and the current snapshot is used meanwhile. Without this, a server so busy
   * that the check itself takes longer than `recheckMs` could never confirm a version, and every request
   * would fall back to the slow path, making it busier still (issue 7's load bench fell from thousands of
   * requests a second to tens). Another instance's write then shows within `graceMs` instead.
   */
  private withinGrace(now: number): boolean {
    if (!this.current || this.stale || this.checkedAt === 0 || now - this.checkedAt >= this.graceMs) {
      return false;
    }
    // Known to be down (another request failed to reach it): say so at once rather than wait for a check.
    if (this.status?.available === false) return false;
    if (!this.building) this.check().catch(() => {});
    return true;
  }

  /** The version if it was confirmed within the last `recheckMs` (or within grace, see above). */
  freshVersion(): string | undefined {
    if (!this.current) return undefined;
    const now = Date.now();
    return now - this.checkedAt < this.recheckMs || this.withinGrace(now) ? this.current.version : undefined;
  }

  /** A seat layer changed in this process: re-read the version before answering again. */
  markStale(): void {
    this.checkedAt = 0;
    this.marks += 1;
  }

  private async build(importId: number): Promise<Base> {
    const rows = await this.prisma.constituency.findMany({
      select: {
        id: true,
        code: true,
        name: true,
        boundarySetCode: true,
        electorate: true,
        leaveShare: true,
        deprivationDecile: true,
        redWall: true,
        region: { select: { code: true, name: true } },
        nation: { select: { code: true, name: true } },
        results: {
          select: {
            electionCode: true,
            electorate: true,
            validVotes: true,
            majority: true,
            winnerCode: true,
            secondCode: true,
            resultText: true,
            votes: { select: { partyCode: true, votes: true } },
          },
        },
      },
      orderBy: [{ boundarySetCode: 'asc' }, { name: 'asc' }],
    });
    const seats = Object.fromEntries(BOUNDARY_SETS.map((s) => [s, [] as SeatRecord[]])) as Record<
      TBoundarySet,
      SeatRecord[]
    >;
    const byCode = new Map<string, SeatRecord>();
    for (const row of rows) {
      const boundarySet = row.boundarySetCode as TBoundarySet;
      const inputs = new Map<TElectionCode, ResultInput>();
      for (const r of row.results) {
        const election = r.electionCode as TElectionCode;
        inputs.set(election, {
          election,
          electorate: r.electorate,
          validVotes: r.validVotes,
          majority: r.majority,
          winner: r.winnerCode,
          second: r.secondCode,
          resultText: r.resultText,
          votes: r.votes.map((v) => ({ party: v.partyCode, votes: v.votes })),
        });
      }
      const results: SeatRecord['results'] = new Map();
      for (const [election, input] of inputs) {
        const previous = PREVIOUS_ELECTION[election];
        const previousWinner = previous ? inputs.get(previous)?.winner : undefined;
        results.set(election, { input, figures: deriveFigures(input, previousWinner) });
      }
      const record: SeatRecord = {
        id: row.id,
        code: row.code,
        name: row.name,
        boundarySet,
        region: row.region,
        nation: row.nation,
        electorate: row.electorate,
        leavePct: row.leaveShare === null ? null : Number(row.leaveShare) * 100,
        deprivationDecile: row.deprivationDecile,
        redWall: row.redWall,
        results,
      };
      seats[boundarySet].push(record);
      byCode.set(key(boundarySet, row.code), record);
    }
    return { importId, seats, byCode };
  }
}

export function findSeat(snapshot: Snapshot, set: TBoundarySet, code: string): SeatRecord | undefined {
  return snapshot.byCode.get(key(set, code));
}
