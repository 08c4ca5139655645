export type DbTemplate =
  | { kind: 'postgres'; url: string; template: string; runId: string }
  | { kind: 'pglite'; file: string; runId: string };

/** Which database the integration suite runs on: TEST_DB=postgres|pglite (default pglite). */
export function testTarget(): { kind: 'pglite' } | { kind: 'postgres'; url: string } {
  const kind = process.env.TEST_DB ?? 'pglite';
  if (kind === 'pglite') return { kind };
  if (kind !== 'postgres') throw new Error(`TEST_DB must be postgres or pglite, not ${kind}`);
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (or DATABASE_URL)');
  return { kind, url };
}

/** The maintenance database on the same server, for CREATE/DROP DATABASE. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}
