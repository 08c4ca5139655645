// The client's pages by path, shared by the client (which page to show) and the server (which paths are
// pages, served with 200, and which get the app's not-found page with a 404).

export type PageId =
  | 'seats'
  | 'setPassword'
  | 'board'
  | 'admin'
  | 'pilots'
  | 'pilotNew'
  | 'pilot'
  | 'pilotBoard'
  | 'selections'
  | 'selection'
  | 'selectionBoard'
  | 'notFound';

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
  /** The member's tracker: selections in their CLP and region (?clp=<id>, ?region=<code> to choose). */
  '/selections': 'selections',
  /** The national selections board: the share keeping each rule, by region and by target status. */
  '/selections/board': 'selectionBoard',
};

export function pageFor(pathname: string): PageId {
  // '/board/' and '/board' are one page, and '//' is '/'.
  const path = pathname.replace(/\/+$/, '') || '/';
  if (/^\/pilots\/[1-9][0-9]{0,9}$/.test(path)) return 'pilot';
  if (/^\/selections\/[1-9][0-9]{0,9}$/.test(path)) return 'selection';
  return PATHS[path] ?? 'notFound';
}

/** The id in a pilot page's path (/pilots/12 → 12). */
export function pilotIdFromPath(pathname: string): number | undefined {
  const m = /^\/pilots\/([1-9][0-9]{0,9})\/*$/.exec(pathname);
  return m ? Number(m[1]) : undefined;
}

/** The id in a selection page's path (/selections/12 → 12). */
export function selectionIdFromPath(pathname: string): number | undefined {
  const m = /^\/selections\/([1-9][0-9]{0,9})\/*$/.exec(pathname);
  return m ? Number(m[1]) : undefined;
}
