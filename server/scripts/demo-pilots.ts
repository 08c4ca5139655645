// npm run demo:pilots [-- --reset]
// Makes fictional pilots, partners and activities (every one marked "(fictional demo)") in Blyth and
// Ashington and three other North East CLPs, so the pilot pages, boards and map measures have something in
// every state. Run after the first start (the seat data must be loaded) and, for the organiser to be the
// demo organiser, after npm run demo:users. With --reset the demo records (only those) are made again.
// Never run against a production database.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { databaseOptionsFromConfig, openDatabase } from '../src/db/database.ts';
import { defaultMigrationsDir, migrate } from '../src/db/migrate.ts';
import { createDemoPilots } from '../src/modules/pilots/demo-pilots.ts';

async function main(): Promise<number> {
  let reset: boolean;
  try {
    reset =
      parseArgs({ options: { reset: { type: 'boolean', default: false } }, strict: true }).values.reset ??
      false;
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run demo:pilots [-- --reset]`);
    return 2;
  }
  const config = loadConfig();
  if (config.env === 'production') {
    console.error('Refusing to create demo pilots with NODE_ENV=production.');
    return 1;
  }
  const db = await openDatabase(databaseOptionsFromConfig(config));
  try {
    await migrate(db, { dir: defaultMigrationsDir(config.repoRoot), log: (l) => console.log(`  ${l}`) });
    const result = await createDemoPilots(db.prisma, { reset });
    console.log(
      result.created
        ? `Demo pilots ${reset ? 'made again' : 'created'}: ${result.pilots} pilots, ${result.partners} partners, ${result.activities} activities (all fictional).`
        : `Demo pilots are already there (${result.pilots} pilots); run npm run demo:pilots -- --reset to make them again.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
