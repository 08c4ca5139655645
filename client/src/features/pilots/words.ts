/** Sentences the activity import and the outcome form say, kept apart from the components to test them. */

const n = (x: number) => x.toLocaleString('en-GB');

/**
 * "4 rows read: 3 ready, 1 with problems (3 problems)": the rows with problems are counted apart from
 * the problems, which a single row can have several of, so the parts add up to the rows read.
 */
export function importSummary(p: { rows: number; valid: number; errors: readonly unknown[] }): string {
  const read = `${n(p.rows)} ${p.rows === 1 ? 'row' : 'rows'} read: ${n(p.valid)} ready`;
  const problems = p.errors.length;
  if (problems === 0) return `${read}.`;
  const badRows = Math.max(p.rows - p.valid, 0);
  const count = `${n(problems)} ${problems === 1 ? 'problem' : 'problems'}`;
  if (badRows === 0) return `${read}; ${count}.`;
  if (badRows === problems)
    return `${read}, ${n(badRows)} with ${problems === 1 ? 'a problem' : 'problems'}.`;
  return `${read}, ${n(badRows)} with problems (${count}).`;
}

function isWebLink(line: string): boolean {
  if (/\s/.test(line)) return false;
  try {
    const u = new URL(line);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The evidence box read line by line (one link a line): the links, or the first line that is not a web
 * link, named whole ("bbc news article", not "bbc").
 */
export function evidenceLinks(text: string): { links: string[]; problem?: string } {
  const links = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const bad = links.find((l) => !isWebLink(l));
  return bad === undefined ? { links } : { links, problem: `“${bad}” is not a web link (http or https)` };
}
