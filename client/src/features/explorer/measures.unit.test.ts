import { SEAT_SORTS } from '@groundwork/server/contracts';
import { describe, expect, it } from 'vitest';
import {
  availability,
  filterKeys,
  filterParams,
  readFilters,
  unusableSorts,
  type Measure,
} from '../seat-map/measure.ts';
import { MEASURES } from './measures.ts';
import { parseViewState, seatListParams, serializeViewState } from './viewState.ts';

const Control = () => null;

/** A measure as a next feature (pilots) would add it: its own layer, filter, column and card section. */
const pilotMeasure: Measure = {
  id: 'pilot',
  label: 'Organising pilot',
  boundarySets: ['2024'],
  denied: (layers) =>
    'pilot' in layers ? undefined : { tag: 'sign in', reason: 'Sign in to see the pilots.' },
  legend: () => ({ title: 'Pilot', groups: [], classOf: () => null }),
  describe: () => 'Pilot',
  filters: [
    {
      keys: ['pilot'],
      read: (url) => (url.get('pilot') === 'yes' ? { pilot: 'yes' } : {}),
      params: (v) => ({ hasPilot: v.pilot === 'yes' ? 'true' : undefined }),
      Control,
    },
  ],
  columns: [{ id: 'pilot', header: 'Pilot', sort: 'pilot', cell: () => '' }],
};

describe('the measure registry', () => {
  it('has the built-in measures first, then targets, pilots and selections, each id once', () => {
    const ids = MEASURES.map((m) => m.id);
    expect(ids).toEqual([
      'winner',
      'majorityPct',
      'swingNeeded',
      'leavePct',
      'turnoutPct',
      'deprivationDecile',
      'target',
      'pilots',
      'pilot-activity',
      'selection-stage',
      'selection-compliance',
    ]);
  });

  it('gives every filter key and column one owner, and sorts only by keys the seat list knows', () => {
    const keys = filterKeys(MEASURES);
    expect(keys).toEqual([
      'winner',
      'redWall',
      'minSwing',
      'maxSwing',
      'target',
      'tier',
      'pilots',
      'selectionStage',
      'selectionCompliance',
    ]);
    const columns = MEASURES.flatMap((m) => m.columns ?? []);
    expect(new Set(columns.map((c) => c.id)).size).toBe(columns.length);
    for (const c of columns) if (c.sort) expect(SEAT_SORTS).toContain(c.sort);
  });

  it('gives every class of every fixed legend a distinct colour and a label', () => {
    for (const m of MEASURES.filter((x) => x.id !== 'winner')) {
      const classes = m.legend({ parties: new Map(), seats: [] }).groups.flatMap((g) => g.classes);
      expect(classes.length, m.id).toBeGreaterThan(1);
      expect(new Set(classes.map((c) => c.colour)).size, m.id).toBe(classes.length);
      for (const c of classes) expect(c.label, m.id).not.toBe('');
    }
  });

  it('offers the built-in measures to everyone on both boundary sets', () => {
    // Targets and pilots are layers: they say why they are denied to someone without them.
    for (const m of MEASURES.filter((x) => !x.denied)) {
      for (const boundarySet of ['2010', '2024'] as const) {
        expect(availability(m, { boundarySet, layers: undefined }).state).toBe('ok');
        expect(availability(m, { boundarySet, layers: {} }).state).toBe('ok');
      }
    }
  });
});

describe('a measure added to the registry', () => {
  const measures = [...MEASURES, pilotMeasure];
  const withPilot = { boundarySet: '2024', layers: { target: 'full', pilot: 'full' } } as never;

  it('brings its filter keys into the URL, in registry order', () => {
    const s = parseViewState('?pilot=yes&winner=Lab&pilot=no', measures);
    expect(s.filters).toEqual({ winner: 'Lab', pilot: 'yes' });
    expect(serializeViewState(s, measures)).toContain('&winner=Lab&pilot=yes');
    expect(parseViewState(serializeViewState(s, measures), measures)).toEqual(s);
    expect(readFilters(new URLSearchParams('pilot=maybe'), measures)).toEqual({});
  });

  it('sends its own query parameters, only when the caller may use it', () => {
    const s = parseViewState('?pilot=yes&minSwing=2&sort=-target', measures);
    expect(seatListParams(s, withPilot, measures)).toEqual({
      boundarySet: '2024',
      election: 'GE2024',
      region: undefined,
      winner: undefined,
      redWall: undefined,
      minSwing: '2',
      maxSwing: undefined,
      target: undefined,
      tier: undefined,
      pilots: undefined,
      hasPilot: 'true',
      sort: '-target',
    });
    const signedOut = { boundarySet: '2024' as const, layers: {} };
    expect(filterParams(s.filters, measures, signedOut)).not.toHaveProperty('hasPilot');
    expect(unusableSorts(measures, signedOut)).toEqual(
      new Set(['target', 'tier', 'pilots', 'activity', 'selectionStage', 'selectionCompliance', 'pilot']),
    );
    expect(seatListParams(s, signedOut, measures).sort).toBe('name');
  });
});
