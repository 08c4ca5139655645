import { describe, expect, it } from 'vitest';
import {
  changedHands,
  deriveFigures,
  isRedWall2010,
  isRedWall2024,
  swingNeeded,
  type ResultInput,
} from './derived.ts';

// Figures below were checked by hand against the House of Commons Library constituency files
// (HoC-GE2017/2019/2024-results-by-constituency.csv).
const v = (party: string, votes: number) => ({ party, votes });

const blythValley2019: ResultInput = {
  election: 'GE2019',
  electorate: 64429,
  validVotes: 40859,
  majority: 712,
  winner: 'Con',
  second: 'Lab',
  resultText: 'Con gain from Lab',
  votes: [v('Con', 17440), v('Lab', 16728), v('LD', 2151), v('BRX', 3394), v('Green', 1146)],
};

const buryNorth2019: ResultInput = {
  election: 'GE2019',
  electorate: 68802,
  validVotes: 46841,
  majority: 105,
  winner: 'Con',
  second: 'Lab',
  resultText: 'Con gain from Lab',
  votes: [v('Con', 21660), v('Lab', 21555), v('LD', 1584), v('BRX', 1240), v('Green', 802)],
};

const hartlepool2024: ResultInput = {
  election: 'GE2024',
  electorate: 71437,
  validVotes: 35511,
  majority: 7698,
  winner: 'Lab',
  second: 'RUK',
  resultText: 'Lab hold',
  votes: [v('Con', 7767), v('Lab', 16414), v('LD', 572), v('RUK', 8716), v('Green', 834), v('Oth', 1208)],
};

describe('deriveFigures', () => {
  it('Blyth Valley 2019: majority 712 (1.74%), Labour needs a 0.87-point swing to gain', () => {
    const f = deriveFigures(blythValley2019, 'Lab');
    expect(f.majority).toBe(712);
    expect(f.majorityPct).toBeCloseTo(1.7426, 3);
    expect(f.swingNeeded).toBeCloseTo(0.8713, 3);
    expect(f.swingKind).toBe('gain');
    expect(f.turnoutPct).toBeCloseTo(63.417, 2);
    expect(f.winnerSharePct).toBeCloseTo(42.683, 2);
    expect(f.labSharePct).toBeCloseTo(40.941, 2);
    expect(f.changedHands).toBe(true);
  });

  it('Bury North 2019: majority 105 (0.22%), swing to gain 0.11 points', () => {
    const f = deriveFigures(buryNorth2019, 'Lab');
    expect(f.majority).toBe(105);
    expect(f.majorityPct).toBeCloseTo(0.2242, 3);
    expect(f.swingNeeded).toBeCloseTo(0.1121, 3);
  });

  it('Hartlepool 2024: a Labour hold, 10.84-point swing to lose to Reform', () => {
    const f = deriveFigures(hartlepool2024, 'Lab');
    expect(f.swingKind).toBe('lose');
    expect(f.swingNeeded).toBeCloseTo(10.839, 2);
    expect(f.majorityPct).toBeCloseTo(21.678, 2);
    expect(f.changedHands).toBe(false);
  });

  it('halves the gap between the winner and a third-placed party too', () => {
    // The Lib Dems in Blyth Valley: (42.683 − 5.264) / 2.
    expect(swingNeeded(blythValley2019, 'LD').swing).toBeCloseTo(((17440 - 2151) / 40859 / 2) * 100, 6);
  });

  it('returns zero shares rather than dividing by zero for an empty result', () => {
    const f = deriveFigures({ ...hartlepool2024, validVotes: 0, electorate: 0, votes: [] });
    expect(f.majorityPct).toBe(0);
    expect(f.turnoutPct).toBeNull();
  });
});

describe('changedHands', () => {
  it('reads the official result text where there is one', () => {
    expect(changedHands(blythValley2019, 'Con')).toBe(true);
    expect(changedHands(hartlepool2024, 'Con')).toBe(false);
  });
  it('compares with the previous winner when there is no text (notional results)', () => {
    const notional = { ...hartlepool2024, resultText: null };
    expect(changedHands(notional, 'Con')).toBe(true);
    expect(changedHands(notional, 'Lab')).toBe(false);
    expect(changedHands(notional, undefined)).toBe(false);
  });
});

describe('red wall', () => {
  it('2010 boundaries: North, Midlands or Wales, Labour in 2017, Conservative in 2019', () => {
    expect(isRedWall2010('E12000001', 'Lab', 'Con')).toBe(true); // Blyth Valley, North East
    expect(isRedWall2010('E12000002', 'Lab', 'Con')).toBe(true); // Bury North, North West
    expect(isRedWall2010('W92000004', 'Lab', 'Con')).toBe(true); // Wales
    expect(isRedWall2010('E12000007', 'Lab', 'Con')).toBe(false); // Kensington, London
    expect(isRedWall2010('E12000006', 'Lab', 'Con')).toBe(false); // East of England
    expect(isRedWall2010('E12000001', 'Lab', 'Lab')).toBe(false); // held
    expect(isRedWall2010('E12000004', 'Con', 'Con')).toBe(false); // never Labour
  });

  it('2024 boundaries: inherits the flag of the predecessor that gave it most people', () => {
    expect(
      isRedWall2024([
        { code: 'E14000575', population: 60000, redWall: true },
        { code: 'E14000000', population: 20000, redWall: false },
      ]),
    ).toBe(true);
    expect(
      isRedWall2024([
        { code: 'E14000575', population: 20000, redWall: true },
        { code: 'E14000000', population: 60000, redWall: false },
      ]),
    ).toBe(false);
    expect(isRedWall2024([])).toBe(false);
  });
});
