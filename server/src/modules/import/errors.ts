/**
 * One thing wrong with the official files. `line` is the 1-based line in a CSV file (the header is line
 * 1); JSON files have no useful line numbers, so there it names the place instead: "feature 12" (1-based
 * position in a GeoJSON FeatureCollection) or "hex E14000530" (a HexJSON key). Problems about the folder
 * as a whole (a kind of file missing) use line "-".
 */
export interface ImportProblem {
  file: string;
  line: number | string;
  field: string;
  message: string;
}

const SHOWN_IN_MESSAGE = 20;

export function formatProblem(p: ImportProblem): string {
  return `${p.file}:${p.line} ${p.field} — ${p.message}`;
}

/** Thrown when the official files cannot be imported; nothing has been written to the database. */
export class ImportError extends Error {
  override name = 'ImportError';
  readonly problems: readonly ImportProblem[];

  constructor(problems: readonly ImportProblem[]) {
    const shown = problems.slice(0, SHOWN_IN_MESSAGE).map((p) => `  ${formatProblem(p)}`);
    const more = problems.length - shown.length;
    super(
      [
        `The official data files have ${problems.length} problem${problems.length === 1 ? '' : 's'}:`,
        ...shown,
        ...(more > 0 ? [`  … and ${more} more`] : []),
      ].join('\n'),
    );
    this.problems = problems;
  }
}

/** Collects problems across all files so one run reports everything wrong, not just the first thing. */
export class Problems {
  readonly list: ImportProblem[] = [];

  add(file: string, line: number | string, field: string, message: string): void {
    this.list.push({ file, line, field, message });
  }

  get size(): number {
    return this.list.length;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new ImportError(this.list);
  }
}
