// npm run data:import -- <folder>
// Loads newer official files into the app's database (DATABASE_URL, or the embedded PGlite under
// PGLITE_DIR). The files are read and checked first; if anything is wrong every problem is printed and
// the database is not touched. Otherwise the database is migrated and everything is replaced in one
// transaction (seat ids are kept).
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { databaseOptionsFromConfig, openDatabase } from '../src/db/database.ts';
import { defaultMigrationsDir, migrate } from '../src/db/migrate.ts';
import { ImportError, formatProblem } from '../src/modules/import/errors.ts';
import { loadDataset } from '../src/modules/import/load.ts';
import { readOfficialFiles } from '../src/modules/import/official.ts';

async function main(): Promise<number> {
  const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!arg) {
    console.error('Usage: npm run data:import -- /path/to/folder/of/official/files');
    return 2;
  }
  const folder = path.resolve(arg);
  const config = loadConfig();
  const target = config.databaseUrl
    ? 'the PostgreSQL server in DATABASE_URL'
    : `the embedded database in ${config.pgliteDir}`;

  console.log(`Reading official files in ${folder}`);
  let dataset;
  try {
    dataset = await readOfficialFiles(folder, { log: (line) => console.log(`  ${line}`) });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    console.error(`\n${error.problems.length} problem(s) found; nothing was imported:`);
    for (const p of error.problems) console.error(`  ${formatProblem(p)}`);
    return 1;
  }
  console.log(
    `Read ${dataset.constituencies.length} seats, ${dataset.results.length} results, ${dataset.overlaps.length} overlaps`,
  );

  const db = await openDatabase(databaseOptionsFromConfig(config));
  try {
    const { applied } = await migrate(db, {
      dir: defaultMigrationsDir(config.repoRoot),
      log: (l) => console.log(`  ${l}`),
    });
    if (applied.length > 0) console.log(`Applied ${applied.length} migration(s)`);
    console.log(`Loading into ${target}`);
    const summary = await loadDataset(db, dataset, {
      source: `data:import ${folder}`,
      onProgress: (line) => console.log(`  ${line}`),
    });
    const c = summary.counts;
    console.log(
      `Done in ${(summary.durationMs / 1000).toFixed(1)} s: ${c.constituencies} seats (2010 set ${summary.seats['2010']}, 2024 set ${summary.seats['2024']}), ` +
        `${c.results} results, ${c.votes} party votes, ${c.overlaps} overlaps, ${c.parties} parties; ` +
        `red wall ${summary.redWall['2010']} (2010 set) / ${summary.redWall['2024']} (2024 set)` +
        (summary.removedSeats > 0
          ? `; ${summary.removedSeats} seat(s) no longer in the data were removed`
          : ''),
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
