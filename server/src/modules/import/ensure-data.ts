// First start of a fresh install: the database is migrated but empty, so load the shipped data bundle.
// Once any seat exists this does nothing; newer official files are loaded with `npm run data:import`.
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { readBundle } from './bundle.ts';
import { loadDataset, type ImportSummary } from './load.ts';

export async function ensureDataLoaded(
  db: Database,
  options: { bundlePath: string; log?: (line: string) => void },
): Promise<{ loaded: boolean; summary?: ImportSummary }> {
  if ((await db.prisma.constituency.count()) > 0) return { loaded: false };
  const log = options.log ?? (() => {});
  const started = performance.now();
  log('Loading the official data bundle…');
  const dataset = await readBundle(options.bundlePath);
  const summary = await loadDataset(db, dataset, {
    source: `bundle ${path.basename(options.bundlePath)} (built ${dataset.meta.builtAt}, content ${dataset.meta.contentSha256.slice(0, 12)})`,
    onProgress: (step) => log(`  ${step}`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`Loading the official data bundle… done: ${summary.counts.constituencies} seats in ${seconds} s`);
  return { loaded: true, summary };
}
