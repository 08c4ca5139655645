import type { TSeatFigures } from '@groundwork/server/contracts';

// Whole numbers are grouped by hand, as en-GB does (12,345): the page's first Intl formatter loads locale
// data, which cost the map page's first paint tens of milliseconds when this module was imported.
let other: Intl.NumberFormat | undefined;

export function fmtInt(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  if (!Number.isSafeInteger(n)) return (other ??= new Intl.NumberFormat('en-GB')).format(n);
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

export function fmtPct(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined ? '–' : `${n.toFixed(digits)}%`;
}

/** "0.9 pts to gain" — the direction matters as much as the size. */
export function fmtSwing(r: Pick<TSeatFigures, 'swingNeeded' | 'swingKind'> | null | undefined): string {
  return r ? `${r.swingNeeded.toFixed(1)} pts to ${r.swingKind}` : '–';
}

export function fmtDecile(d: number | null | undefined): string {
  if (d === null || d === undefined) return '–';
  if (d === 1) return '1 (most deprived)';
  if (d === 10) return '10 (least deprived)';
  return String(d);
}

export function fmtShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
