// How a pilot appears in its history (field by field), and the day a status takes effect by default.
import { statusOnProblem, ukDay, type TPilotStatus } from '../../contracts/index.ts';
import { AppError } from '../../http/app-error.ts';
import { day } from './pilot-reads.ts';

export const AUDITED = [
  'title',
  'issue',
  'category',
  'kind',
  'status',
  'statusOn',
  'startsOn',
  'endsOn',
  'goals',
  'organiserId',
  'location',
  'partnerIds',
  'outcome',
  'evidenceLinks',
  'lessons',
] as const;

/** A pilot as its history speaks of it: dates as days, the point as "lat,lng", partners as sorted ids. */
export function auditView(p: {
  title: string;
  issue: string;
  category: string;
  kind: string;
  status: string;
  statusOn: Date;
  startsOn: Date;
  endsOn: Date | null;
  goals: string;
  organiserId: number | null;
  latitude: number | null;
  longitude: number | null;
  outcome: string;
  evidenceLinks: string[];
  lessons: string;
  partnerIds: number[];
}) {
  return {
    ...p,
    statusOn: day(p.statusOn),
    startsOn: day(p.startsOn),
    endsOn: p.endsOn ? day(p.endsOn) : null,
    location: p.latitude != null && p.longitude != null ? `${p.latitude},${p.longitude}` : null,
    partnerIds: [...p.partnerIds].sort((a, b) => a - b),
  };
}

/** Today in the UK, where the pilots are: a status set late in the evening belongs to that day. */
export function today(): string {
  return ukDay(0);
}

/**
 * 422 naming statusOn when a status cannot have taken effect that day. The request schema checks a date the
 * editor gave; this checks the one the server chose (today, for a new status of a pilot not yet started).
 */
export function assertStatusOn(status: TPilotStatus, statusOn: string, startsOn: string): void {
  const problem = statusOnProblem(status, statusOn, startsOn);
  if (problem) {
    throw new AppError('UNPROCESSABLE', `The status date (${statusOn}) ${problem} (${startsOn})`, [
      { field: 'statusOn', message: problem },
    ]);
  }
}
