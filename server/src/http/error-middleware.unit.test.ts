import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { DatabaseStatus } from './database-status.ts';
import { errorMiddleware } from './error-middleware.ts';

function appThrowing(errors: unknown[]) {
  const lines: { msg: string; err?: unknown }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as { msg: string });
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const status = new DatabaseStatus(logger);
  const app = express();
  let next = 0;
  app.get('/', () => {
    throw errors[next++];
  });
  app.use(errorMiddleware(logger, status));
  return { api: supertest(app), lines, status };
}

describe('errorMiddleware and the database', () => {
  it('answers an unreachable database 503 DATABASE_UNAVAILABLE with Retry-After, logging the outage once', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { api, lines, status } = appThrowing([refused, new Error('Connection terminated unexpectedly')]);
    for (let i = 0; i < 2; i++) {
      const res = await api.get('/').expect(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.error).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
      expect(JSON.stringify(res.body)).not.toContain('ECONNREFUSED');
    }
    expect(status.available).toBe(false);
    expect(lines.map((l) => l.msg)).toEqual(['database unavailable']);
  });

  it('answers a busy database 503 DATABASE_BUSY, but a pool timeout during an outage is the outage', async () => {
    const queueTimeout = () => new Error('timeout exceeded when trying to connect');
    const { api, status } = appThrowing([
      Object.assign(new Error('Transaction API error'), { code: 'P2028' }),
      queueTimeout(),
      new Error('Connection terminated unexpectedly'),
      queueTimeout(),
    ]);
    for (const code of ['DATABASE_BUSY', 'DATABASE_BUSY', 'DATABASE_UNAVAILABLE', 'DATABASE_UNAVAILABLE']) {
      const res = await api.get('/').expect(503);
      expect(res.body.error.code).toBe(code);
      expect(res.headers['retry-after']).toBe(code === 'DATABASE_BUSY' ? '1' : '5');
    }
    status.connected();
    expect(status.available).toBe(true);
  });

  it('still answers anything else 500 with the stack logged', async () => {
    const { api, lines } = appThrowing([new TypeError('boom')]);
    const res = await api.get('/').expect(500);
    expect(res.body.error.code).toBe('INTERNAL');
    expect(lines[0]).toMatchObject({ msg: 'unhandled error', err: { message: 'boom' } });
  });
});
