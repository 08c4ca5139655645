import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';

/**
 * What the Docker image runs, without Docker (no engine on the build machines): the compiled server
 * (npm run build → server/dist) in a folder laid out as server/Dockerfile's last stage lays out /app, with
 * production dependencies only, installed as the Dockerfile installs them. It must start on an empty
 * database, load the data, serve it, and the compiled admin CLI must create the first admin, as the README
 * tells people to do in Docker.
 */
const { repoRoot } = loadConfig({});
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const DEV_TOOLS = ['typescript', 'vite', 'vitest', 'eslint', 'playwright-core', 'tsx', 'prisma', 'prettier'];

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/**
 * The Dockerfile's last stage: files copied from the context before the install, the `npm ci` arguments,
 * and the files copied from the build stage (which `npm run build` made here).
 */
interface Stage {
  copies: [string, string][];
  npmCi: string[];
  built: [string, string][];
  /** CMD without its leading "node": the arguments for process.execPath. */
  command: string[];
  /** The stage's ENV settings. */
  env: Record<string, string>;
}

function finalStage(): Stage {
  const dockerfile = fs.readFileSync(path.join(repoRoot, 'server/Dockerfile'), 'utf8');
  const last = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const copies: [string, string][] = [];
  const built: [string, string][] = [];
  let npmCi: string[] | undefined;
  let command: string[] | undefined;
  const env: Record<string, string> = {};
  for (const line of last.split('\n')) {
    const cmd = line.match(/^CMD (\[.*\])$/);
    if (cmd) command = (JSON.parse(cmd[1]!) as string[]).slice(1);
    const setting = line.match(/^ENV (\w+)=(\S+)$/);
    if (setting) env[setting[1]!] = setting[2]!;
    const fromBuild = line.match(/^COPY --from=build \/app\/(\S+) (\S+)$/);
    if (fromBuild) built.push([fromBuild[1]!, fromBuild[2]!]);
    const copy = line.match(/^COPY ([^-].*)$/);
    if (copy) {
      const parts = copy[1]!.split(/\s+/);
      const to = parts.pop()!;
      for (const from of parts) copies.push([from, to.endsWith('/') ? path.join(to, from) : to]);
    }
    const install = line.match(/^RUN npm (ci .*?)(?: &&|$)/);
    if (install) npmCi = install[1]!.split(/\s+/);
  }
  if (!npmCi) throw new Error('server/Dockerfile: no RUN npm ci in the last stage');
  if (!command) throw new Error('server/Dockerfile: no CMD in the last stage');
  return { copies, npmCi, built, command, env };
}

function waitForReady(child: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const m = output.join('').match(/ready at (http:\/\/\S+)/);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output.join('')}`)));
  });
}

describe('the production build (what the Docker image runs)', () => {
  let app: string;
  let db: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;
  let server: ChildProcess | undefined;
  let url: string;
  let stage: Stage;
  const output: string[] = [];

  beforeAll(async () => {
    run(process.execPath, [path.join(repoRoot, 'server/scripts/build.mjs')], repoRoot);
    app = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-production-'));
    stage = finalStage();
    for (const [from, to] of stage.copies) {
      fs.mkdirSync(path.dirname(path.join(app, to)), { recursive: true });
      fs.cpSync(path.join(repoRoot, from), path.join(app, to), { recursive: true });
    }
    // The Dockerfile's own install (npm's cache, filled by npm ci, makes it quick and offline-capable).
    run(npm, [...stage.npmCi, '--prefer-offline'], app);
    for (const [from, to] of stage.built) {
      fs.mkdirSync(path.dirname(path.join(app, to)), { recursive: true });
      fs.cpSync(path.join(repoRoot, from), path.join(app, to), { recursive: true });
    }

    // An empty database: on PostgreSQL the compiled server loads the data in a process of its own.
    db = process.env.TEST_DB === 'postgres' ? await openTestDatabase({ empty: true }) : undefined;
    env = {
      PATH: process.env.PATH,
      ...stage.env,
      NODE_ENV: 'production',
      APP_URL: 'http://localhost:3000',
      HOST: '127.0.0.1',
      PORT: '0',
      MAP_TILE_URL: '',
      LOG_LEVEL: 'warn',
      ...(db?.url ? { DATABASE_URL: db.url } : { PGLITE_DIR: path.join(app, '.data/pglite') }),
    };
    server = spawn(process.execPath, stage.command, { cwd: app, env });
    url = await waitForReady(server, output);
  }, 600_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await db?.close();
    if (app) fs.rmSync(app, { recursive: true, force: true });
  });

  it("npm start's build step rebuilds nothing when nothing changed", () => {
    const again = run(process.execPath, [path.join(repoRoot, 'server/scripts/build.mjs')], repoRoot);
    expect(again).toMatch(/build: up to date: Prisma client, server, client/);
    expect(again).not.toMatch(/tsc|vite/);
  });

  it('holds production dependencies only', () => {
    const present = DEV_TOOLS.filter((name) => fs.existsSync(path.join(app, 'node_modules', name)));
    expect(present).toEqual([]);
    expect(fs.existsSync(path.join(app, 'node_modules/@prisma/client'))).toBe(true);
  });

  it('runs the compiled server, not TypeScript', () => {
    const dockerfile = fs.readFileSync(path.join(repoRoot, 'server/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^CMD \["node", (".+", )*"server\/dist\/src\/main\.js"\]$/m);
    expect(fs.existsSync(path.join(app, 'server/src'))).toBe(false);
  });

  it('starts on an empty database, loads the official data and serves it with the map page', async () => {
    expect(output.join('')).toMatch(/Loading the official data bundle… done: 1300 seats/);
    const seats = await fetch(`${url}/api/seats?boundarySet=2024&limit=1`);
    expect(seats.status).toBe(200);
    expect(((await seats.json()) as { total: number }).total).toBe(650);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    const health = await fetch(`${url}/api/health`);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
  });

  it('creates the first admin with the compiled CLI, who can then sign in', async () => {
    if (!db) {
      // The embedded database belongs to one process: stop the server, run the CLI, start it again.
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server!.kill('SIGTERM');
      await exited;
    }
    const password = 'correct horse battery staple orbit';
    // Not spawnSync: a blocked event loop would keep the HTTP client from retiring the idle keep-alive
    // connection the server has closed meanwhile, and the next request would go out on it.
    const cli = spawn(
      process.execPath,
      [
        'server/dist/scripts/admin-create.js',
        '--email',
        'first.admin@example.org',
        '--name',
        'First Admin',
      ].concat(['--password-stdin']),
      { cwd: app, env },
    );
    let cliOutput = '';
    cli.stdout.on('data', (c: Buffer) => (cliOutput += c.toString()));
    cli.stderr.on('data', (c: Buffer) => (cliOutput += c.toString()));
    cli.stdin.end(`${password}\n`);
    const status = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
    expect(status, cliOutput).toBe(0);
    if (!db) {
      output.length = 0;
      server = spawn(process.execPath, stage.command, { cwd: app, env });
      url = await waitForReady(server, output);
    }
    const signIn = await fetch(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'first.admin@example.org', password }),
    });
    expect(signIn.status).toBe(200);
    const body = (await signIn.json()) as { grants: { role: string }[] };
    expect(body.grants.map((g) => g.role)).toContain('admin');
  });
});
