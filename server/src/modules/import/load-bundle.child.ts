// The first start's data load, run by the compiled server in a process of its own (server.ts): loading the
// bundle parses and sends tens of megabytes, and a Node process keeps most of the memory it has once grown
// to, so the server would stay about 70 MB larger for its whole life. Here that memory goes when this
// process exits. Reads the database the server hands it (DATABASE_URL or PGLITE_DIR; the server has closed
// an embedded one meanwhile); prints its progress on stdout; exits 0 when the data is in (or already was).
import { loadConfig } from '../../config.ts';
import { databaseOptionsFromConfig, openDatabase } from '../../db/database.ts';
import { defaultBundlePath } from './bundle.ts';
import { ensureDataLoaded } from './ensure-data.ts';

// The server that started this load has gone (killed, or stopped during its start): stop too. The load is
// one transaction, so stopping mid-way leaves nothing half-written; the next start loads again.
const parentGone = () => process.exit(1);
process.on('disconnect', parentGone);
process.stdout.on('error', () => process.exit(1));

const config = loadConfig();
const db = await openDatabase(databaseOptionsFromConfig(config));
try {
  await ensureDataLoaded(db, {
    bundlePath: defaultBundlePath(config.repoRoot),
    log: (line) => console.log(line),
  });
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await db.close();
  process.off('disconnect', parentGone);
  process.disconnect?.();
}
