/**
 * Responses the first map (features/seat-map/firstMap.ts) downloaded and parsed before the app's scripts
 * ran, handed once to the app's first request for the same URL (api/http.ts): the app neither downloads
 * nor parses them a second time. Each is kept a minute at most (the app asks for all of them as it starts, on
a slow line too), so a request made later gets fresh data.
 */
const KEEP_MS = 60_000;
const offered = new Map<string, { body: Promise<unknown>; until: number }>();

export function offerPrefetched(url: string, body: Promise<unknown>): void {
  body.catch(() => undefined); // a failed one is simply not used
  offered.set(url, { body, until: performance.now() + KEEP_MS });
}

/** The parsed body offered for this URL (path and query, as requested), at most once. */
export function takePrefetched(url: string): Promise<unknown> | undefined {
  const entry = offered.get(url);
  offered.delete(url);
  return entry && performance.now() <= entry.until ? entry.body : undefined;
}
