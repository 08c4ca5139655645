// What the demo scripts (npm run demo:users, npm run demo:pilots) share: the --reset flag, the refusal to
// run with NODE_ENV=production, opening and migrating the configured database, closing it, the exit code.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { databaseOptionsFromConfig, openDatabase } from '../src/db/database.ts';
import { defaultMigrationsDir, migrate } from '../src/db/migrate.ts';
import type { PrismaClient } from '../src/generated/prisma/client.ts';

export function runDemoScript(
  script: 'demo:users' | 'demo:pilots' | 'demo:selections',
  what: string,
  body: (prisma: PrismaClient, options: { reset: boolean }) => Promise<number>,
): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );

  async function main(): Promise<number> {
    let reset: boolean;
    try {
      reset =
        parseArgs({ options: { reset: { type: 'boolean', default: false } }, strict: true }).values.reset ??
        false;
    } catch (error) {
      console.error(`${(error as Error).message}\nUsage: npm run ${script} [-- --reset]`);
      return 2;
    }
    const config = loadConfig();
    if (config.env === 'production') {
      console.error(`Refusing to create ${what} with NODE_ENV=production.`);
      return 1;
    }
    const db = await openDatabase(databaseOptionsFromConfig(config));
    try {
      await migrate(db, { dir: defaultMigrationsDir(config.repoRoot), log: (l) => console.log(`  ${l}`) });
      return await body(db.prisma, { reset });
    } finally {
      await db.close();
    }
  }
}
