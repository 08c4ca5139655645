// Starting the app for a benchmark: always in a child process, so the load generator or the browser driver
// in the bench process never shares the server's event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = buffer.match(pattern);
      if (m) resolve(m[0]);
    });
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before ${pattern}:\n${buffer}`)));
  });
}

/** Read from package.json's start script, so the bench runs the server exactly as npm start does. */
const PRODUCTION_NODE_FLAGS: string[] = (() => {
  const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const match = /\bnode((?: --[\w-]+(?:=\S+)?)*) server\/dist\/src\/main\.js/.exec(pkg.scripts.start ?? '');
  if (!match) throw new Error('package.json: the start script does not run server/dist/src/main.js');
  return match[1]!.trim().split(/\s+/).filter(Boolean);
})();

export interface AppServer {
  url: string;
  child: ChildProcess;
  /** SIGTERM, resolved once the process has exited (its PGlite folder is then free for another). */
  stop(): Promise<void>;
}

/**
 * The real server as `npm start` runs it (compiled: server/dist/src/main.js, built by `npm run build`), on the
 * PGlite folder given or, with `databaseUrl`, on a PostgreSQL database; tiles off, not logging requests.
 */
export async function startAppServer(
  root: string,
  pgliteDir: string,
  options: { databaseUrl?: string } = {},
): Promise<AppServer> {
  const entry = path.join(root, 'server/dist/src/main.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  // The flags npm start and the Docker image give (docs/performance.md, "Memory").
  const child = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, entry], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2', // as npm start and the Docker image run it
      APP_URL: 'http://localhost',
      PORT: '0',
      HOST: '127.0.0.1',
      PGLITE_DIR: pgliteDir,
      DATABASE_URL: options.databaseUrl ?? '',
      LOG_LEVEL: 'silent',
      MAP_TILE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await waitForLine(child, /ready at (http:\/\/[^\s]+)/);
  return {
    url: ready.replace(/^ready at /, ''),
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
