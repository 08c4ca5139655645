// "What the pilots did to the vote": for each election after the first pilot started, the change in
// Labour's share in seats with a pilot against seats without one, compared within strata (region × band
// of majority at the previous election) so that a region's swing or a seat's safety is not credited to the
// pilots. Pure: the route (vote-effect.ts) reads the figures, this only computes.
import { MAJORITY_BANDS, type TVoteEffect } from '../../contracts/index.ts';

type Band = (typeof MAJORITY_BANDS)[number];

export interface VoteSeat {
  id: number;
  region: { code: string; name: string };
  /** The earliest start of a pilot in the seat's CLP (YYYY-MM-DD), or null for none. */
  pilotStartedOn: string | null;
  /** Labour's share of the valid vote at the previous election on the same boundaries, in points. */
  shareBefore: number;
  shareAfter: number;
  /** The winner's majority at the previous election, as a percentage of the valid vote. */
  majorityPctBefore: number;
}

export interface VoteElection {
  election: { code: string; name: string; polledOn: string };
  previous: { code: string; name: string };
  seats: readonly VoteSeat[];
}

export const VOTE_CAVEATS = [
  'This compares seats; it is not an experiment. Pilots were not assigned at random: CLPs chose to run them, and a CLP that runs a pilot may differ from one that does not in ways that also move the vote (more active members, a better candidate, a local campaign).',
  'Seats are compared only with seats in the same region and band of majority, so a region-wide swing or a seat’s safety is not credited to the pilots; anything else that differs between the two groups still is.',
  'The groups are small. A difference within about twice the spread shown could well be chance.',
  'Each figure rests on one election, with all that happened nationally and locally in between; a pilot counts from its start date, whatever it did and however long it ran.',
  'The change is measured on the same boundaries; seats whose boundaries or Labour candidacy changed between the two elections are left out, and notional results carry their own estimation error.',
  'A difference, however large, shows an association, not that the pilots caused it.',
];

export function majorityBand(majorityPct: number): Band {
  return majorityPct < 10 ? 'under10' : majorityPct < 20 ? '10to20' : '20plus';
}

interface Stats {
  n: number;
  mean: number | null;
  /** Sample variance; null with fewer than two values. */
  variance: number | null;
}

function stats(values: readonly number[]): Stats {
  const n = values.length;
  if (n === 0) return { n, mean: null, variance: null };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = n < 2 ? null : values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { n, mean, variance };
}

const round = (v: number | null, places = 2) =>
  v === null ? null : Math.round(v * 10 ** places) / 10 ** places;
const group = (s: Stats) => ({
  n: s.n,
  meanChange: round(s.mean),
  sd: s.variance === null ? null : round(Math.sqrt(s.variance)),
});

/**
 * Per election: strata with each group's n, mean change and standard deviation and the difference of the
 * means; overall, the strata's differences weighted by the smaller group's n (a stratum with 5 seats with
 * pilots and 1 without says little more than one pair), strata lacking either group left out and counted;
 * the spread is the standard error of that weighted difference, a group of one seat borrowing the pooled
 * variance of the others.
 */
export function compareVote(elections: readonly VoteElection[]): TVoteEffect {
  return {
    elections: elections.map(({ election, previous, seats }) => {
      const strata = new Map<
        string,
        { region: VoteSeat['region']; band: Band; with: number[]; without: number[] }
      >();
      for (const seat of seats) {
        const band = majorityBand(seat.majorityPctBefore);
        const key = `${seat.region.code}|${band}`;
        const stratum = strata.get(key) ?? { region: seat.region, band, with: [], without: [] };
        strata.set(key, stratum);
        const piloted = seat.pilotStartedOn !== null && seat.pilotStartedOn < election.polledOn;
        (piloted ? stratum.with : stratum.without).push(seat.shareAfter - seat.shareBefore);
      }
      const ordered = [...strata.values()].sort(
        (a, b) =>
          a.region.name.localeCompare(b.region.name) ||
          MAJORITY_BANDS.indexOf(a.band) - MAJORITY_BANDS.indexOf(b.band),
      );
      const computed = ordered.map((s) => {
        const w = stats(s.with);
        const o = stats(s.without);
        const difference = w.mean !== null && o.mean !== null ? w.mean - o.mean : null;
        return { s, w, o, difference };
      });
      const used = computed.filter((c) => c.difference !== null);

      // Pooled within-group variance of the strata used, for groups too small to have their own.
      let ss = 0;
      let df = 0;
      for (const c of used)
        for (const g of [c.w, c.o])
          if (g.variance !== null) {
            ss += g.variance * (g.n - 1);
            df += g.n - 1;
          }
      const pooled = df > 0 ? ss / df : null;

      let weightSum = 0;
      let weighted = 0;
      let varianceSum = 0;
      let spreadKnown = pooled !== null;
      for (const c of used) {
        const weight = Math.min(c.w.n, c.o.n);
        weightSum += weight;
        weighted += weight * c.difference!;
        const vw = c.w.variance ?? pooled;
        const vo = c.o.variance ?? pooled;
        if (vw === null || vo === null) spreadKnown = false;
        else varianceSum += weight ** 2 * (vw / c.w.n + vo / c.o.n);
      }
      return {
        election,
        previous,
        strata: computed.map(({ s, w, o, difference }) => ({
          region: s.region,
          band: s.band,
          withPilots: group(w),
          without: group(o),
          difference: round(difference),
        })),
        overall: {
          withPilots: used.reduce((n, c) => n + c.w.n, 0),
          without: used.reduce((n, c) => n + c.o.n, 0),
          difference: weightSum > 0 ? round(weighted / weightSum) : null,
          spread: weightSum > 0 && spreadKnown ? round(Math.sqrt(varianceSum) / weightSum) : null,
          strataUsed: used.length,
          strataLeftOut: computed.length - used.length,
        },
      };
    }),
    caveats: VOTE_CAVEATS,
  };
}
