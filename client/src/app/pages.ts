/** The client's pages; chosen by path once at load (the server serves index.html for all of them). */
export type PageId = 'seats' | 'setPassword' | 'board' | 'admin' | 'notFound';

const PATHS: Record<string, PageId> = {
  '/': 'seats',
  '/index.html': 'seats',
  '/set-password': 'setPassword',
  '/board': 'board',
  '/admin': 'admin',
};

export function pageFor(pathname: string): PageId {
  // '/board/' and '/board' are one page, and '//' is '/', as the server has it (http/client-pages.ts).
  const path = pathname.replace(/\/+$/, '') || '/';
  return PATHS[path] ?? 'notFound';
}
