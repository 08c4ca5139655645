import type { TLocation } from '@groundwork/server/contracts';

/** Six decimals is about 10 cm: enough for a place, without a float's noise in the history. */
export function roundLocation(lat: number, lng: number): TLocation {
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  return { lat: r(lat), lng: r(lng) };
}
