import supertest from 'supertest';
import { afterAll, beforeAll } from 'vitest';
import { pino } from 'pino';
import { createApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  db: TestDatabase;
  config: Config;
  api: ReturnType<typeof supertest>;
}

/** Registers hooks that give the file an app on its own database with the real data loaded. */
export function useTestApp(env: NodeJS.ProcessEnv = {}): TestApp {
  const ctx = {} as TestApp;
  beforeAll(async () => {
    ctx.db = await openTestDatabase();
    ctx.config = loadConfig({ NODE_ENV: 'test', MAP_TILE_URL: '', CLIENT_DIST: '/nonexistent', ...env });
    ctx.api = supertest(createApp({ db: ctx.db, config: ctx.config, logger: pino({ level: 'silent' }) }));
  });
  afterAll(async () => {
    await ctx.db?.close();
  });
  return ctx;
}
