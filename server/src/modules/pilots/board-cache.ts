// Boards are read far more often than pilots change, and a national board aggregates every activity ever
// logged. So each instance keeps the boards it computed, labelled with the seat-data version (which every
// pilot and activity write moves, as do target writes: common rules) and the goal; a request whose label
// still matches is answered without the aggregate. Every instance reads the label from the database on
// every request, so a write through one instance shows on all at once.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { ByteBoundedCache } from '../../http/cached-response.ts';
import { PILOT_GOAL_KEY } from './pilot-goal.ts';

/** A national board is a few KB; a region's grows with its pilots (hundreds of KB for hundreds of pilots). */
const BOARD_CACHE_BYTES = 4 * 1024 * 1024;

export class BoardCache {
  private label: string | undefined;
  private boards = this.fresh();

  constructor(private readonly prisma: PrismaClient) {}

  private fresh() {
    return new ByteBoundedCache<unknown>(BOARD_CACHE_BYTES, (board) => JSON.stringify(board).length);
  }

  /** The board for `key` as of now: from memory when nothing changed since it was computed. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    // Read before computing: a board newer than its label is only recomputed once more, while the
    // opposite would keep a stale board under a current label.
    const [row] = await this.prisma.$queryRaw<{ version: number; goal: unknown }[]>`
      SELECT v.version, (SELECT value FROM setting WHERE key = ${PILOT_GOAL_KEY}) AS goal
      FROM seat_data_version v WHERE v.id = 1`;
    const label = `${row?.version ?? 0}|${JSON.stringify(row?.goal ?? null)}`;
    if (label !== this.label) {
      this.label = label;
      this.boards = this.fresh();
    }
    const held = this.boards.get(key) as T | undefined;
    if (held !== undefined) return held;
    const board = await compute();
    if (this.label === label) this.boards.set(key, board);
    return board;
  }
}
