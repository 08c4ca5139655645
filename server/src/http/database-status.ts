import type { ConnectionWatcher } from '../db/database.ts';
import { classifyDatabaseError } from './database-errors.ts';

interface Logger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/**
 * Whether this app instance can currently reach its database, as its own requests found out: a request
 * that met an unavailable database (http/database-errors.ts) marks it down; a new pooled connection, a
 * seat-data version check or a health check that succeeded marks it up. It logs one warning when the
 * database goes and one line when it returns, so an outage under load is two lines, not one per request.
 */
export class DatabaseStatus implements ConnectionWatcher {
  private downSince: number | undefined;

  constructor(private readonly logger: Logger) {}

  get available(): boolean {
    return this.downSince === undefined;
  }

  /** A request (or a check) failed because the database could not be reached. */
  unavailable(error: unknown): void {
    if (this.downSince !== undefined) return;
    this.downSince = Date.now();
    // Prisma's messages start with where the call was made; the reason is on the last line.
    const lines = (error instanceof Error ? error.message : String(error)).split('\n');
    const cause = lines
      .findLast((l) => l.trim())
      ?.trim()
      .slice(0, 200);
    const code = (error as { code?: unknown } | null)?.code;
    this.logger.warn({ cause, ...(typeof code === 'string' ? { code } : {}) }, 'database unavailable');
  }

  /** Something reached the database. */
  connected(): void {
    if (this.downSince === undefined) return;
    const downMs = Date.now() - this.downSince;
    this.downSince = undefined;
    this.logger.info({ downMs }, 'database available');
  }

  /**
   * An idle pooled connection was dropped (pg pool 'error'). Alone it says little (a restart, an idle
   * timeout, a dropped test database); the next request that needs a connection finds out whether the
   * server is gone.
   */
  lost(error: Error): void {
    this.logger.debug(
      { cause: error.message, kind: classifyDatabaseError(error) },
      'database connection lost',
    );
  }
}
