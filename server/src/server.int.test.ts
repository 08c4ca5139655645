import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { startServer } from './server.ts';
import { emptyDatabaseEnv } from './test/test-database.ts';

let target: Awaited<ReturnType<typeof emptyDatabaseEnv>>;
beforeAll(async () => {
  target = await emptyDatabaseEnv();
});
afterAll(async () => {
  await target.drop();
});

const config = () =>
  loadConfig({
    ...target.env,
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    MAP_TILE_URL: '',
    CLIENT_DIST: '/nonexistent',
  });

describe('starting the server', () => {
  it('migrates an empty database, loads the data bundle with progress, and serves', async () => {
    const lines: string[] = [];
    const server = await startServer(config(), { log: (l) => lines.push(l) });
    try {
      expect(lines.join('\n')).toMatch(/applying migration \d+_init/);
      expect(lines.join('\n')).toMatch(/Loading the official data bundle… done: 1300 seats/);
      expect(lines.at(-1)).toMatch(/^Groundwork is ready at http:\/\/127\.0\.0\.1:\d+/);
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { status: string };
      expect(health.status).toBe('ok');
      const seats = (await (await fetch(`${server.url}/api/seats?boundarySet=2010&limit=1`)).json()) as {
        total: number;
      };
      expect(seats.total).toBe(650);
      const home = await fetch(server.url);
      expect(home.status).toBe(503);
      expect(await home.text()).toMatch(/npm run build/);
    } finally {
      await server.close();
    }
  });

  it('starts again on the same database without migrating or loading anything', async () => {
    const lines: string[] = [];
    const server = await startServer(config(), { log: (l) => lines.push(l) });
    await server.close();
    expect(lines).toContain('Migrations: up to date');
    expect(lines.join('\n')).not.toMatch(/applying migration|Loading the official data bundle/);
  });
});
