import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../generated/prisma/client.ts';
import { classifyDatabaseError } from './database-errors.ts';

/** The shapes below are the ones a probe through a cut TCP proxy met (Prisma 7, @prisma/adapter-pg, pg 8). */
function prismaError(code: string, meta?: Record<string, unknown>, message = 'Invalid invocation') {
  return new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: '7', meta });
}
/** @prisma/driver-adapter-utils' DriverAdapterError: the adapter's mapped error sits in `cause`. */
function adapterError(cause: Record<string, unknown>) {
  return Object.assign(new Error(String(cause.kind)), { name: 'DriverAdapterError', cause });
}
function pgError(code: string, message: string) {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  error.severity = 'FATAL';
  return error;
}
function socketError(code: string) {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), {
    code,
    errno: -111,
    syscall: 'connect',
  });
}

describe('classifyDatabaseError', () => {
  it('calls a database that cannot be reached or dropped the connection unavailable', () => {
    for (const code of ['P1001', 'P1002', 'P1008', 'P1017']) {
      expect(classifyDatabaseError(prismaError(code)), code).toBe('unavailable');
    }
    // $queryRaw wraps every adapter error in P2010; the reason is in meta.
    const raw = prismaError('P2010', {
      driverAdapterError: adapterError({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }),
    });
    expect(classifyDatabaseError(raw)).toBe('unavailable');
    // A server shutting down (57P01), starting up (57P03) or a connection exception (08xxx), as P2039/P2010.
    for (const originalCode of ['57P01', '57P02', '57P03', '08006', '08001', '08P01']) {
      const wrapped = prismaError('P2039', {
        driverAdapterError: adapterError({ kind: 'postgres', code: originalCode, originalCode }),
      });
      expect(classifyDatabaseError(wrapped), originalCode).toBe('unavailable');
    }
    for (const kind of ['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']) {
      expect(classifyDatabaseError(adapterError({ kind })), kind).toBe('unavailable');
    }
  });

  it('reads pg and socket errors that reach us unwrapped', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']) {
      expect(classifyDatabaseError(socketError(code)), code).toBe('unavailable');
    }
    expect(
      classifyDatabaseError(pgError('57P01', 'terminating connection due to administrator command')),
    ).toBe('unavailable');
    expect(classifyDatabaseError(pgError('57P03', 'the database system is starting up'))).toBe('unavailable');
    expect(classifyDatabaseError(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    // pg-pool: a new connection that did not open within connectionTimeoutMillis.
    const timedOut = new Error('Connection terminated due to connection timeout', {
      cause: new Error('Connection terminated unexpectedly'),
    });
    expect(classifyDatabaseError(timedOut)).toBe('unavailable');
    expect(classifyDatabaseError(new Error('timeout expired'))).toBe('unavailable');
    expect(
      classifyDatabaseError(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe('unavailable');
    // Node's happy-eyeballs connect reports every address it tried.
    const both = Object.assign(
      new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')]),
      {
        code: 'ECONNREFUSED',
      },
    );
    expect(classifyDatabaseError(both)).toBe('unavailable');
    expect(classifyDatabaseError(new AggregateError([socketError('ECONNREFUSED')]))).toBe('unavailable');
  });

  it('calls a database with no connection or transaction slot in time busy', () => {
    expect(classifyDatabaseError(prismaError('P2024'))).toBe('busy');
    expect(classifyDatabaseError(prismaError('P2028'))).toBe('busy');
    expect(classifyDatabaseError(prismaError('P2037'))).toBe('busy');
    expect(classifyDatabaseError(pgError('53300', 'sorry, too many clients already'))).toBe('busy');
    // pg-pool: every connection checked out, none free within connectionTimeoutMillis.
    expect(classifyDatabaseError(new Error('timeout exceeded when trying to connect'))).toBe('busy');
    // A lost connection under a timeout explains it.
    const both = prismaError('P2028', {}, 'Transaction API error');
    Object.assign(both, { cause: new Error('Connection terminated unexpectedly') });
    expect(classifyDatabaseError(both)).toBe('unavailable');
  });

  it('leaves every other error alone', () => {
    for (const error of [
      prismaError('P2002'),
      prismaError('P2025'),
      prismaError('P2010', { driverAdapterError: adapterError({ kind: 'postgres', originalCode: '42P01' }) }),
      pgError('23505', 'duplicate key value violates unique constraint'),
      pgError('57014', 'canceling statement due to statement timeout'),
      new Error('Something else: Connection terminated in the middle'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      Object.assign(new Error('weird'), { code: 42 }),
      'Connection terminated',
      undefined,
      null,
    ]) {
      expect(classifyDatabaseError(error)).toBeUndefined();
    }
  });

  it('survives a cause cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(classifyDatabaseError(a)).toBeUndefined();
  });
});
