import type { TParty, TSeatFigures } from '@groundwork/server/contracts';
import { describe, expect, it } from 'vitest';
import { SEAT_MEASURES } from '../seats/seatMeasures.tsx';
import { colourScale, type Measure } from './measure.ts';
import { binIndex, binLabels, classCounts, type SeatValues } from './measures.ts';

function measure(id: string): Measure {
  const m = SEAT_MEASURES.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m;
}

const parties = new Map<string, TParty>([
  ['Lab', { code: 'Lab', name: 'Labour', colour: '#E4003B' }],
  ['Con', { code: 'Con', name: 'Conservative', colour: '#0087DC' }],
]);

function scaleOf(id: string, seats: readonly SeatValues[] = []) {
  return colourScale(measure(id), { parties, seats });
}

function seat(result: Partial<TSeatFigures> | null, extra: Partial<SeatValues> = {}): SeatValues {
  return {
    leavePct: 55,
    deprivationDecile: 4,
    result: result && {
      election: 'GE2019',
      winner: 'Con',
      second: 'Lab',
      majority: 712,
      majorityPct: 1.7,
      turnoutPct: 63.3,
      winnerSharePct: 42.7,
      labSharePct: 40.9,
      swingNeeded: 0.9,
      swingKind: 'gain',
      changedHands: true,
      resultText: null,
      ...result,
    },
    ...extra,
  };
}

describe('binIndex', () => {
  it('treats breaks as lower bounds', () => {
    expect(binIndex(4.99, [5, 10])).toBe(0);
    expect(binIndex(5, [5, 10])).toBe(1);
    expect(binIndex(10, [5, 10])).toBe(2);
    expect(binIndex(99, [5, 10])).toBe(2);
  });
});

describe('binLabels', () => {
  it('names every class, open-ended at the top', () => {
    expect(binLabels([5, 10, 15], 0)).toEqual(['0–5', '5–10', '10–15', '15+']);
    expect(binLabels([40, 45])).toEqual(['Under 40', '40–45', '45+']);
  });
});

describe('colourScale', () => {
  it('colours winners in their party colour and lists only parties that won', () => {
    const seats = [seat({ winner: 'Con' }), seat({ winner: 'Con' }), seat({ winner: 'Lab' })];
    const scale = scaleOf('winner', seats);
    expect(scale.groups[0]?.classes.map((c) => c.label)).toEqual(['Conservative', 'Labour']);
    expect(scale.classOf(seats[2] as SeatValues)?.colour).toBe('#E4003B');
  });

  it('falls back to grey for a party it does not know', () => {
    const scale = scaleOf('winner');
    expect(scale.classOf(seat({ winner: 'Xyz' }))).toMatchObject({ label: 'Xyz', colour: '#9aa0a6' });
  });

  it('states the unit of the majority and puts marginals in the first class', () => {
    const scale = scaleOf('majorityPct');
    expect(scale.title).toBe('Majority (% of valid votes)');
    expect(scale.groups[0]?.classes.map((c) => c.label)).toEqual([
      '0–5',
      '5–10',
      '10–15',
      '15–20',
      '20–30',
      '30+',
    ]);
    expect(scale.classOf(seat({ majorityPct: 1.7 }))?.label).toBe('0–5');
    expect(scale.classOf(seat({ majorityPct: 30 }))?.label).toBe('30+');
  });

  it('separates swing to gain from swing to lose', () => {
    const scale = scaleOf('swingNeeded');
    expect(scale.groups.map((g) => g.heading)).toEqual([
      'Not Labour: swing to gain',
      'Labour-held: swing to lose',
    ]);
    const gain = scale.classOf(seat({ swingNeeded: 3, swingKind: 'gain' }));
    const lose = scale.classOf(seat({ swingNeeded: 3, swingKind: 'lose' }));
    expect(gain?.key).toBe('gain1');
    expect(lose?.key).toBe('lose1');
    expect(gain?.colour).not.toBe(lose?.colour);
  });

  it('has no class for missing values', () => {
    expect(scaleOf('leavePct').classOf(seat(null, { leavePct: null }))).toBeNull();
    expect(scaleOf('turnoutPct').classOf(seat(null))).toBeNull();
    expect(scaleOf('deprivationDecile').classOf(seat(null, { deprivationDecile: null }))).toBeNull();
  });

  it('gives each deprivation decile its own class, 1 the most deprived', () => {
    const scale = scaleOf('deprivationDecile');
    expect(scale.groups[0]?.classes).toHaveLength(10);
    expect(scale.classOf(seat(null, { deprivationDecile: 1 }))?.label).toBe('1 (most deprived)');
  });

  it('gives every class a distinct colour', () => {
    for (const id of ['majorityPct', 'swingNeeded', 'leavePct', 'turnoutPct', 'deprivationDecile'] as const) {
      const colours = scaleOf(id).groups.flatMap((g) => g.classes.map((c) => c.colour));
      expect(new Set(colours).size).toBe(colours.length);
    }
  });
});

describe('classCounts', () => {
  it('counts seats per class and those without data', () => {
    const scale = scaleOf('leavePct');
    const counts = classCounts(scale, [
      seat(null, { leavePct: 62 }),
      seat(null, { leavePct: 61 }),
      seat(null, { leavePct: null }),
    ]);
    expect(counts.get('5')).toBe(2);
    expect(counts.get('none')).toBe(1);
  });
});

describe('describe', () => {
  it('says the direction of the swing', () => {
    const say = (id: string) => scaleOf(id).describe(seat({}), (c) => c);
    expect(say('swingNeeded')).toBe('Labour needs 0.9 pts swing to gain');
    expect(say('majorityPct')).toBe('Majority 712 (1.7%)');
    expect(say('winner')).toBe('Won by Con');
  });
});
