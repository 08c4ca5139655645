// The client's pages by path, shared by the client (which page to show) and the server (which paths are
// pages, served with 200, and which get the app's not-found page with a 404).

export type PageId =
  'seats' | 'setPassword' | 'board' | 'admin' | 'pilots' | 'pilotNew' | 'pilot' | 'pilotBoard' | 'notFound';

const PATHS: Record<string, PageId> = {
  '/': 'seats',
  '/index.html': 'seats',
  '/set-password': 'setPassword',
  '/board': 'board',
  '/admin': 'admin',
  /** My pilots; with ?clp=<id>, one CLP's pilots. */
  '/pilots': 'pilots',
  '/pilots/new': 'pilotNew',
  /** The regional board with ?region=<code>, the national board without. */
  '/pilots/board': 'pilotBoard',
};

export function pageFor(pathname: string): PageId {
  // '/board/' and '/board' are one page, and '//' is '/'.
  const path = pathname.replace(/\/+$/, '') || '/';
  if (/^\/pilots\/[1-9][0-9]{0,9}$/.test(path)) return 'pilot';
  return PATHS[path] ?? 'notFound';
}

/** The id in a pilot page's path (/pilots/12 → 12). */
export function pilotIdFromPath(pathname: string): number | undefined {
  const m = /^\/pilots\/([1-9][0-9]{0,9})\/*$/.exec(pathname);
  return m ? Number(m[1]) : undefined;
}
