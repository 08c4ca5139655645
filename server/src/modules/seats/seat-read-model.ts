import type { PrismaClient } from '../../generated/prisma/client.ts';
import {
  BOUNDARY_SETS,
  type TBoundarySet,
  type TElectionCode,
  type TRef,
  type TSeatFigures,
} from '../../contracts/index.ts';
import { PREVIOUS_ELECTION, deriveFigures, type ResultInput } from './derived.ts';

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

export interface Snapshot {
  /** Id of the latest data load: changes whenever the seat data changes. */
  version: number;
  seats: Record<TBoundarySet, SeatRecord[]>;
  byCode: Map<string, SeatRecord>;
}

const key = (set: TBoundarySet, code: string) => `${set}:${code}`;

/**
 * An in-memory read model of every seat with its derived figures. Seat data changes only when official
 * data is loaded (possibly by another process), so the model is rebuilt when the latest dataset_import id
 * changes; that id is checked at most once per `recheckMs`, which keeps the list endpoint close to the
 * speed of serving a static file while every instance behind a load balancer converges within a second.
 */
export class SeatReadModel {
  private current: Snapshot | undefined;
  private building: Promise<Snapshot> | undefined;
  private checkedAt = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly recheckMs = 1000,
  ) {}

  async snapshot(): Promise<Snapshot> {
    const now = Date.now();
    if (this.current && now - this.checkedAt < this.recheckMs) return this.current;
    if (this.building) return this.building;
    this.building = (async () => {
      try {
        const latest = await this.prisma.datasetImport.findFirst({
          orderBy: { id: 'desc' },
          select: { id: true },
        });
        const version = latest?.id ?? 0;
        if (!this.current || this.current.version !== version) this.current = await this.build(version);
        this.checkedAt = Date.now();
        return this.current;
      } finally {
        this.building = undefined;
      }
    })();
    return this.building;
  }

  /** The data version if it was confirmed within the last `recheckMs`, else undefined. */
  freshVersion(): number | undefined {
    return this.current && Date.now() - this.checkedAt < this.recheckMs ? this.current.version : undefined;
  }

  /** Forces the next snapshot() to rebuild (after a write in this process). */
  invalidate(): void {
    this.current = undefined;
  }

  private async build(version: number): Promise<Snapshot> {
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
    return { version, seats, byCode };
  }
}

export function findSeat(snapshot: Snapshot, set: TBoundarySet, code: string): SeatRecord | undefined {
  return snapshot.byCode.get(key(set, code));
}
