import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../generated/prisma/client.ts';
import { DatabaseStatus } from './database-status.ts';

const unreachable = () =>
  new Prisma.PrismaClientKnownRequestError("\nInvalid `prisma.user.findMany()` invocation:\n\nCan't reach", {
    code: 'P1001',
    clientVersion: '7',
  });

describe('DatabaseStatus', () => {
  it('logs one line when the database goes and one when it returns, however many requests meet it', () => {
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
        done();
      },
    });
    const status = new DatabaseStatus(pino({ level: 'info' }, sink));
    expect(status.available).toBe(true);
    status.connected();
    for (let i = 0; i < 50; i++) status.unavailable(unreachable());
    status.lost(new Error('Connection terminated unexpectedly'));
    expect(status.available).toBe(false);
    for (let i = 0; i < 5; i++) status.connected();
    expect(status.available).toBe(true);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, 'database unavailable'],
      [30, 'database available'],
    ]);
    expect(lines[0]).toMatchObject({ cause: "Can't reach", code: 'P1001' });
  });
});
