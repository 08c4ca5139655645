// npm run data:bundle [-- <folder>] [-- --check]
// Builds prisma/seed/groundwork-data.json.gz from the official files (default: prisma/seed/official, the
// copies the repository carries). Rebuilding from the same files leaves the bundle byte-identical; --check rebuilds in memory
// and exits 1 if the committed bundle is not what the files give (for CI).
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import {
  defaultBundlePath,
  defaultOfficialDir,
  encodeBundle,
  readBundle,
  writeBundle,
} from '../src/modules/import/bundle.ts';
import { ImportError, formatProblem } from '../src/modules/import/errors.ts';
import { readOfficialFiles } from '../src/modules/import/official.ts';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const { repoRoot } = loadConfig({});
  const folder = path.resolve(args.find((a) => !a.startsWith('--')) ?? defaultOfficialDir(repoRoot));
  const file = defaultBundlePath(repoRoot);

  const started = performance.now();
  const dataset = await readOfficialFiles(folder, { log: (line) => console.log(`  ${line}`) });
  console.log(
    `Read ${dataset.constituencies.length} seats and ${dataset.results.length} results from ${folder}`,
  );

  if (check) {
    const previous = await readBundle(file)
      .then((b) => b.meta)
      .catch(() => null);
    const { bytes } = await encodeBundle(dataset, previous);
    const committed = await fs.readFile(file).catch(() => null);
    if (committed?.equals(bytes)) {
      console.log(`${path.relative(repoRoot, file)} is up to date (${bytes.length} bytes)`);
      return 0;
    }
    console.error(
      `${path.relative(repoRoot, file)} differs from what the official files give; run npm run data:bundle`,
    );
    return 1;
  }

  const written = await writeBundle(dataset, file);
  const kb = (written.bytes / 1024).toFixed(0);
  console.log(
    `${written.changed ? 'Wrote' : 'Unchanged:'} ${path.relative(repoRoot, file)} (${kb} KiB, content ${written.meta.contentSha256.slice(0, 12)}…, built ${written.meta.builtAt}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ImportError) {
      console.error(
        `The official files have ${error.problems.length} problem(s); the bundle was not written:`,
      );
      for (const p of error.problems) console.error(`  ${formatProblem(p)}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
