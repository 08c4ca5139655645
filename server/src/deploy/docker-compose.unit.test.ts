import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../config.ts';

// No Docker engine runs on the build machines, so the deployment files are checked for structure here.
const { repoRoot } = loadConfig({});
const compose = parse(fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Record<string, unknown>>;
  volumes?: Record<string, unknown>;
};

describe('docker-compose.yml', () => {
  it('runs the app on PostgreSQL, waiting until the database is healthy', () => {
    const { app, db } = compose.services;
    expect(app).toBeDefined();
    expect(db).toBeDefined();
    expect(String(db!.image)).toMatch(/^postgres:\d+/);
    expect(db!.healthcheck).toBeDefined();
    expect(app!.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    const env = app!.environment as Record<string, string>;
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@db:5432\/\w+$/);
    expect(env.NODE_ENV).toBe('production');
    // Production refuses to start without it (config.ts).
    expect(env.APP_URL).toMatch(/^\$\{APP_URL:-https?:\/\/[^}]+\}$/);
    expect(app!.ports).toContain(`3000:${env.PORT}`);
  });

  it('builds the app from a Dockerfile that exists and starts the real entry point', () => {
    const build = compose.services.app!.build as { context: string; dockerfile: string };
    const dockerfile = path.join(repoRoot, build.context, build.dockerfile);
    expect(fs.existsSync(dockerfile)).toBe(true);
    const text = fs.readFileSync(dockerfile, 'utf8');
    expect(text).toMatch(/npm ci/);
    expect(text).toMatch(/RUN npm run build/); // the Prisma client, tsc → server/dist, Vite → client/dist
    expect(text).toMatch(/COPY --from=build \/app\/prisma\/migrations prisma\/migrations/);
    expect(text).toMatch(/COPY --from=build \/app\/prisma\/seed\/groundwork-data\.json\.gz /);
    // The image runs the compiled entry point of server/src/main.ts (server/tsconfig.build.json), no tsx.
    const entry = text.match(/CMD \[(.+)\]/)![1]!;
    const command = JSON.parse(`[${entry}]`) as string[];
    // With the same node flags as npm start (package.json), so both run the server alike.
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const start = pkg.scripts.start!.replace(/^(\w+=\S+ )*/, '').split(/\s+/);
    expect(command).toEqual(start);
    expect(command.at(-1)).toBe('server/dist/src/main.js');
    expect(fs.existsSync(path.join(repoRoot, 'server/src/main.ts'))).toBe(true);
    // Production dependencies only in the image (production.int.test.ts installs and runs it that way).
    const lastStage = text.slice(text.lastIndexOf('\nFROM '));
    expect(lastStage).toMatch(/RUN npm ci --omit=dev --omit=optional --omit=peer -w server/);
  });

  it('keeps the database on a named volume', () => {
    const volumes = compose.services.db!.volumes as string[];
    const named = volumes[0]!.split(':')[0]!;
    expect(compose.volumes).toHaveProperty(named);
  });
});
