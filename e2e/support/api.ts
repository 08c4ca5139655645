import {
  ZPartiesResponse,
  ZRegionsResponse,
  ZSeatListResponse,
  type TSeatListResponse,
} from '@groundwork/server/contracts';
import { inject } from 'vitest';

/** Reads the API directly, to know what the page should show without trusting the page. */
async function get<T>(path: string, schema: { parse(v: unknown): T }): Promise<T> {
  const res = await fetch(`${inject('baseUrl')}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return schema.parse(await res.json());
}

export const api = {
  seats: (query: string): Promise<TSeatListResponse> => get(`/api/seats?${query}`, ZSeatListResponse),
  regions: async () => (await get('/api/regions', ZRegionsResponse)).items,
  parties: async () => (await get('/api/parties', ZPartiesResponse)).items,
};

export function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

export function cssRgb(css: string): [number, number, number] {
  const m = css.match(/rgba?\((\d+),\s*(\d+),\s*(\d+)/);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function closeTo(a: readonly number[], b: readonly number[], tolerance = 4): boolean {
  return (
    a.length >= 3 && b.length >= 3 && [0, 1, 2].every((i) => Math.abs((a[i] ?? 0) - (b[i] ?? 0)) <= tolerance)
  );
}
