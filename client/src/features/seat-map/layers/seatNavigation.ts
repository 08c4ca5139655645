// Moving between seats with the arrow keys (KeyboardSeats.tsx). Pure, so it runs in unit tests.

export interface PlanePoint {
  x: number;
  y: number;
}

/** A unit step on screen: x to the right, y downwards. */
export type Direction = readonly [x: number, y: number];

/**
 * The seat whose label point lies next in a direction: ahead of the current one, preferring seats
 * straight ahead to those off to the side. Null when there is none that way (the edge of the map).
 */
export function nextSeat(
  points: ReadonlyMap<string, PlanePoint>,
  from: string,
  [dx, dy]: Direction,
): string | null {
  const origin = points.get(from);
  if (!origin) return null;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const [code, p] of points) {
    if (code === from) continue;
    const ahead = (p.x - origin.x) * dx + (p.y - origin.y) * dy;
    if (ahead <= 0) continue;
    const aside = Math.abs((p.x - origin.x) * dy - (p.y - origin.y) * dx);
    // Within about 60° either side of the direction; then the nearest, sideways distance counting double.
    if (aside > ahead * 1.75) continue;
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      bestScore = score;
      best = code;
    }
  }
  return best;
}

/** The seat whose label point is nearest to a point (the middle of the view, for the first key press). */
export function nearestSeat(points: ReadonlyMap<string, PlanePoint>, to: PlanePoint): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const [code, p] of points) {
    const d = Math.hypot(p.x - to.x, p.y - to.y);
    if (d < bestDistance) {
      bestDistance = d;
      best = code;
    }
  }
  return best;
}
