import type { TPilot } from '@groundwork/server/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError.ts';
import { errorsShown, localProblems, serverErrors, toUpdate, updateFrom, valuesOf } from './formValues.ts';

const PILOT = {
  id: 7,
  title: 'Save the 308 bus',
  category: 'transport',
  kind: 'community_organising',
  status: 'active',
  statusOn: '2026-10-01',
  startsOn: '2026-09-01',
  endsOn: null,
  clp: { id: 3, name: 'Blyth and Ashington CLP' },
  seat: { code: 'E14001107', name: 'Blyth and Ashington' },
  region: { code: 'E12000001', name: 'North East' },
  location: { lat: 55.15, lng: -1.55 },
  totals: {
    activities: 0,
    participants: 0,
    conversations: 0,
    newMembers: 0,
    newUnionMembers: 0,
    newLeaders: 0,
    petitionSignatures: 0,
  },
  lastActivityOn: null,
  organiser: { id: 4, name: 'Olu Organiser' },
  version: 5,
  issue: 'Evening buses cut',
  goals: 'Keep them',
  outcome: 'Kept two of three',
  evidenceLinks: ['https://example.org/a'],
  lessons: 'Start earlier',
  origin: null,
  copies: [],
  partners: [
    {
      id: 9,
      name: 'Unite',
      kind: 'union_branch',
      unionName: 'Unite',
      contactRole: null,
      pilotCount: 1,
      version: 1,
    },
  ],
  statusChanges: [],
  timeline: [],
  updatedAt: '2026-10-01T10:00:00Z',
  can: { edit: true, comment: true, seePersonal: true },
} satisfies TPilot;

describe('the pilot form', () => {
  it('sends an edit with the outcome the form does not show, and the status date only on a change', () => {
    const body = toUpdate({ ...valuesOf(PILOT), title: 'Save the 308' }, PILOT, 5);
    expect(body).toMatchObject({
      title: 'Save the 308',
      outcome: 'Kept two of three',
      partnerIds: [9],
      organiserId: 4,
    });
    expect(body.evidenceLinks).toEqual(['https://example.org/a']);
    expect('statusOn' in body).toBe(false);
    const won = toUpdate({ ...valuesOf(PILOT), status: 'won', statusOn: '2026-11-02' }, PILOT, 5);
    expect(won.statusOn).toBe('2026-11-02');
  });

  it('changes only the outcome when the outcome is saved, at the version given', () => {
    const body = updateFrom({ ...PILOT, version: 6 }, { outcome: 'Won', lessons: '' });
    expect(body).toMatchObject({ title: PILOT.title, outcome: 'Won', lessons: '', version: 6 });
  });

  it('checks the dates and required fields before sending', () => {
    const problems = localProblems({ ...valuesOf(PILOT), title: 'ab', endsOn: '2026-08-01' });
    expect(Object.keys(problems).sort()).toEqual(['endsOn', 'title']);
  });

  it('puts the server’s messages under the form’s fields', () => {
    const error = new ApiError({
      status: 422,
      code: 'UNPROCESSABLE',
      message: 'location is in Hexham',
      details: [
        { field: 'body.location', message: 'is in Hexham, not in Blyth and Ashington' },
        { field: 'partnerIds.0', message: 'was merged' },
      ],
    });
    expect(serverErrors(error)).toEqual({
      location: 'is in Hexham, not in Blyth and Ashington',
      partners: 'was merged',
    });
    expect(serverErrors(new ApiError({ status: 500, code: 'X', message: 'Broken' }))).toEqual({
      form: 'Broken',
    });
  });
});

describe('errors shown after a submit', () => {
  it('drops the error of a field changed since, and the CLP error once another CLP is chosen', () => {
    const errors = { title: 'Give the pilot a title', kind: 'Choose a kind', clpId: 'Choose the CLP' };
    expect(errorsShown(errors, new Set(['title']), false)).toEqual({
      kind: 'Choose a kind',
      clpId: 'Choose the CLP',
    });
    expect(errorsShown(errors, new Set(), true)).toEqual({
      title: 'Give the pilot a title',
      kind: 'Choose a kind',
    });
  });
});
